/**
 * What the core knows of a broker protocol before its code loads: the contract its chunk
 * (protocols/<name>/) fulfils, and two facts about it.
 */
import type { Connection, LoginDetail, Protocol } from '../events.js';
import type { LoginConfig } from './config.js';
import type { PopupWindow } from './popup-window.js';
import type { RedirectResult, Transaction } from './transaction.js';

/**
 * What a protocol's chunk gives the element. Each flow settles once; `signal` aborting stops its
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
  /** Sends the page to the broker. */
  redirect(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never>;
  /** What a page that loads with this protocol's redirect transaction does with it (protocols/shared/redirect-landing.ts). */
  land(tx: Transaction, params: Record<string, string> | undefined): RedirectResult | undefined;
}

/** Whether the protocol can list the broker's connections (known before its code loads). @internal */
export const listsConnections = (protocol: Protocol): boolean => protocol == 'authjs' || protocol == 'authing';

