/** `protocol="authjs"`: Auth.js's sign-in form posted in the popup (or by the page), then its session read. */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { POPUP_STATE_PREFIX } from '../../core/relay.js';
import { REDIRECT_STATE_PREFIX, type Transaction } from '../../core/transaction.js';
import type { Connection, LoginDetail } from '../../events.js';
import { randomToken } from '../../util/random.js';
import { postForm } from '../shared/form-post.js';
import { acceptMessage } from '../shared/popup-message.js';
import { openWindow, popupResponse } from '../shared/popup-response.js';
import { landRedirect } from '../shared/redirect-landing.js';
import { startRedirect } from '../shared/redirect-start.js';
import { signedOut } from '../shared/signed-out.js';
import { SessionKeeper } from '../shared/session-keeper.js';
import { authjsCsrf, authjsLogin, authjsPageError, authjsProviders, authjsSigninUrl, authjsSignOut } from './protocol.js';
import { checked } from '../shared/check-config.js';

/**
 * Where Auth.js sends the window after the login: `redirect-uri` with our state and `session=1`,
 * which the landing page recognises like an authorization response.
 */
function callbackUrl(config: LoginConfig, state: string): string {
  const url = new URL(config.redirectUri);
  url.searchParams.set('state', state);
  url.searchParams.set('session', '1');
  return url.href;
}

/** The sign-in form's fields: the CSRF token (its cookie was just set) and the way back. */
const signinFields = async (config: LoginConfig, state: string, signal: AbortSignal) => ({
  csrfToken: await authjsCsrf(config.broker, signal),
  callbackUrl: callbackUrl(config, state),
});

/**
 * One login in an already-open popup: the sign-in form is posted in the popup; the landing page
 * relays our state when Auth.js has made the session, which is then read. When Auth.js is on this
 * page's origin, a failure is read off the popup's address (Auth.js's error or sign-in page).
 */
async function popup(config: LoginConfig, connection: Connection, win: PopupWindow, signal: AbortSignal): Promise<LoginDetail> {
  const state = POPUP_STATE_PREFIX + randomToken();
  const fields = await signinFields(config, state, signal);
  postForm(openWindow(win), authjsSigninUrl(config.broker, connection), fields);
  const expect = { source: win.window, state, relayOrigin: location.origin };
  const peek = () => {
    try {
      const href = win.window.location.href;
      return authjsPageError(href, config.broker) && { href };
    } catch {
      return undefined; // Not on this origin: nothing to read.
    }
  };
  const answer = await popupResponse<Record<string, string>>(win, state, signal, (event) => acceptMessage(event, expect), peek);
  if (answer.href) throw authjsPageError(answer.href, config.broker);
  return authjsLogin(config.broker, connection, 'popup', signal);
}

async function redirect(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never> {
  const request = { state: REDIRECT_STATE_PREFIX + randomToken(), nonce: '', verifier: '' };
  const fields = await signinFields(config, request.state, signal);
  return startRedirect(config, connection, element, request, () => postForm(window, authjsSigninUrl(config.broker, connection), fields), signal);
}

const complete = (tx: Transaction) => authjsLogin(tx.broker, tx.connection, 'redirect');

/** @internal */
export const flows: ProtocolFlows = checked({
  keeper: (host, link) => new SessionKeeper(host, link, flows, 'authjs'),
  connections: (config) => authjsProviders(config.broker),
  popup,
  redirect,
  land: (tx, params) => landRedirect(tx, params, complete),
  restore: (config) => authjsLogin(config.broker, undefined, 'session').catch(signedOut),
  logout: (config, _session, _login, _element, _win, signal) => authjsSignOut(config.broker, signal).then(() => true),
});
