import { DEFAULTS, MISSING, type LoginConfig } from '../core/config.js';
import { importDiagnostics } from '../core/chunk-loader.js';
import { loaded, loadProtocol } from '../core/load-protocol.js';
import { PopupWindow } from '../core/popup-window.js';
import { endsInWindow, keepsSession, listsConnections, type Keeper, type KeeperHost, type KeeperLink, type LoginAttempt, type ProtocolFlows } from '../core/protocol.js';
import { redirectReturn } from '../core/redirect-return.js';
import { STRINGS, stringsFor, type Strings } from '../core/strings.js';
import { BrokerError, ConfigError, PopupBlockedError, PopupClosedError, SocialLoginError } from '../errors.js';
import { LoginErrorEvent, LoginStartEvent, LogoutErrorEvent, type Connection, type LoginDetail, type LoginMode, type Protocol, type Session } from '../events.js';
import { whenParsed } from '../util/dom.js';
import { forgetLastUsed, readLastUsed } from '../core/last-used.js';

/** The widget's error for anything a login or a sign-out threw. */
const toError = (err: unknown) => (err instanceof SocialLoginError ? err : new BrokerError('unexpected_error', String(err), err));

/** `error`, its report completed (src/diagnostics/): English's texts of failures in, a configuration error explained. */
const explained = (error: SocialLoginError): Promise<SocialLoginError> =>
  importDiagnostics().then(
    (explain) => explain(error, STRINGS.en.errors),
    () => error,
  );

/** What the login needs of its element. @internal */
export interface LoginHost extends KeeperHost {
  readonly clientId?: string;
  /** The element's language tag. */
  language(): string;
}

/**
 * The element's logins: the first sign of intent, the click, the redirect result it claims, the
 * running attempt and the report of its failures (event, live region). Everything the element shows
 * of a login (the busy button, the message, the "last used" badge) is state here. The run of a login
 * after the click, its success, and who is signed in are the protocol chunk's session keeper's; this
 * holds it, and the broker's channel to the other tabs.
 * @internal
 */
export class LoginController implements KeeperLink {
  /** The running login. */
  attempt?: LoginAttempt | undefined;
  /** The latest login started: only its failure speaks in the live region. */
  #latest?: LoginAttempt;
  /** The latest login's outcome (`element.result`): an attempt's, or a session found signed in. */
  result?: Promise<LoginDetail>;
  /** The id of the connection whose login runs. */
  busy?: string;
  /** The live region's text: the last failure. */
  message = '';
  /** The id of the connection that logged in last. */
  last?: string;
  /** The configuration error already reported, and the broker whose hint was read. */
  #reported?: string;
  #hinted?: string;
  #keeper?: Keeper;
  /** The site's other tabs with an element of the same broker (the keeper tells them on it), and that protocol and broker. */
  channel?: BroadcastChannel | undefined;
  #watched?: string | undefined;

