/**
 * The account view (`signed-in="account"`), in the protocol's chunk: who is signed in — their picture when
 * the broker gave one, "Signed in as {name}" (the id without a name) — and a "Sign out" button whose
 * accessible name says whom it signs out. Built with DOM calls (no HTML parsing: Trusted Types).
 */
import type { Strings } from '../../core/strings.js';
import type { Session } from '../../events.js';
import { fromDocument } from '../../util/dom.js';

const createElement = fromDocument('createElement');

/** The account view's own styles, adopted by the element's shadow root with the view (the core's stay lean). */
const CSS = `[part=account]:not([hidden]){display:flex;align-items:center;gap:var(--social-login-gap,8px);flex-wrap:wrap}
[part=avatar]{width:32px;height:32px;border-radius:50%;object-fit:cover}
[part=account-name]{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}`;
let sheet: CSSStyleSheet | undefined;

/** A new element with a `part` name. */
function part<K extends keyof HTMLElementTagNameMap>(tag: K, name: string): HTMLElementTagNameMap[K] {
  const el = createElement(tag);
  el.part.add(name);
  return el;
}

/**
 * Shows the signed-in `session` in `box`; `signOut` runs on the button. Built once, then updated in
 * place (its text nodes kept): WebKit drops a click whose pressed node is replaced before the release.
 * @internal
 */
export function renderAccount(box: HTMLElement, session: Session, s: Strings, signOut: () => void): void {
  if (!box.firstChild) {
    const root = box.getRootNode() as ShadowRoot;
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const avatar = part('img', 'avatar');
    // Decorative: the name beside it says who it is.
    avatar.alt = '';
    avatar.referrerPolicy = 'no-referrer';
    const button = part('button', 'sign-out');
    button.type = 'button';
    button.addEventListener('click', signOut);
    const name = part('span', 'account-name');
    name.append('');
    button.append('');
    box.append(avatar, name, button);
  }
  const [avatar, label, button] = box.children as unknown as [HTMLImageElement, HTMLSpanElement, HTMLButtonElement];
  const { user } = session;
  const name = user.name || user.id;
  if (user.picture && avatar.getAttribute('src') != user.picture) avatar.src = user.picture;
  avatar.hidden = !user.picture;
  (label.firstChild as Text).data = (s.signedInAs ?? 'Signed in as {name}').replace('{name}', () => name);
  (button.firstChild as Text).data = s.signOut ?? 'Sign out';
  button.ariaLabel = (s.signOutUser ?? 'Sign out {name}').replace('{name}', () => name);
}
