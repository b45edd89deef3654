/**
 * Side-effect entry: relays a popup's login response when this page is its landing page, and
 * registers `<social-login>` unless a copy of the widget already did.
 *
 * @example
 * ```ts
 * import 'social-login/define';
 * ```
 */
import { relayPopupResponse } from './channel/relay.js';
import { SocialLogin } from './element/social-login.js';

relayPopupResponse();
if (!customElements.get('social-login')) customElements.define('social-login', SocialLogin);

declare global {
  interface HTMLElementTagNameMap {
    'social-login': SocialLogin;
  }
}
