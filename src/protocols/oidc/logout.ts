/**
 * Signing out at an OpenID Connect broker: RP-Initiated Logout 1.0 at its `end_session_endpoint`
 * (`id_token_hint` when the page has the login's ID token, `client_id`, `post_logout_redirect_uri` =
 * `redirect-uri`, `state`, and `ui_locales`: the element's language), in the popup the click opened, whose landing page relays the answer like
 * a login's (its state checked), or by a redirect of the whole page, finished on the way back.
 */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { POPUP_STATE_PREFIX } from '../../core/relay.js';
import { REDIRECT_STATE_PREFIX } from '../../core/transaction.js';
import { BrokerError } from '../../errors.js';
import type { LoginDetail, Session } from '../../events.js';
import { orAbort } from '../../util/or-abort.js';
import { randomToken } from '../../util/random.js';
import { acceptMessage } from '../shared/popup-message.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { startRedirect } from '../shared/redirect-start.js';
import { discover } from './protocol.js';

/**
 * The sign-out against the issuer `issuerOf(broker)`, with the ID token `hint` takes from the page's
 * login (by default its ID token): `false` (only the page forgets) when the issuer lists no
 * `end_session_endpoint`.
 * @internal
 */
export const oidcLogout =
  (issuerOf: (broker: string) => string, hint: (login: LoginDetail | undefined) => string | undefined = (login) => login?.tokens?.idToken): ProtocolFlows['logout'] =>
  async (config: LoginConfig, session: Session | null, login: LoginDetail | undefined, element: string, win: PopupWindow | null, signal: AbortSignal) => {
    const idToken = hint(login);
    const meta = await orAbort(discover(issuerOf(config.broker)), signal);
    if (!meta.end_session_endpoint) return false;
    const state = (win ? POPUP_STATE_PREFIX : REDIRECT_STATE_PREFIX) + randomToken();
    const url = new URL(meta.end_session_endpoint);
    const p = url.searchParams;
    if (idToken) p.set('id_token_hint', idToken);
    p.set('client_id', config.clientId);
    p.set('post_logout_redirect_uri', config.redirectUri);
    p.set('state', state);
    p.set('ui_locales', config.lang);
    if (!win) {
      const connection = session?.connection ?? { id: '', name: '' };
      return startRedirect(config, connection, element, { state, nonce: '', verifier: '', logout: true }, () => location.assign(url.href), signal);
    }
    openWindow(win);
    win.navigate(url.href);
    const expect = { source: win.window, state, relayOrigin: location.origin };
    const answer = await popupResponse(win, state, signal, (event) => acceptMessage(event, expect));
    if (answer.error) throw new BrokerError(answer.error, answer.error_description);
    return true;
  };
