/**
 * Redirect mode: the whole page goes to the broker and comes back. The attempt's secrets survive
 * the trip in one sessionStorage entry (this tab only), which is deleted as soon as it is used.
 */
import { authorizationUrl, discover, newAuthRequest, type AuthRequest } from '../brokers/oidc.js';
import { parseUrl, type LoginConfig } from '../element/config.js';
import { ConfigError, InvalidStateError } from '../errors.js';
import type { Connection, LoginDetail, Protocol } from '../events.js';
import { orAbort } from '../util/or-abort.js';
import { completeLogin } from './complete.js';
import { takeResponse } from './response-url.js';

/** Every redirect attempt's state starts with this, so a page can tell the response is the widget's. @internal */
export const REDIRECT_STATE_PREFIX = 'slr_';

/** The one sessionStorage key the widget writes. @internal */
export const TRANSACTION_KEY = 'social-login:transaction';

/** A redirect attempt in flight, as kept in sessionStorage. @internal */
export interface Transaction extends AuthRequest {
  connection: Connection;
  protocol: Protocol;
  broker: string;
  clientId: string;
  redirectUri: string;
  /** The `id` of the element that started it; empty: the first element with the same broker and client. */
  element: string;
  /** The page to come back to (where the click was). */
  returnTo: string;
  /** When the attempt expires, in ms since the epoch (the element's `timeout`). */
  expiresAt: number;
  /** The broker's response, when a callback page on another path forwarded it here. */
  response?: Record<string, string>;
}

/** A redirect response this page completes, and whether an element has taken it. @internal */
export interface RedirectResult {
  tx: Transaction;
  claimed?: boolean;
  promise: Promise<LoginDetail>;
}

const debug = (message: string) => console.debug(`<social-login> ${message}`);

function read(): Transaction | undefined {
  try {
    const tx = JSON.parse(sessionStorage.getItem(TRANSACTION_KEY)!) as Transaction | null;
    if (tx?.state) return tx;
  } catch {
    // Storage unavailable or the entry unreadable: there is no transaction to use.
  }
  return undefined;
}

const remove = () => {
  try {
    sessionStorage.removeItem(TRANSACTION_KEY);
  } catch {
    // Storage unavailable: nothing was stored.
  }
};

/** Whether `href` is this very page: the same URL but for the fragment. */
const isThisPage = (href: string) => parseUrl(href)?.href.split('#')[0] == location.href.split('#')[0];

/**
 * Sends the whole page to the broker for `connection`: code flow with PKCE S256, state and nonce, the
 * transaction saved in sessionStorage for the way back. Settles only by failing (or when `signal`
 * aborts, which also deletes the saved transaction): success is a navigation away.
 * @internal
 */
export async function redirectLogin(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never> {
  const meta = await orAbort(discover(config.broker), signal);
  const request = newAuthRequest(REDIRECT_STATE_PREFIX);
  // The page itself comes back to redirect-uri: there is no opener for web_message to post to.
  const url = await authorizationUrl(meta, { ...config, responseMode: 'query' }, request, connection);
  if (signal.aborted) throw signal.reason;
  const tx: Transaction = {
    ...request,
    connection,
    protocol: config.protocol,
    broker: config.broker,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    element,
    returnTo: location.href,
    expiresAt: Date.now() + config.timeoutMs,
  };
  try {
    sessionStorage.setItem(TRANSACTION_KEY, JSON.stringify(tx));
  } catch {
    throw new ConfigError('mode', 'redirect needs sessionStorage.');
  }
  signal.addEventListener('abort', () => read()?.state == tx.state && remove(), { once: true });
  location.assign(url);
  return orAbort(new Promise<never>(() => {}), signal);
}

async function complete(tx: Transaction, params: Record<string, string>): Promise<LoginDetail> {
  if (params.state !== tx.state) throw new InvalidStateError('The response is not for this tab\'s login.');
  if (Date.now() > tx.expiresAt) throw new InvalidStateError('The login expired.');
  return completeLogin(await discover(tx.broker), tx, params, tx, tx.connection, 'redirect');
}

function capture(): RedirectResult | undefined {
  const params = takeResponse(REDIRECT_STATE_PREFIX);
  const tx = read();
  if (!tx) {
    if (params) debug('Ignored a used or foreign login response.');
    return undefined;
  }
  const response = params ?? tx.response;
  if (!isThisPage(tx.returnTo)) {
    // A callback page, or the page without the query it had: hand the response to the page as it was.
    if (params) {
      sessionStorage.setItem(TRANSACTION_KEY, JSON.stringify({ ...tx, response: params }));
      location.replace(tx.returnTo);
    } else if (Date.now() > tx.expiresAt) remove();
    return undefined;
  }
  remove();
  if (response) {
    const result = { tx, promise: complete(tx, response) };
    // Nobody may claim it (no matching element): that is not an unhandled rejection.
    result.promise.catch(() => {});
    return result;
  }
  // Back on the page without an answer (the back button): abandoned.
  debug('Dropped an abandoned redirect login.');
  return undefined;
}

let captured: RedirectResult | undefined | null;

/**
 * Reads a redirect login's response on this page, once per page load: removes it from the address
 * bar, deletes the transaction, and starts the code exchange. A callback page that is not the page
 * the login started on forwards the response there. A replayed response (no transaction) is ignored.
 * @internal
 */
export function redirectResponse(): RedirectResult | undefined {
  if (captured === undefined) captured = capture() ?? null;
  return captured ?? undefined;
}

/**
 * This page's redirect result, when `el` is the element whose click started it (same `id`, or,
 * without one, the same broker and client) and no other element took it yet.
 * @internal
 */
export function claimRedirectResult(el: { id: string; broker?: string; clientId?: string }): RedirectResult | undefined {
  const result = redirectResponse();
  if (!result || result.claimed) return undefined;
  const { tx } = result;
  const same = tx.element ? el.id == tx.element : el.broker?.trim() == tx.broker && el.clientId?.trim() == tx.clientId;
  if (same) result.claimed = true;
  return same ? result : undefined;
}
