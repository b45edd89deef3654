/**
 * The way back from a redirect login, the core's part: this page's response and the saved
 * transaction are read once per load; when there is one, the protocol's code (loaded for it) decides
 * what to do (flow/redirect-return.ts), and the element whose click started the login claims the
 * result.
 */
import type { LoginDetail } from '../events.js';
import { hasRedirect, loadFlows } from './protocols.js';
import { hasResponse, takeResponse } from './response-url.js';
import { readTransaction, REDIRECT_STATE_PREFIX, removeTransaction, type Transaction } from './transaction.js';

/** A redirect response this page completes, and whether an element has taken it. @internal */
export interface RedirectResult {
  tx: Transaction;
  claimed?: boolean;
  promise: Promise<LoginDetail>;
}

/** Whether this page's response and transaction were read, and whether they are a login coming back. */
let read = false;
let returning = false;
let result: RedirectResult | undefined;
/** While the read waits (see {@link redirectResponseSoon}) or the protocol's code loads: the elements to let claim then. */
let waiting: Array<() => void> | undefined;

const settle = () => {
  const claims = waiting ?? [];
  waiting = undefined;
  for (const claim of claims) claim();
};

/**
 * Reads a redirect login's response on this page, once per page load: removes it from the address
 * bar and hands it, with the saved transaction, to the protocol's code, which completes it, forwards
 * it to the page the login started on, or drops it. A replayed response (no transaction) is ignored.
 * @returns whether there was a response or a transaction to handle
 * @internal
 */
export function redirectResponse(): boolean {
  if (read) return !!waiting || !!result;
  read = true;
  const params = takeResponse(REDIRECT_STATE_PREFIX);
  const tx = readTransaction();
  if (!tx || !hasRedirect(tx.protocol)) {
    if (params) console.debug('<social-login> Ignored a used or foreign login response.');
    settle();
    return false;
  }
  // Deleted as soon as it is read, so a reload cannot use it twice; the protocol's code saves it
  // again for a login still pending or handed on. A returning login's page ignores clicks meanwhile
  // (see redirectPending).
  removeTransaction();
  returning = !!(params ?? tx.response);
  waiting ??= [];
  loadFlows(tx.protocol)
    .then(
      (flows) => void (result = flows.capture!(tx, params)),
      // The protocol's code did not load: the element that started the login reports it (network_error).
      (err: unknown) => void (returning && (result = { tx, promise: Promise.reject(err) }).promise.catch(() => {})),
    )
    .finally(settle);
  return true;
}

/**
 * {@link redirectResponse} for the script's own start: when this URL carries no redirect response,
 * only a forwarded or an abandoned login can wait in sessionStorage, and a page's first
 * sessionStorage access is a synchronous round trip to the browser (about 1.5 ms in Chromium), so
 * the read waits until the first frame is painted. Elements that connect meanwhile claim then.
 * @internal
 */
export function redirectResponseSoon(): void {
  if (read || waiting) return;
  if (hasResponse(REDIRECT_STATE_PREFIX)) return void redirectResponse();
  waiting = [];
  // After the first frame is painted; a hidden page paints no frames: there, a little later.
  if (document.visibilityState == 'visible') requestAnimationFrame(() => setTimeout(redirectResponse));
  setTimeout(redirectResponse, 100);
}

/**
 * Whether a redirect login is coming back on this page (a response) and its protocol's code is still
 * deciding what to do with it: a click is then ignored, since the login may be the element's own.
 * Reads the page's redirect state first if its put-off read has not run yet.
 * @internal
 */
export const redirectPending = (): boolean => (redirectResponse(), returning && !!waiting);

/**
 * This page's redirect result, when `el` is the element whose click started it (same `id`, or,
 * without one, the same broker and client) and no other element took it yet. While the read waits
 * (see {@link redirectResponseSoon}), `later` is kept and called once it has run.
 * @internal
 */
export function claimRedirectResult(el: { id: string; broker?: string; clientId?: string }, later: () => void): RedirectResult | undefined {
  if (!read && !waiting) redirectResponse();
  if (waiting) return void waiting.push(later);
  if (!result || result.claimed) return undefined;
  const { tx } = result;
  const same = tx.element ? el.id == tx.element : el.broker?.trim() == tx.broker && (el.clientId?.trim() ?? '') == tx.clientId;
  if (same) result.claimed = true;
  return same ? result : undefined;
}