  constructor(private host: LoginHost) {
    // The first sign of intent (pointer, focus, touch) loads the protocol's code and prepares what a
    // click would wait for (discovery, a request), so the click does not.
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      host.addEventListener(
        type,
        () => {
          const config = host.readConfig();
          if (config instanceof SocialLoginError) return;
          const known = loaded[config.protocol];
          // The code is in: the configuration is checked again with it (its URL checks: see check-config.ts).
          loadProtocol(config.protocol)
            .then((flows) => (known || host.requestUpdate('protocol'), flows.prefetch?.(config)))
            .catch(() => {});
        },
        { passive: true },
      );
    }
  }

  /** The broker's own connections, once read, for a page that lists none (see {@link list}). */
  get listed(): Connection[] | undefined {
    return this.#keeper?.listed;
  }

  /** Has the broker's own connections read, for a page that lists none, when its protocol can list them. */
  list(config: LoginConfig, lang: string): void {
    // Code that cannot load is reported (network_error: a page without the chunks learns which file).
    if (listsConnections(config.protocol)) this.#with(config.protocol, (k) => k.list(config, lang), (err) => this.fail(err));
  }

  /** Who is signed in. */
  get session(): Session | null {
    return this.#keeper?.session ?? null;
  }

  /** The session keeper of `protocol` (one per element and protocol), its code loaded if need be. */
  #keeper$(protocol: Protocol): Promise<Keeper> {
    return loadProtocol(protocol).then((flows) => {
      if (this.#keeper?.flows == flows) return this.#keeper;
      // The code is in: the configuration is checked again with it (its URL checks: see check-config.ts).
      this.host.requestUpdate('protocol');
      return (this.#keeper = flows.keeper(this.host, this));
    });
  }

  /** Runs `fn` with the session keeper of `protocol` (when its code cannot load, `failed` does). */
  #with(protocol: Protocol, fn: (keeper: Keeper) => void, failed: (err: unknown) => void = () => {}): void {
    // At once when it is at hand: a login's end then renders once, not twice.
    const keeper = this.#keeper;
    if (keeper && keeper.flows == loaded[protocol]) fn(keeper);
    else this.#keeper$(protocol).then(fn, failed);
  }

  /**
   * The configuration changed (or the element connected): completes this page's redirect result if
   * it is this element's, and follows the session of `config`'s broker (without `config`, stops): listens
   * to the site's other tabs on the broker's channel, and reads the broker's cookie session
   * (`session="auto"`, a protocol whose broker keeps one) unless a redirect login is coming back.
   */
  follow(config?: LoginConfig | SocialLoginError): void {
    this.claim();
    // A removed element follows nothing (its update after the first frame may come after it left).
    const valid = this.host.isConnected && !(config instanceof SocialLoginError) ? config : undefined;
    const key = valid && `${valid.protocol} ${valid.broker}`;
    if (key == this.#watched) return;
    this.channel?.close();
    this.channel = (this.#watched = key) ? new BroadcastChannel(`social-login:session:${valid!.broker}`) : undefined;
    if (this.channel) this.channel.onmessage = ({ data }) => this.#with(valid!.protocol, (k) => k.heard(data));
    if (valid?.sessionMode == 'auto' && keepsSession(valid.protocol) && !this.attempt && !redirectReturn.pending()) this.#with(valid.protocol, (k) => k.restore(valid));
  }

  /** The element left the document: its login ends and it stops listening (unless it is moved, connected again in the same task). */
  disconnected(): void {
    queueMicrotask(() => this.host.isConnected || (this.follow(), this.attempt?.controller.abort(new PopupClosedError('The element was removed.'))));
  }

  /** Completes this page's redirect login (or sign-out) when this element started it. */
  claim(): void {
    const host = this.host;
    if (this.attempt || !host.isConnected) return;
    const result = redirectReturn.claim(host, () => this.claim());
    if (!result) return;
    const { tx, promise } = result;
    if (tx.logout) return this.#with(tx.protocol, (k) => k.landed(result));
    // Its element's timeout (a configuration now wrong has none: the default).
    const timeout = (host.readConfig() as LoginConfig).timeoutMs || DEFAULTS.timeout * 1000;
    this.#run(tx.protocol, { connection: tx.connection, mode: 'redirect', controller: new AbortController() }, (k, attempt) => k.returned(attempt, timeout, promise as Promise<LoginDetail>));
  }

  /**
   * Signs out: in a popup opened now (inside the click that called this) for a protocol that ends
   * the broker's session in a window, else through the protocol's chunk.
   * @throws {SocialLoginError} the failure, after `logout-error`; the session stays
   */
  logout(): Promise<void> {
    const config = this.host.readConfig();
    const valid = !(config instanceof SocialLoginError);
    const win = valid && endsInWindow(config.protocol) && config.mode == 'popup' ? PopupWindow.open() : null;
    // Every failure is reported here: a wrong configuration (the protocol's code checks its URLs too),
    // code that cannot load, the broker's refusal.
    return (valid ? this.#keeper$(config.protocol).then((keeper) => keeper.logout(config, win)) : Promise.reject(config)).catch((err: unknown) => {
      win?.close();
      return explained(toError(err)).then((error) => {
        this.host.dispatchEvent(new LogoutErrorEvent({ code: error.code, message: error.message, error }));
        throw error;
      });
    });
  }

  /** The account view of who is signed in, in `box`; its button signs out. */
  account(box: HTMLElement, strings: Strings): void {
    this.#keeper?.render(box, strings, () => void this.logout().catch(() => {}));
  }

  /**
   * Reports a configuration error once, after the document is parsed. A value that is present but
   * wrong is reported now; a missing one may simply not be set yet (frameworks and async set-up
   * assign properties later): the click reports it.
   */
  check(config: LoginConfig | SocialLoginError): void {
    if (config instanceof ConfigError) {
      if (!config.message.endsWith(MISSING) && config.message != this.#reported) {
        this.#reported = config.message;
        whenParsed(() => this.fail(config));
      }
    } else if (this.#reported) this.#reported = this.message = '';
  }

  /**
   * Reads the "last used" hint of `broker` (if any), once per broker. The element asks after its
   * first frame: a page's first localStorage access is a synchronous round trip.
   */
  readHint(broker?: string): void {
    if (!broker || broker == this.#hinted) return;
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
      if (!current.popup?.window.closed || current.popup.answered) return current.popup?.window.focus();
      // ...but a popup that reads as closed while its attempt waits (COOP may have cut it off) is given up.
      current.controller.abort(new PopupClosedError());
    }
    const host = this.host;
    const config = host.readConfig();
    if (config instanceof SocialLoginError) return void this.fail(config, connection);
    if (!host.dispatchEvent(new LoginStartEvent({ connection, mode: config.mode }))) return;
    const inPopup = config.mode == 'popup';
    // A request prepared on intent opens the popup straight at the broker; without one it opens empty.
    const ready = inPopup ? loaded[config.protocol]?.take?.(config, connection) : undefined;
    const popup = inPopup ? PopupWindow.open(ready?.url) : null;
    if (inPopup && !popup && config.fallback != 'redirect') return void this.fail(new PopupBlockedError(), connection, 'popup');

    // The rest runs in the protocol's code (loaded on intent, or now): the popup's answer, or a redirect.
    // The element's keeper runs it (so the login's end finds it at hand), unless it keeps another
    // protocol's session: that one stays until this login succeeds.
    this.#run(
      config.protocol,
      { connection, mode: config.mode, popup, controller: new AbortController() },
      (keeper, attempt) => keeper.login(config, attempt, ready),
      (flows) => (this.#keeper && this.#keeper.flows != flows ? flows.keeper(host, this) : this.#keeper$(config.protocol)),
    );
  }

  /**
   * Makes `attempt` the running one (busy button, a new `result`) and runs it in a keeper of `protocol`
   * (`pick` chooses one; by default the element's). A failure, or code that cannot load, ends it here:
   * the popup closes, the button is usable again, then the report, and `result` rejects after it.
   */
  #run(protocol: Protocol, attempt: LoginAttempt, work: (keeper: Keeper, attempt: LoginAttempt) => Promise<LoginDetail>, pick?: (flows: ProtocolFlows) => Keeper | Promise<Keeper>) {
    this.attempt = this.#latest = attempt;
    this.busy = attempt.connection.id;
    this.message = '';
    this.host.requestUpdate();
    (this.result = loadProtocol(protocol)
      .then((flows) => (pick ? pick(flows) : this.#keeper$(protocol)))
      .then((keeper) => work(keeper, attempt))
      .catch((err: unknown) => {
        attempt.controller.abort(err);
        if (!attempt.popup?.answered) attempt.popup?.close();
        this.over(attempt);
        // Reported once the page is parsed (a redirect's return comes before); `result` rejects after it.
        return new Promise<LoginDetail>((_, reject) => whenParsed(() => this.fail(err, attempt.connection, attempt.mode, attempt).then(reject)));
      })).catch(() => {});
  }

  /** `attempt` ended: its button is usable again; a successful one's `keeper` keeps the session from now. */
  over(attempt: LoginAttempt, keeper?: Keeper): void {
    if (this.attempt == attempt) this.attempt = this.busy = undefined;
    if (keeper) this.#keeper = keeper;
    this.host.requestUpdate();
  }

  /**
   * Reports a failure: the event and the live region (a configuration error once its explanation is
   * in, with a console warning; a failure whose text is not, once English's is: a moment later).
   * @returns the error, once reported
   */
  fail(err: unknown, connection?: Connection, mode?: LoginMode, attempt?: LoginAttempt): Promise<SocialLoginError> {
    const error = toError(err);
    // Reported here (a listing's, a click's): `check` does not report it again.
    if (error instanceof ConfigError) this.#reported = error.message;
    const text = () => stringsFor(this.host.language()).errors[error.code] || STRINGS.en.errors[error.code];
    const report = () => {
      // The broker's own words, when it gave a reason (a login-only connection's refusal), follow ours.
      const reason = (error as BrokerError).description;
      // An attempt that a newer one replaced (a cut-off popup given up) leaves the live region to it.
      if (attempt == this.#latest) this.message = (text() || error.message) + (reason ? ` ${reason}` : '');
      this.host.requestUpdate();
      this.host.flush();
      this.host.dispatchEvent(new LoginErrorEvent({ ...(connection && { connection }), ...(mode && { mode }), code: error.code, message: error.message, error }));
      return error;
    };
    // A configuration error waits for its explanation; a failure without its text here, for English's.
    return error instanceof ConfigError || !text() ? explained(error).then(report) : Promise.resolve(report());
  }

}
