/**
 * Side-effect entry: handles a login response in this page's URL (relays a popup's, takes in or
 * forwards a redirect's), and registers `<social-login>` unless a copy of the widget already did (or
 * this page relayed a popup's response: it is closing).
 *
 * @example
 * ```ts
 * import 'social-login/define';
 * ```
 */
import { relayed } from './relay-first.js';
import { redirectReturn } from './core/redirect-return.js';
import { SocialLogin } from './element/social-login.js';

// A popup's landing page that relayed is closing: nothing of it renders (its message is delivered
// only once this task ends). Else handleLoginResponse(), with the sessionStorage read put off when
// this URL has no redirect response.
if (!relayed) {
  redirectReturn.readSoon();
  if (!customElements.get('social-login')) customElements.define('social-login', SocialLogin);
}

declare global {
  interface HTMLElementTagNameMap {
    'social-login': SocialLogin;
  }
}
