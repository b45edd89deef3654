import type { LoginConfig } from '../core/config.js';
import { loadProtocol } from '../core/load-protocol.js';
import { PopupWindow } from '../core/popup-window.js';
import { redirectReturn } from '../core/redirect-return.js';
import { BrokerError, ConfigError, PopupBlockedError, PopupClosedError, SocialLoginError } from '../errors.js';
import { LoginErrorEvent, LoginEvent, LoginStartEvent, type Connection, type LoginDetail, type LoginMode } from '../events.js';
import { fromDocument } from '../util/dom.js';
import { orAbort } from '../util/or-abort.js';
import { Attempt } from './attempt.js';
import { forgetLastUsed, readLastUsed, writeLastUsed } from './last-used.js';
import { stringsFor } from '../core/strings.js';

/** Console warnings already given on this page: each configuration error is told once. */
const warned = new Set<string>();

/** Runs `fn` once the document has finished parsing, so listeners added by later scripts hear it. */
const whenParsed = (fn: () => void) =>
  fromDocument('readyState') == 'loading' ? fromDocument('addEventListener')('DOMContentLoaded', fn, { once: true }) : queueMicrotask(fn);

/** What the login needs of its element. @internal */
export interface LoginHost extends EventTarget {
  readonly id: string;
  readonly broker?: string;
  readonly clientId?: string;
  readonly lastUsed: 'on' | 'off';
  readonly isConnected: boolean;
  /** The validated configuration, or the first configuration error. */
  readConfig(): LoginConfig | SocialLoginError;
  /** The element's language tag. */
  language(): string;
  /** Renders now what changed, so event listeners see the element as it is. */
  flush(): void;
  requestUpdate(): void;
}

/**
 * The element's logins: the click, the redirect result it claims, the running attempt and the
 * reporting of every outcome (event, live region, console). Everything the element shows of a
 * login (the busy button, the message, the "last used" badge) is state here.
 * @internal
 */
export class LoginController {
  /** The running login, and the latest one (whose outcome `element.result` is). */
  attempt?: Attempt;
  latest?: Attempt;
  /** The id of the connection whose login runs. */
  busy?: string;
  /** The live region's text: the last failure. */
  message = '';
  /** The id of the connection that logged in last. */
  last?: string;
  /** The configuration error already reported, and the broker whose hint was read. */
  #reported?: string;
  #hinted?: string;

  constructor(private host: LoginHost) {}

  /** Completes this page's redirect login when this element started it. */
  claim(): void {
    const host = this.host;
    if (this.attempt || !host.isConnected) return;
    const result = redirectReturn.claim(host, () => this.claim());
    if (!result) return;
    const config = host.readConfig();
    this.#run(new Attempt(result.tx.connection, 'redirect', undefined, config instanceof SocialLoginError ? 300_000 : config.timeoutMs, this.#ended), () => result.promise);
  }

  /**
   * Reports a configuration error once, after the document is parsed. A value that is present but
   * wrong is reported now; a missing one may simply not be set yet (frameworks and async set-up
   * assign properties later): the click reports it.
   */
  check(config: LoginConfig | SocialLoginError, present: (attribute: string) => boolean): void {
    if (config instanceof ConfigError) {
      if (present(config.attribute) && config.message != this.#reported) {
        this.#reported = config.message;
        whenParsed(() => this.fail(config));
      }
    } else if (this.#reported) this.#reported = this.message = '';
  }

  /**
   * Reads the "last used" hint of `broker`, once per broker. The element asks after its first
   * frame: a page's first localStorage access is a synchronous round trip.
   */
  readHint(broker: string): void {
    if (broker == this.#hinted) return;
    this.#hinted = broker;
    this.last = this.host.lastUsed == 'off' ? forgetLastUsed(broker) : readLastUsed(broker);
  }

  /** The click: everything up to `window.open` is synchronous; nothing escapes as an exception. */
  start(connection: Connection): void {
    // A redirect login is coming back on this page (it may be this element's): the click waits.
    if (redirectReturn.pending()) return;
    const current = this.attempt;
    if (current) {
      // A second click brings the open popup forward (and waits while a redirect starts or an
      // answered popup's login completes)...
      if (!current.popup?.window.closed || current.popup.answered) return current.popup?.focus();
      // ...but a popup that reads as closed while its attempt waits (COOP may have cut it off) is given up.
      current.end(new PopupClosedError());
    }
    const host = this.host;
    const config = host.readConfig();
    if (config instanceof SocialLoginError) return void this.fail(config, connection);
    if (!host.dispatchEvent(new LoginStartEvent({ connection, mode: config.mode }))) return;
    const fallback = config.fallback == 'redirect';
    const popup = config.mode == 'popup' ? PopupWindow.open() : null;
    if (config.mode == 'popup' && !popup && !fallback) return void this.fail(new PopupBlockedError(), connection, 'popup');

    this.#run(new Attempt(connection, config.mode, popup, config.timeoutMs, this.#ended), async (attempt) => {
      const { signal } = attempt.controller;
      const flows = await orAbort(loadProtocol(config.protocol), signal);
      const redirect = () => ((attempt.mode = 'redirect'), flows.redirect(config, connection, host.id, signal));
      return popup
        ? flows.popup(config, connection, popup, signal).catch((err: unknown) => (err instanceof PopupBlockedError && fallback ? redirect() : Promise.reject(err)))
        : redirect();
    });
  }

  /** Makes `attempt` the running one (busy button, a new `result`) and runs `work` in it. */
  #run(attempt: Attempt, work: (attempt: Attempt) => Promise<LoginDetail>) {
    this.attempt = this.latest = attempt;
    this.busy = attempt.connection.id;
    this.message = '';
    this.host.requestUpdate();
    attempt.run(work);
  }

  /** An attempt's one outcome: the button is usable again, then the event (a redirect's once the page is parsed). */
  #ended = (attempt: Attempt, err: unknown, detail?: LoginDetail) => {
    const host = this.host;
    if (this.attempt == attempt) this.attempt = this.busy = undefined;
    host.requestUpdate();
    const report = () => {
      if (detail) {
        attempt.resolve(detail);
        const broker = host.broker?.trim();
        if (broker) host.lastUsed == 'off' ? forgetLastUsed(broker) : writeLastUsed(broker, (this.last = detail.connection.id));
        host.flush();
        host.dispatchEvent(new LoginEvent(detail));
      } else attempt.reject(this.fail(err, attempt.connection, attempt.mode));
    };
    if (attempt.mode == 'redirect') whenParsed(report);
    else report();
  };

  /** Reports a failure: the event, the live region, and a console warning for configuration errors. */
  fail(err: unknown, connection?: Connection, mode?: LoginMode): SocialLoginError {
    const error = err instanceof SocialLoginError ? err : new BrokerError('unexpected_error', String(err), err);
    const warning = `<social-login> ${error.message} (invalid_config)`;
    if (error.code == 'invalid_config' && !warned.has(warning)) warned.add(warning), console.warn(warning);
    // The broker's own words, when it gave a reason (a login-only connection's refusal), follow ours.
    const reason = error instanceof BrokerError && error.description;
    this.message = stringsFor(this.host.language()).errors[error.code] + (reason ? ` ${reason}` : '');
    this.host.requestUpdate();
    this.host.flush();
    this.host.dispatchEvent(new LoginErrorEvent({ ...(connection && { connection }), ...(mode && { mode }), code: error.code, message: error.message, error }));
    return error;
  }
}
