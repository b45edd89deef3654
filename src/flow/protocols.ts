/**
 * The broker protocols. Each protocol's code (its flows) is loaded only when an element needs it —
 * at the first sign of intent, or at once when the broker lists the connections — so a page pays
 * for the protocol it uses, and only once a login is likely.
 */
import type { PopupWindow } from '../channel/popup-window.js';
import type { LoginConfig } from '../element/config.js';
import { NetworkError, SocialLoginError } from '../errors.js';
import type { Connection, LoginDetail, Protocol } from '../events.js';
import { importFlows } from './load-flows.js';
import type { RedirectResult } from './redirect-login.js';
import type { Transaction } from './transaction.js';

/**
 * What the element needs of a broker protocol. Each flow settles once; `signal` aborting stops its
 * requests, listeners and timers.
 * @internal
 */
export interface ProtocolFlows {
  /** Starts the fetches a click would wait for (discovery), so the click does not. */
  prefetch?(config: LoginConfig): Promise<unknown>;
  /** The broker's own list of connections, for a page that lists none; `lang` picks the labels' language. */
  connections?(config: LoginConfig, lang: string): Promise<Connection[]>;
  /** A login in the popup the click just opened. */
  popup(config: LoginConfig, connection: Connection, popup: PopupWindow, signal: AbortSignal): Promise<LoginDetail>;
  /** Sends the page to the broker; absent when the protocol has no redirect form. */
  redirect?(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never>;
  /** Completes a redirect on the way back, given the saved transaction and the response. */
  complete?(tx: Transaction, params: Record<string, string>): Promise<LoginDetail>;
  /** What this page does with a redirect's response and transaction (flow/redirect-return.ts). */
  capture?(tx: Transaction, params: Record<string, string> | undefined): RedirectResult | undefined;
}

/** Whether the protocol can list the broker's connections (known before its code loads). @internal */
export const listsConnections = (protocol: Protocol): boolean => protocol != 'oidc';

/** Whether the protocol has a redirect form, so a blocked popup can fall back to it. @internal */
export const hasRedirect = (protocol: Protocol): boolean => protocol != 'authing';

const loading = new Map<Protocol, Promise<ProtocolFlows>>();

/**
 * The protocol's flows, loaded once per page; a failed load is forgotten so the next call retries.
 * @throws {NetworkError} when its code cannot be loaded
 * @internal
 */
export function loadFlows(protocol: Protocol): Promise<ProtocolFlows> {
  let pending = loading.get(protocol);
  if (!pending) {
    pending = importFlows(protocol).catch((err: unknown) => {
      throw err instanceof SocialLoginError ? err : new NetworkError(`The ${protocol} code could not be loaded.`, undefined, err);
    });
    loading.set(protocol, pending);
    pending.catch(() => loading.delete(protocol));
  }
  return pending;
}
