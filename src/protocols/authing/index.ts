/** `protocol="authing"`: a connection's hosted social login in the popup, its result posted back. */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import type { Connection, LoginDetail } from '../../events.js';
import { randomToken } from '../../util/random.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { authingConnections, authingLogin, authingResult, authingSocialUrl } from './protocol.js';

/**
 * One login in an already-open popup. The result is taken only from Authing's origin and from this
 * very popup window; Authing's message has no state to check.
 */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal): Promise<LoginDetail> {
  openWindow(win);
  win.navigate(authingSocialUrl(config, connection));
  const origin = new URL(config.broker).origin;
  // The channel name only needs to be unguessable: Authing never relays through our landing page.
  const result = await popupResponse(win, randomToken(), signal, (event) =>
    event.source === win.window && event.origin == origin ? authingResult(event.data) : undefined,
  );
  return authingLogin(result, connection);
}

/** Popup only: Authing documents no redirect form of this login. @internal */
export const flows: ProtocolFlows = {
  connections: authingConnections,
  popup,
};
