/**
 * Redirect mode's memory: the whole page goes to the broker and comes back, and the attempt's
 * secrets survive the trip in one sessionStorage entry (this tab only), deleted as soon as it is used.
 */
import type { Connection, LoginDetail, Protocol } from '../events.js';
import { quietly } from '../util/quietly.js';

/** One authorization request's secrets; they live only in memory (popup) or sessionStorage (redirect). @internal */
export interface AuthRequest {
  state: string;
  nonce: string;
  verifier: string;
}

/** Every redirect attempt's state starts with this, so a page can tell the response is the widget's. @internal */
export const REDIRECT_STATE_PREFIX = 'slr_';

/** The one sessionStorage key the widget writes. */
const KEY = 'social-login:transaction';

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
  /** A sign-out at the broker (OpenID Connect's RP-initiated logout), not a login. */
  logout?: boolean;
}

/** The saved transaction, if there is a readable one (storage unavailable or the entry unreadable: none). @internal */
export const readTransaction = (): Transaction | undefined => {
  const tx = quietly(() => JSON.parse(sessionStorage.getItem(KEY)!) as Transaction | null);
  return tx?.state ? tx : undefined;
};

/** Saves the transaction; `false` when storage is unavailable. @internal */
export const writeTransaction = (tx: Transaction): boolean => !!quietly(() => (sessionStorage.setItem(KEY, JSON.stringify(tx)), true));

/** Deletes the saved transaction. @internal */
export const removeTransaction = (): void => quietly(() => sessionStorage.removeItem(KEY));

/** A redirect response this page completes, and whether an element has taken it. @internal */
export interface RedirectResult {
  tx: Transaction;
  claimed?: boolean;
  /** The login; nothing for a sign-out. */
  promise: Promise<LoginDetail | undefined>;
}
