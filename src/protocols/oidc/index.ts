/** `protocol="oidc"`: the steps of protocol.ts, driven through a popup or a redirect (redirect.ts). */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { Prepared, ProtocolFlows } from '../../core/protocol.js';
import type { Connection, LoginDetail } from '../../events.js';
import { orAbort } from '../../util/or-abort.js';
import { acceptMessage } from '../shared/popup-message.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { SessionKeeper } from '../shared/session-keeper.js';
import { completeLogin } from './complete.js';
import { popupRequest, prepare, take, type PopupRequest } from './ahead.js';
import { oidcLogout } from './logout.js';
import { oidcRedirect } from './redirect.js';
import { checked } from '../shared/check-config.js';

/**
 * One login in an already-open popup: with the request the click took (the popup opened at its URL),
 * or else discover and send the popup to the broker with a fresh state/nonce/PKCE verifier; then
 * await the response, redeem the code, and describe the login. The secrets live only in this
 * attempt's memory.
 * @throws {PopupBlockedError} when the popup was closed before it could be sent to the broker (a
 *   blocker that closes popups at once), so the caller can fall back to a redirect
 */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal, ready?: Prepared): Promise<LoginDetail> {
  const { meta, request, url } = (ready as PopupRequest | undefined) ?? (await orAbort(popupRequest(config, connection), signal));
  openWindow(win);
  if (!ready) win.navigate(url);
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
export const flows: ProtocolFlows = checked({
  keeper: (host, link) => new SessionKeeper(host, link, flows, 'oidc'),
  prefetch: (config) => prepare(config),
  take,
  popup,
  ...oidcRedirect((broker) => broker),
  logout: oidcLogout((broker) => broker),
});
