/** The way out of a redirect login: the attempt saved for the trip, then the page handed to the broker. */
import type { LoginConfig } from '../../core/config.js';
import { readTransaction, removeTransaction, writeTransaction, type AuthRequest, type Transaction } from '../../core/transaction.js';
import { ConfigError, PopupClosedError } from '../../errors.js';
import type { Connection } from '../../events.js';
import { orAbort } from '../../util/or-abort.js';

/**
 * Saves the transaction of `request` and leaves the page with `go` (a navigation to the broker).
 * Settles only by failing (the page came back from the back/forward cache: abandoned at the broker),
 * or when `signal` aborts, which also deletes the transaction: success is the page going away. The page's redirect state was read before (the click waits for it), so the
 * entry written here is never taken for an abandoned one.
 * @internal
 */
export function startRedirect(
  config: LoginConfig,
  connection: Connection,
  element: string,
  request: AuthRequest & Pick<Transaction, 'logout'>,
  go: () => void,
  signal: AbortSignal,
): Promise<never> {
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
  if (!writeTransaction(tx)) throw new ConfigError('mode', 'redirect needs sessionStorage.');
  signal.addEventListener('abort', () => readTransaction()?.state == tx.state && removeTransaction(), { once: true });
  go();
  // Back through the back/forward cache from the broker: the user gave up there.
  return orAbort(
    new Promise<never>((_, reject) =>
      addEventListener('pageshow', (event) => event.persisted && reject(new PopupClosedError('Came back without an answer.')), { signal }),
    ),
    signal,
  );
}
