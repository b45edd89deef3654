/**
 * `protocol="better-auth"`: Better Auth's sign-in URL asked for (`POST /sign-in/social`), the popup
 * (or the page) sent there; Better Auth brings it back to `redirect-uri` with our state, whose script
 * relays as for any popup; then its session is read.
 */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { POPUP_STATE_PREFIX } from '../../core/relay.js';
import { REDIRECT_STATE_PREFIX } from '../../core/transaction.js';
import type { Connection, LoginDetail } from '../../events.js';
import { randomToken } from '../../util/random.js';
import { acceptMessage } from '../shared/popup-message.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { landRedirect } from '../shared/redirect-landing.js';
import { startRedirect } from '../shared/redirect-start.js';
import { signedOut } from '../shared/signed-out.js';
import { SessionKeeper } from '../shared/session-keeper.js';
import { betterAuthLogin, betterAuthSignIn, betterAuthSignOut, type WayBack } from './protocol.js';
import { checked } from '../shared/check-config.js';

/**
 * The way back: `redirect-uri` with our state, and `session=1` for a login that made the session (the
 * landing page recognises it like an authorization response); a failure comes back to the same page
 * with Better Auth's `error` appended.
 */
function wayBack(config: LoginConfig, state: string): WayBack {
  const url = new URL(config.redirectUri);
  url.searchParams.set('state', state);
  const errorCallbackURL = url.href;
  url.searchParams.set('session', '1');
  return { callbackURL: url.href, errorCallbackURL };
}

/** One login in an already-open popup; the answer is taken only from our popup, our origin and our state. */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal): Promise<LoginDetail> {
  const state = POPUP_STATE_PREFIX + randomToken();
  const url = await betterAuthSignIn(config.broker, connection, wayBack(config, state), signal);
  openWindow(win);
  win.navigate(url);
  const expect = { source: win.window, state, relayOrigin: location.origin };
  const answer = await popupResponse(win, state, signal, (event) => acceptMessage(event, expect));
  return betterAuthLogin(config.broker, connection, 'popup', answer, signal);
}

async function redirect(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never> {
  const request = { state: REDIRECT_STATE_PREFIX + randomToken(), nonce: '', verifier: '' };
  const url = await betterAuthSignIn(config.broker, connection, wayBack(config, request.state), signal);
  return startRedirect(config, connection, element, request, () => location.assign(url), signal);
}

/** @internal */
export const flows: ProtocolFlows = checked({
  keeper: (host, link) => new SessionKeeper(host, link, flows, 'better-auth'),
  popup,
  redirect,
  land: (tx, params) => landRedirect(tx, params, (tx, params) => betterAuthLogin(tx.broker, tx.connection, 'redirect', params)),
  restore: (config) => betterAuthLogin(config.broker, undefined, 'session', {}).catch(signedOut),
  logout: (config, _session, _login, _element, _win, signal) => betterAuthSignOut(config.broker, signal).then(() => true),
});
