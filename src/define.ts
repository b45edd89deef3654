/**
 * Side-effect entry: handles a login response in this page's URL (relays a popup's, takes in or
 * forwards a redirect's), and registers `<social-login>` unless a copy of the widget already did.
 *
 * @example
 * ```ts
 * import 'social-login/define';
 * ```
 */
import { relayed } from './relay-first.js';
import { redirectReturn } from './core/redirect-return.js';
import { SocialLogin } from './element/social-login.js';

// handleLoginResponse(), with the sessionStorage read put off when this URL has no redirect response.
if (!relayed) redirectReturn.readSoon();
if (!customElements.get('social-login')) customElements.define('social-login', SocialLogin);

declare global {
  interface HTMLElementTagNameMap {
    'social-login': SocialLogin;
  }
}
