/**
 * A constructable stylesheet from CSS text: adopted by every shadow root without a `<style>` element
 * (so `style-src 'self'` pages allow it), and smaller in the bundle than Lit's `css` tag.
 */
const css = (text: TemplateStringsArray): CSSStyleSheet => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text[0]!);
  return sheet;
};

/**
 * Light and dark come from `light-dark()` under the host's `color-scheme`: the page's preference by
 * default, or the `theme` attribute. Every colour has a custom property; layouts and the "last used"
 * badge are attribute and part rules.
 * @internal
 */
export const styles = css`
  :host {
    display: block;
    font: var(--social-login-font, inherit);
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  [part=buttons] {
    display: flex;
    flex-direction: column;
    gap: var(--social-login-gap, 8px);
  }
  :host([layout='horizontal']) [part=buttons],
  :host([layout='icons']) [part=buttons] {
    flex-flow: row wrap;
  }
  :host([layout='horizontal']) button {
    flex: 1;
  }
  button {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 44px;
    min-width: 44px;
    padding: 0 var(--social-login-padding, 16px);
    border: 1px solid var(--social-login-border-color, #8c959f);
    border-radius: var(--social-login-radius, 6px);
    background: var(--social-login-background, light-dark(#fff, #1f2328));
    color: var(--social-login-color, light-dark(#1f2328, #f0f3f6));
    font: inherit;
    cursor: pointer;
    /* A long word or a narrow button wraps the label rather than overflowing the button. */
    overflow-wrap: anywhere;
  }
  button:hover {
    background: var(--social-login-background-hover, light-dark(#f3f4f6, #30363d));
  }
  button:focus-visible {
    outline: 2px solid var(--social-login-focus-color, light-dark(#0b57d0, #80b3ff));
    outline-offset: 2px;
  }
  [aria-busy='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  [part=icon] {
    display: flex;
    flex: none;
    width: var(--social-login-icon-size, 20px);
    height: var(--social-login-icon-size, 20px);
  }
  [part=icon] svg,
  ::slotted(*) {
    width: 100%;
    height: 100%;
  }
  [hidden] {
    display: none;
  }
  :host([layout='icons']) :not([hidden]) + [part=label],
  :host([layout='icons']) [part=last-used] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part=last-used] {
    padding: 0 6px;
    border-radius: 9px;
    font-size: 0.75em;
    background: var(--social-login-badge-background, light-dark(#dafbe1, #1b4721));
    color: var(--social-login-badge-color, light-dark(#116329, #aff5b4));
  }
  [part=error]:not(:empty) {
    margin-top: 8px;
    color: var(--social-login-error-color, light-dark(#b3261e, #ffb4ab));
  }
`;
