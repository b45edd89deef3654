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
  el.setAttribute('part', name);
  return el;
}

/** What the buttons show besides their connections. @internal */
export interface ButtonsState {
  /** The texts in the element's language. */
  strings: Strings;
  /** The id of the connection whose login runs. */
  busy?: string | undefined;
  /** The id of the connection that logged in last. */
  last?: string | undefined;
  /** Whether built-in icons may load (after the first frame). */
  icons: boolean;
  /** The live region's text. */
  message: string;
}

/**
 * The element's shadow DOM, built with DOM calls (no HTML parsing, so it passes Trusted Types): one
 * button per connection with its icon box, label and "last used" badge, and a polite live region.
 * The buttons are rebuilt when their list or language changes, and otherwise updated in place.
 * @internal
 */
export class Buttons {
  readonly #box = part('div', 'buttons');
  readonly #status = part('div', 'error');
  /** What the buttons were last built from. */
  #built?: string;

  constructor(
    root: ParentNode,
    private click: (connection: Connection) => void,
    private changed: () => void,
  ) {
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('aria-live', 'polite');
    root.append(this.#box, this.#status);
  }

  render(list: Connection[], state: ButtonsState): void {
    const s = state.strings;
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
          icon.setAttribute('aria-hidden', 'true');
          icon.append(slot);
          button.append(icon, part('span', 'label'), part('span', 'last-used'));
          button.addEventListener('click', () => this.click(c));
          return button;
        }),
      );
    }
    list.forEach((c, i) => {
      const [icon, label, badge] = this.#box.children[i]!.children as unknown as HTMLElement[];
      const slot = icon!.firstChild as HTMLSlotElement;
      const brand = brandOf(c);
      // Built-in icons load after the first frame, into a box kept for them meanwhile so nothing
      // moves; a failed load leaves the box empty.
      if (brand && state.icons && !slot.firstChild) {
        loadIcon(brand).then((svg) => svg && !slot.firstChild && (slot.append(svg.cloneNode(true)), this.changed()), () => {});
      }
      icon!.hidden = !brand && !slot.assignedNodes().length;
      const busy = state.busy === c.id;
      label!.textContent = c.name ? (busy ? s.busy : s.continueWith).replace('{name}', c.name) : s.signIn;
      label!.parentElement!.setAttribute('aria-busy', String(busy));
      badge!.hidden = !(list.length > 1 && state.last === c.id);
      badge!.textContent = badge!.hidden ? '' : s.lastUsed;
    });
    this.#status.textContent = state.message;
  }
}
