/**
 * `protocol="authing"`: a connection's hosted social login in the popup, its result posted back; a
 * redirect (by choice, as the popup's fallback, or in an in-app browser) goes to Authing's hosted
 * login page through its standard OpenID Connect issuer, `{broker}/oidc`.
 */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { Prepared, ProtocolFlows } from '../../core/protocol.js';
import type { Connection, LoginDetail } from '../../events.js';
import { randomToken } from '../../util/random.js';
import { trimSlash } from '../../util/url.js';
import { oidcLogout } from '../oidc/logout.js';
import { oidcRedirect } from '../oidc/redirect.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { SessionKeeper } from '../shared/session-keeper.js';
import { authingConnections, authingLogin, authingResult, authingSocialUrl } from './protocol.js';
import { checked } from '../shared/check-config.js';

/** Authing's standard OpenID Connect issuer. */
const issuer = (broker: string) => `${trimSlash(broker)}/oidc`;

/**
 * One login in an already-open popup (opened at the connection's URL when the click took it, else
 * sent there now). The result is taken only from Authing's origin and from this very popup window;
 * Authing's message has no state to check.
 */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal, ready?: Prepared): Promise<LoginDetail> {
  openWindow(win);
  if (!ready) win.navigate(authingSocialUrl(config, connection));
  const origin = new URL(config.broker).origin;
  // The channel name only needs to be unguessable: Authing never relays through our landing page.
  const result = await popupResponse(win, randomToken(), signal, (event) =>
    event.source === win.window && event.origin == origin ? authingResult(event.data) : undefined,
  );
  return authingLogin(result, connection);
}

/** @internal */
export const flows: ProtocolFlows = checked({
  keeper: (host, link) => new SessionKeeper(host, link, flows, 'authing'),
  connections: authingConnections,
  // The connection's URL holds no secret (Authing keeps the state): every click can open the popup at it.
  take: (config, connection) => ({ url: authingSocialUrl(config, connection) }),
  popup,
  // Authing documents no authorization parameter that picks one social connection: the user picks it
  // on the hosted login page, so none is sent.
  ...oidcRedirect(issuer, ''),
  // Through the same issuer's end-session endpoint, whichever way the login went; only a login by
  // redirect has an ID token of that issuer to hint with (the popup's token is Authing's own).
  logout: oidcLogout(issuer, (login) => (login?.mode == 'redirect' ? login.tokens?.idToken : undefined)),
});
