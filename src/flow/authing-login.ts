/** Authing logins: a connection's hosted social login in the popup, its result posted back. */
import { authingConnections, authingLogin, authingResult, authingSocialUrl } from '../brokers/authing.js';
import { popupResponse } from '../channel/popup-response.js';
import type { PopupWindow } from '../channel/popup-window.js';
import type { LoginConfig } from '../element/config.js';
import { PopupBlockedError } from '../errors.js';
import type { Connection, LoginDetail } from '../events.js';
import { randomToken } from './random.js';
import type { ProtocolFlows } from './protocols.js';

/**
 * One login in an already-open popup. The result is taken only from Authing's origin and from this
 * very popup window; Authing's message has no state to check.
 */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal): Promise<LoginDetail> {
  if (win.window.closed) throw new PopupBlockedError('The popup closed at once.');
  win.navigate(authingSocialUrl(config, connection));
  const origin = new URL(config.broker).origin;
  // The channel name only needs to be unguessable: Authing never relays through our landing page.
  const result = await popupResponse(win, randomToken(), signal, (event) =>
    event.source === win.window && event.origin == origin ? authingResult(event.data) : undefined,
  );
  return authingLogin(result, connection);
}

/** `protocol="authing"` (popup only: Authing documents no redirect form of this login). @internal */
export const flows: ProtocolFlows = {
  connections: authingConnections,
  popup,
};
