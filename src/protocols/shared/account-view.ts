/**
 * The account view (`signed-in="account"`), in the protocol's chunk: who is signed in — their picture when
 * the broker gave one, "Signed in as {name}" (the id without a name) — and a "Sign out" button whose
 * accessible name says whom it signs out. Built with DOM calls (no HTML parsing: Trusted Types).
 */
import type { Strings } from '../../core/strings.js';
import type { Session } from '../../events.js';
import { fromDocument } from '../../util/dom.js';

const createElement = fromDocument('createElement');

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
  (label.firstChild as Text).data = (s.signedInAs ?? 'Signed in as {name}').replace('{name}', name);
  (button.firstChild as Text).data = s.signOut ?? 'Sign out';
  button.ariaLabel = (s.signOutUser ?? 'Sign out {name}').replace('{name}', name);
}
