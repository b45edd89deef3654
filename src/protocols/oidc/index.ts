/** `protocol="oidc"`: the steps of protocol.ts, driven through a popup or a redirect (redirect.ts). */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { POPUP_STATE_PREFIX } from '../../core/relay.js';
import type { Connection, LoginDetail } from '../../events.js';
import { orAbort } from '../../util/or-abort.js';
import { acceptMessage } from '../shared/popup-message.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { SessionKeeper } from '../shared/session-keeper.js';
import { completeLogin } from './complete.js';
import { authorizationUrl, discover, newAuthRequest } from './protocol.js';
import { oidcLogout } from './logout.js';
import { oidcRedirect } from './redirect.js';

/**
 * One login in an already-open popup: discover, send the popup to the broker with a fresh
 * state/nonce/PKCE verifier, await the response, redeem the code, and describe the login. The
 * secrets live only in this call's memory.
 * @throws {PopupBlockedError} when the popup was closed before it could be sent to the broker (a
 *   blocker that closes popups at once), so the caller can fall back to a redirect
 */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal): Promise<LoginDetail> {
  const meta = await orAbort(discover(config.broker), signal);
  const request = newAuthRequest(POPUP_STATE_PREFIX);
  const url = await authorizationUrl(meta, config, request, connection);
  openWindow(win);
  win.navigate(url);
  const expect = {
    source: win.window,
    state: request.state,
    relayOrigin: location.origin,
    brokerOrigin: config.responseMode == 'web_message' ? new URL(meta.authorization_endpoint).origin : undefined,
  };
  const params = await popupResponse(win, request.state, signal, (event) => acceptMessage(event, expect));
  return completeLogin(meta, config, params, request, connection, 'popup', signal);
}

/** @internal */
export const flows: ProtocolFlows = {
  keeper: (host, link) => new SessionKeeper(host, link, flows, 'oidc'),
  prefetch: (config) => discover(config.broker),
  popup,
  ...oidcRedirect((broker) => broker),
  logout: oidcLogout((broker) => broker),
};
