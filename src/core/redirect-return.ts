/**
 * The way back from a redirect login, the core's part: what this page load found (a response in its
 * URL, a saved transaction), as one explicit state. The protocol's code decides what to do with it
 * (protocols/shared/redirect-landing.ts), and the element whose click started the login claims the
 * result.
 */
import { afterFrame } from '../util/dom.js';
import { loadProtocol } from './load-protocol.js';
import { hasResponse, takeResponse } from './response-url.js';
import { readTransaction, REDIRECT_STATE_PREFIX, removeTransaction, type RedirectResult, type Transaction } from './transaction.js';

/** Who may claim a result: the element with the transaction's `id`, or without one the same broker and client. @internal */
export interface Claimant {
  id: string;
  broker?: string;
  clientId?: string;
}

/** What the state machine reads and calls; the page's own in production, fakes in its tests. @internal */
export interface RedirectIO {
  /** This page's response (removed from the address bar), if any. */
  take(): Record<string, string> | undefined;
  /** Whether the URL holds a response, without taking it. */
  has(): boolean;
  /** The saved transaction, deleted as it is read (a reload cannot use it twice). */
  read(): Transaction | undefined;
  /** The protocol's decision: complete, forward, keep or drop (rejects when its code cannot load). */
  decide(tx: Transaction, params: Record<string, string> | undefined): Promise<RedirectResult | undefined>;
  /** Runs `fn` after the first frame is painted (a hidden page paints none: a little later). */
  later(fn: () => void): void;
}

/** The redirect state of one page load (see {@link redirectState}). @internal */
export interface RedirectReturn {
  /**
   * Reads the page's response and transaction, once per page load. A transaction goes to its
   * protocol's code; a response without one (a replay) is ignored.
   * @returns whether there is (or was) a transaction to handle
   */
  read(): boolean;
  /**
   * {@link read} for the script's own start: when this URL carries no redirect response, only a
   * forwarded or an abandoned login can wait in sessionStorage, and a page's first sessionStorage
   * access is a synchronous round trip to the browser (about 1.5 ms in Chromium), so the read waits
   * until the first frame is painted.
   */
  readSoon(): void;
  /**
   * Whether a redirect login is coming back on this page and its protocol's code is still deciding:
   * a click then waits, since the login may be the element's own. Reads first when the read was put off.
   */
  pending(): boolean;
  /**
   * This page's redirect result, when `el` started it and no other element took it yet. While the
   * state is not decided, `later` is kept and called once it is.
   */
  claim(el: Claimant, later: () => void): RedirectResult | undefined;
}

/**
 * The redirect state of one page load over `io`. It goes through these steps, in order:
 * 0. unread: neither the URL nor sessionStorage read yet;
 * 1. put off: the read waits for the first frame ({@link RedirectReturn.readSoon});
 * 2. deciding: a transaction was found and its protocol's code loads to decide; clicks wait
 *    meanwhile when a response came back with it (the login may be theirs);
 * 3. done: decided; the result, if any, is claimed by one element.
 * Elements that claim before step 3 are called back once it is reached. (Closures over a few
 * variables rather than a class: they minify to less in every page view.)
 * @internal
 */
export function redirectState(io: RedirectIO): RedirectReturn {
  /** The elements to call back once decided. */
  const waiting: Array<() => void> = [];
  let step = 0;
  /** Whether a response came back and its protocol's code is still deciding. */
  let returning = false;
  let result: RedirectResult | undefined;

  const done = (decided?: RedirectResult) => {
    step = 3;
    result = decided;
    returning = false;
    for (const claim of waiting.splice(0)) claim();
  };

  const read = (): boolean => {
    if (step < 2) {
      const params = io.take();
      const tx = io.read();
      step = 2;
      if (!tx) {
        if (params) console.debug('<social-login> Ignored a used or foreign login response.');
        done();
        return false;
      }
      const back = (returning = !!(params ?? tx.response));
      io.decide(tx, params)
        .catch((err: unknown) => {
          // The protocol's code did not load: the element that started the login reports it (network_error).
          if (!back) return undefined;
          const failed = { tx, promise: Promise.reject(err) };
          failed.promise.catch(() => {});
          return failed;
        })
        .then(done);
    }
    return step == 2 || !!result;
  };

  return {
    read,
    readSoon: () => {
      if (step) return;
      if (io.has()) return void read();
      step = 1;
      io.later(read);
    },
    pending: () => (read(), returning),
    claim: (el, later) => {
      if (!step) read();
      if (step < 3) return void waiting.push(later);
      if (!result || result.claimed) return undefined;
      const { tx } = result;
      return (result.claimed = tx.element ? el.id == tx.element : el.broker?.trim() == tx.broker && (el.clientId?.trim() ?? '') == tx.clientId) ? result : undefined;
    },
  };
}

/** This page load's redirect state. @internal */
export const redirectReturn: RedirectReturn = redirectState({
  take: () => takeResponse(REDIRECT_STATE_PREFIX),
  has: () => hasResponse(REDIRECT_STATE_PREFIX),
  read: () => {
    const tx = readTransaction();
    // Deleted as soon as it is read; the protocol's code saves it again for a login still pending or handed on.
    if (tx) removeTransaction();
    return tx;
  },
  decide: (tx, params) => loadProtocol(tx.protocol).then((flows) => flows.land(tx, params)),
  later: afterFrame,
});
