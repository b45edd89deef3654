/**
 * The way back from a redirect login, the protocol's part: given this page's response and the saved
 * transaction (read, and deleted, by the core: core/redirect-return.ts), complete it, hand it on
 * (saved again with the response), keep it pending (saved again), or drop it.
 */
import { writeTransaction, type RedirectResult, type Transaction } from '../../core/transaction.js';
import { InvalidStateError } from '../../errors.js';
import type { LoginDetail } from '../../events.js';
import { parseUrl } from '../../util/url.js';

const debug = (message: string) => console.debug(`<social-login> ${message}`);

/** Whether `href` is this very page: the same URL but for the fragment. */
const isThisPage = (href: string) => parseUrl(href)?.href.split('#')[0] == location.href.split('#')[0];

/**
 * What this page does with a redirect's response (`params`, from its URL, or one a callback page
 * forwarded in `tx.response`): completes it with `complete` when this is the page the login started
 * on; hands it there when this is a callback page; drops a foreign return target, an expired or an
 * abandoned attempt.
 * @internal
 */
export function landRedirect(
  tx: Transaction,
  params: Record<string, string> | undefined,
  complete: (tx: Transaction, params: Record<string, string>) => Promise<LoginDetail | undefined>,
): RedirectResult | undefined {
  const response = params ?? tx.response;
  if (parseUrl(tx.returnTo)?.origin != location.origin) {
    // Only this origin's pages start logins: a foreign return target is never followed.
    debug('Dropped a login whose return page is on another origin.');
    return undefined;
  }
  if (!isThisPage(tx.returnTo)) {
    // A callback page, or the page without the query it had: hand the response to the page as it was.
    if (params?.state === tx.state) {
      if (writeTransaction({ ...tx, response: params })) location.replace(tx.returnTo);
      return undefined;
    }
    if (params) debug('Ignored a login response that is not for the pending login.');
    // Another page of the site while the login is pending: it stays pending until it expires.
    if (Date.now() < tx.expiresAt) writeTransaction(tx);
    return undefined;
  }
  if (response) {
    const check = async () => {
      if (response.state !== tx.state) throw new InvalidStateError("The response is not for this tab's login.");
      if (Date.now() > tx.expiresAt) throw new InvalidStateError('The login expired.');
      return complete(tx, response);
    };
    const result = { tx, promise: check() };
    // Nobody may claim it (no matching element): that is not an unhandled rejection.
    result.promise.catch(() => {});
    return result;
  }
  // Back on the page without an answer (the back button): abandoned.
  debug('Dropped an abandoned redirect login.');
  return undefined;
}
