import { authorizationUrl, discover, newAuthRequest } from '../brokers/oidc.js';
import type { PopupWindow } from '../channel/popup-window.js';
import { POPUP_STATE_PREFIX } from '../channel/relay.js';
import type { LoginConfig } from '../element/config.js';
import { PopupBlockedError } from '../errors.js';
import type { Connection, LoginDetail } from '../events.js';
import { orAbort } from '../util/or-abort.js';
import { completeLogin } from './complete.js';

/**
 * One OpenID Connect login in an already-open popup: discover, send the popup to the broker with a
 * fresh state/nonce/PKCE verifier, await the response, redeem the code, and describe the login.
 * The secrets live only in this call's memory.
 * @throws {PopupBlockedError} when the popup was closed before it could be sent to the broker (a
 *   blocker that closes popups at once), so the caller can fall back to a redirect
 * @internal
 */
export async function popupLogin(
  config: LoginConfig,
  connection: Connection,
  popup: PopupWindow,
  signal: AbortSignal,
): Promise<LoginDetail> {
  const meta = await orAbort(discover(config.broker), signal);
  const request = newAuthRequest(POPUP_STATE_PREFIX);
  const url = await authorizationUrl(meta, config, request, connection);
  if (popup.window.closed) throw new PopupBlockedError('The popup closed at once.');
  popup.navigate(url);
  const brokerOrigin = config.responseMode == 'web_message' ? new URL(meta.authorization_endpoint).origin : undefined;
  const params = await popup.response(request.state, brokerOrigin, signal);
  return completeLogin(meta, config, params, request, connection, 'popup', signal);
}
