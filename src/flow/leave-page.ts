/** The start of a redirect login, for the protocol code only (the classic script's chunks carry it). */
import type { AuthRequest } from '../brokers/oidc.js';
import type { LoginConfig } from '../element/config.js';
import { ConfigError } from '../errors.js';
import type { Connection } from '../events.js';
import { orAbort } from '../util/or-abort.js';
import { redirectResponse } from './redirect-login.js';
import { readTransaction, removeTransaction, writeTransaction, type Transaction } from './transaction.js';

/**
 * Saves the transaction of `request` and leaves the page with `go` (a navigation to the broker).
 * Settles only by failing, or when `signal` aborts, which also deletes the transaction: success is
 * the page going away.
 * @internal
 */
export function leavePage(config: LoginConfig, connection: Connection, element: string, request: AuthRequest, go: () => void, signal: AbortSignal): Promise<never> {
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
  // This page's own put-off read of sessionStorage (redirectResponseSoon) happens now, before the
  // entry exists: run later, it would take this very attempt for an abandoned one and drop it.
  redirectResponse();
  if (!writeTransaction(tx)) throw new ConfigError('mode', 'redirect needs sessionStorage.');
  signal.addEventListener('abort', () => readTransaction()?.state == tx.state && removeTransaction(), { once: true });
  go();
  return orAbort(new Promise<never>(() => {}), signal);
}
