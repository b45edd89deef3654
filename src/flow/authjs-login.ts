/** Auth.js logins: its sign-in form posted in the popup (or by the page), then its session read. */
import { authjsCsrf, authjsLogin, authjsPageError, authjsProviders, authjsSigninUrl } from '../brokers/authjs.js';
import { postForm } from '../channel/form-post.js';
import { acceptMessage } from '../channel/accept-message.js';
import { popupResponse } from '../channel/popup-response.js';
import type { PopupWindow } from '../channel/popup-window.js';
import { POPUP_STATE_PREFIX } from '../channel/relay.js';
import type { LoginConfig } from '../element/config.js';
import { PopupBlockedError } from '../errors.js';
import type { Connection, LoginDetail } from '../events.js';
import { randomToken } from './random.js';
import type { ProtocolFlows } from './protocols.js';
import { leavePage } from './leave-page.js';
import { captureRedirect } from './redirect-return.js';
import { REDIRECT_STATE_PREFIX, type Transaction } from './transaction.js';

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
  if (win.window.closed) throw new PopupBlockedError('The popup closed at once.');
  postForm(win.window, authjsSigninUrl(config.broker, connection), fields);
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
  return leavePage(config, connection, element, request, () => postForm(window, authjsSigninUrl(config.broker, connection), fields), signal);
}

const complete = (tx: Transaction) => authjsLogin(tx.broker, tx.connection, 'redirect');

/** `protocol="authjs"`. @internal */
export const flows: ProtocolFlows = {
  connections: (config) => authjsProviders(config.broker),
  popup,
  redirect,
  complete,
  capture: (tx, params) => captureRedirect(tx, params, complete),
};
