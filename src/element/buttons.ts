import { importIcon } from '../core/chunk-loader.js';
import type { Connection } from '../events.js';
import { fromDocument } from '../util/dom.js';
import { retryCache } from '../util/retry-cache.js';
import { brandOf } from './brand.js';
import type { Strings } from '../core/strings.js';

/** Each built-in brand's icon, loaded once per page. */
const loadIcon = retryCache(importIcon);

const createElement = fromDocument('createElement');

/** A new element with a `part` name. */
function part<K extends keyof HTMLElementTagNameMap>(tag: K, name: string): HTMLElementTagNameMap[K] {
  const el = createElement(tag);
  el.part.add(name);
  return el;
}

/** What the buttons show of the element's logins (its `LoginController`). @internal */
export interface LoginState {
  /** The id of the connection whose login runs. */
  busy?: string | undefined;
  /** The id of the connection that logged in last. */
  last?: string | undefined;
  /** The live region's text. */
  message: string;
}

/**
 * The element's shadow DOM, built with DOM calls (no HTML parsing, so it passes Trusted Types): one
 * button per connection with its icon box, label and "last used" badge, and a polite live region;
 * with `signed-in="account"` and someone signed in, the account view (the protocol chunk's) in their place.
 * The buttons are rebuilt when their list or language changes, and otherwise updated in place.
 * @internal
 */
export class Buttons {
  readonly #box = part('div', 'buttons');
  readonly #status = part('div', 'error');
  readonly #account = part('div', 'account');
  /** What the buttons were last built from. */
  #built?: string;

  constructor(
    root: ParentNode,
    private click: (connection: Connection) => void,
    private changed: () => void,
  ) {
    this.#status.role = 'status';
    this.#status.ariaLive = 'polite';
    root.append(this.#box, this.#account, this.#status);
  }

  /**
   * Shows `list` in texts `s` with the state of the logins, or the account view that `account` draws
   * (the session keeper's) instead; built-in icons load once `icons` is true (after the first frame).
   */
  render(list: Connection[], s: Strings, state: LoginState, icons: boolean, account?: (box: HTMLElement) => void): void {
    this.#box.hidden = !!account;
    this.#account.hidden = !account;
    // A right-to-left language lays the element out so (icon at the start, badge at the end); else the page's direction.
    for (const part of [this.#box, this.#account, this.#status]) part.dir = s.dir ?? '';
    account?.(this.#account);
    const key = JSON.stringify([list, s.signIn]);
    if (key != this.#built) {
      this.#built = key;
      this.#box.replaceChildren(
        ...list.map((c) => {
          const button = part('button', 'button');
          button.type = 'button';
          // The icon: the page's own (a child with slot="icon-<id>"), else the brand's once loaded.
          const icon = part('span', 'icon');
          const slot = createElement('slot');
          slot.name = `icon-${c.id}`;
          slot.onslotchange = this.changed;
          icon.ariaHidden = 'true';
          icon.append(slot);
          // One text node each for good: WebKit drops a click whose pressed node is replaced before
          // the release, so a re-render (icons arriving, another login ending) only changes its data.
          const label = part('span', 'label');
          const badge = part('span', 'last-used');
          label.append('');
          badge.append('');
          button.append(icon, label, badge);
          button.addEventListener('click', () => this.click(c));
          return button;
        }),
      );
    }
    list.forEach((c, i) => {
      const button = this.#box.children[i] as HTMLButtonElement;
      const [icon, label, badge] = button.children as unknown as HTMLElement[];
      const slot = icon!.firstChild as HTMLSlotElement;
      const brand = brandOf(c);
      // Built-in icons load after the first frame, into a box kept for them meanwhile so nothing
      // moves; a failed load leaves the box empty.
      if (brand && icons && !slot.firstChild) {
        loadIcon(brand).then((svg) => svg && !slot.firstChild && (slot.append(svg.cloneNode(true)), this.changed()), () => {});
      }
      icon!.hidden = !brand && !slot.assignedNodes().length;
      const busy = state.busy === c.id;
      (label!.firstChild as Text).data = c.name ? (busy ? s.busy : s.continueWith).replace('{name}', () => c.name) : s.signIn;
      button.ariaBusy = String(busy);
      badge!.hidden = !(list.length > 1 && state.last === c.id);
      (badge!.firstChild as Text).data = badge!.hidden ? '' : s.lastUsed;
    });
    this.#status.textContent = state.message;
  }
}
