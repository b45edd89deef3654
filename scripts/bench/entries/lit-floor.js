// The floor: the least a Lit web component that renders one button per connection can weigh.
import { LitElement, css, html } from 'lit';

class LitFloor extends LitElement {
  static properties = { connections: {} };
  static styles = css`button { display: block; width: 100%; margin: 4px 0; padding: 8px; }`;
  render() {
    return html`${String(this.connections ?? '').split(',').map((c) => html`<button part="button">Continue with ${c.split(':')[1]}</button>`)}`;
  }
}
customElements.define('lit-floor', LitFloor);
