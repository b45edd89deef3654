/**
 * The way back from a redirect login: this page's response is read once per load, matched with the
 * saved transaction, and completed by the protocol that started it.
 */
import { parseUrl } from '../element/config.js';
import { InvalidStateError } from '../errors.js';
import type { LoginDetail } from '../events.js';
import { hasRedirect, loadFlows } from './protocols.js';
import { hasResponse, takeResponse } from './response-url.js';
import { readTransaction, REDIRECT_STATE_PREFIX, removeTransaction, TRANSACTION_KEY, type Transaction } from './transaction.js';

/** A redirect response this page completes, and whether an element has taken it. @internal */
export interface RedirectResult {
  tx: Transaction;
  claimed?: boolean;
  promise: Promise<LoginDetail>;
}

const debug = (message: string) => console.debug(`<social-login> ${message}`);

/** Whether `href` is this very page: the same URL but for the fragment. */
const isThisPage = (href: string) => parseUrl(href)?.href.split('#')[0] == location.href.split('#')[0];

async function complete(tx: Transaction, params: Record<string, string>): Promise<LoginDetail> {
  if (params.state !== tx.state) throw new InvalidStateError("The response is not for this tab's login.");
  if (Date.now() > tx.expiresAt) throw new InvalidStateError('The login expired.');
  return (await loadFlows(tx.protocol)).complete!(tx, params);
}

function capture(): RedirectResult | undefined {
  const params = takeResponse(REDIRECT_STATE_PREFIX);
  const tx = readTransaction();
  if (!tx || !hasRedirect(tx.protocol)) {
    if (params) debug('Ignored a used or foreign login response.');
    return undefined;
  }
  const response = params ?? tx.response;
  if (parseUrl(tx.returnTo)?.origin != location.origin) {
    // Only this origin's pages start logins: a foreign return target is never followed.
    removeTransaction();
    debug('Dropped a login whose return page is on another origin.');
    return undefined;
  }
  if (!isThisPage(tx.returnTo)) {
    // A callback page, or the page without the query it had: hand the response to the page as it was.
    if (params?.state === tx.state) {
      sessionStorage.setItem(TRANSACTION_KEY, JSON.stringify({ ...tx, response: params }));
      location.replace(tx.returnTo);
    } else if (params) debug('Ignored a login response that is not for the pending login.');
    else if (Date.now() > tx.expiresAt) removeTransaction();
    return undefined;
  }
  removeTransaction();
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
/** While the read waits for a later task: the elements to let claim once it has run. */
let waiting: Array<() => void> | undefined;

/**
 * Reads a redirect login's response on this page, once per page load: removes it from the address
 * bar, deletes the transaction, and starts completing the login. A callback page that is not the
 * page the login started on forwards the response there. A replayed response (no transaction) is
 * ignored.
 * @internal
 */
export function redirectResponse(): RedirectResult | undefined {
  if (captured === undefined) captured = capture() ?? null;
  return captured ?? undefined;
}

/**
 * {@link redirectResponse} for the script's own start: when this URL carries no redirect response,
 * only a forwarded or an abandoned login can wait in sessionStorage, and a page's first
 * sessionStorage access is a synchronous round trip to the browser (about 1.5 ms in Chromium), so
 * the read waits until the first frame is painted. Elements that connect meanwhile claim then.
 * @internal
 */
export function redirectResponseSoon(): void {
  if (hasResponse(REDIRECT_STATE_PREFIX)) return void redirectResponse();
  const claims: Array<() => void> = (waiting = []);
  const read = () => {
    if (!waiting) return;
    waiting = undefined;
    redirectResponse();
    for (const claim of claims) claim();
  };
  // After the first frame is painted; a hidden page paints no frames: there, in the next task.
  if (document.visibilityState == 'visible') requestAnimationFrame(() => setTimeout(read));
  setTimeout(read, 100);
}

/**
 * This page's redirect result, when `el` is the element whose click started it (same `id`, or,
 * without one, the same broker and client) and no other element took it yet. While the read waits
 * (see {@link redirectResponseSoon}), `later` is kept and called once it has run.
 * @internal
 */
export function claimRedirectResult(el: { id: string; broker?: string; clientId?: string }, later: () => void): RedirectResult | undefined {
  if (waiting) return void waiting.push(later);
  const result = redirectResponse();
  if (!result || result.claimed) return undefined;
  const { tx } = result;
  const same = tx.element ? el.id == tx.element : el.broker?.trim() == tx.broker && (el.clientId?.trim() ?? '') == tx.clientId;
  if (same) result.claimed = true;
  return same ? result : undefined;
}
