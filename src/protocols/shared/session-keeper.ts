/**
 * The protocol's side of one element: it runs the element's logins (after the click opened the popup),
 * and keeps who is signed in at the element's broker, in the protocol's chunk (so page views that never sign
 * anyone in do not load it): set by a login, a restored cookie session or another tab; ended by a
 * sign-out, its expiry or another tab; told to the site's other tabs (only what `session` holds: no
 * token, code or state); and shown by the account view.
 */
import type { LoginConfig } from '../../core/config.js';
import type { PopupWindow } from '../../core/popup-window.js';
import { forgetLastUsed, writeLastUsed } from '../../core/last-used.js';
import type { Keeper, KeeperHost, KeeperLink, LoginAttempt, Prepared, ProtocolFlows } from '../../core/protocol.js';
import type { RedirectResult } from '../../core/transaction.js';
import type { Strings } from '../../core/strings.js';
import { BrokerError, ConfigError, LoginTimeoutError, PopupBlockedError, SocialLoginError } from '../../errors.js';
import { LoginEvent, LogoutErrorEvent, LogoutEvent, type Connection, type LoginDetail, type LogoutReason, type Protocol, type Session } from '../../events.js';
import { whenParsed } from '../../util/dom.js';
import { isRecord } from '../../util/is-record.js';
import { quietly } from '../../util/quietly.js';
import { renderAccount } from './account-view.js';

/** `type` of the messages the tabs of a site tell each other their broker's session with. */
const TYPE = 'social-login:session';

/**
 * The session of a login: who, and until when (the access token's expiry; for a cookie session the
 * broker's `expires`). What crosses tabs: never tokens.
 */
const sessionOf = ({ protocol, connection, user, tokens, profile }: LoginDetail): Session => {
  const expires = tokens?.expiresAt ?? Date.parse(String(profile.expires)) / 1000;
  return { protocol, ...(connection && { connection }), user, ...(expires > 0 && { expiresAt: expires }) };
};

/** A session another tab told, for `protocol`, taken field by field as they are typed; `undefined` for anything else. */
function toldSession(s: unknown, protocol: Protocol): Session | undefined {
  if (!isRecord(s) || s.protocol !== protocol || !isRecord(s.user) || typeof s.user.id != 'string' || !s.user.id) return undefined;
  const { id, name, email, picture } = s.user;
  const user = { id, ...(typeof name == 'string' && { name }), ...(typeof email == 'string' && { email }), ...(typeof picture == 'string' && { picture }) };
  const c = s.connection;
  const connection = isRecord(c) && typeof c.id == 'string' && typeof c.name == 'string' ? { id: c.id, name: c.name } : undefined;
  const expiresAt = typeof s.expiresAt == 'number' && s.expiresAt > 0 ? s.expiresAt : undefined;
  return { protocol, ...(connection && { connection }), user, ...(expiresAt && { expiresAt }) };
}

/** The widget's error for anything a sign-out threw. */
const toError = (err: unknown) => (err instanceof SocialLoginError ? err : new BrokerError('unexpected_error', String(err), err));

/** @internal */
export class SessionKeeper implements Keeper {
  session: Session | null = null;
  listed?: Connection[] | undefined;
  /** Which broker, client and language `listed` is (being) read for. */
  #listing?: string;
  /** This page's own login of the session, with its tokens (the ID token a sign-out hints with). */
  #own?: LoginDetail | undefined;
  #timer?: ReturnType<typeof setTimeout>;
  /** The broker whose cookie session was read; whether a read is under way, and another is due after it. */
  #restored?: string;
  #reading?: boolean;
  #due?: boolean;

  constructor(
    private host: KeeperHost,
    private link: KeeperLink,
    readonly flows: ProtocolFlows,
    private protocol: Protocol,
  ) {}

  login(config: LoginConfig, attempt: LoginAttempt, ready?: Prepared): Promise<LoginDetail> {
    const { flows } = this;
    const { connection, popup } = attempt;
    const { signal } = attempt.controller;
    const redirect = () => ((attempt.mode = 'redirect'), flows.redirect(config, connection, this.host.id, signal));
    return this.#run(attempt, config.timeoutMs, () =>
      popup
        ? flows.popup(config, connection, popup, signal, ready).catch((err: unknown) => (err instanceof PopupBlockedError && config.fallback == 'redirect' ? redirect() : Promise.reject(err)))
        : redirect(),
    );
  }

  list(config: LoginConfig, lang: string): void {
    const key = [config.broker, config.clientId, lang].join(' ');
    if (key == this.#listing) return;
    this.#listing = key;
    this.listed = undefined;
    this.flows.connections!(config, lang).then(
      (list) => this.#listing == key && ((this.listed = list), this.host.requestUpdate()),
      // A configuration its checks refuse is the element's to report (it checks again with this code in).
      (err: unknown) => this.#listing == key && ((this.#listing = undefined), err instanceof ConfigError || this.link.fail(err)),
    );
  }

  returned(attempt: LoginAttempt, timeoutMs: number, promise: Promise<LoginDetail>): Promise<LoginDetail> {
    return this.#run(attempt, timeoutMs, () => promise);
  }

  /**
   * Runs `attempt` until its one outcome: the login's result, its timeout, or its abort (whatever comes
   * second is ignored). A success ends the attempt and is announced (a redirect's once the page is
   * parsed); a failure goes back to the element, which ends the attempt and reports it.
   */
  #run(attempt: LoginAttempt, timeoutMs: number, work: () => Promise<LoginDetail>): Promise<LoginDetail> {
    const { controller, popup } = attempt;
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The attempt may have ended while this code loaded.
    const outcome = signal.aborted
      ? Promise.reject(signal.reason)
      : Promise.race([
          work(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new LoginTimeoutError(timeoutMs / 1000)), timeoutMs);
            signal.addEventListener('abort', () => reject(signal.reason));
          }),
        ]);
    return outcome
      .finally(() => clearTimeout(timer))
      .then((detail) => {
        controller.abort();
        // An answered popup is closed already (popup-response.ts).
        if (!popup?.answered) popup?.close();
        return new Promise((resolve) => (attempt.mode == 'redirect' ? whenParsed : (fn: () => void) => fn())(() => resolve(this.#won(attempt, detail))));
      });
  }

  /**
   * Announces a login: the button is usable again, the session begins (so the event's listeners see it),
   * then `login`; the "last used" hint is stored after the event (localStorage writes cost the main thread).
   */
  #won(attempt: LoginAttempt, detail: LoginDetail): LoginDetail {
    const { host, link } = this;
    const broker = host.broker?.trim();
    const id = attempt.connection.id;
    if (broker && host.lastUsed != 'off') link.last = id;
    link.over(attempt, this);
    this.#own = detail;
    this.#set(sessionOf(detail));
    host.flush();
    host.dispatchEvent(new LoginEvent(detail));
    if (broker) host.lastUsed == 'off' ? forgetLastUsed(broker) : writeLastUsed(broker, id);
    // The other tabs hear of it after the login event (a microtask later): the event does not wait for the post.
    const told = { type: TYPE, session: this.session };
    // The channel of now: a listener that changes the broker must not tell that broker's tabs.
    const channel = link.channel;
    queueMicrotask(() => quietly(() => channel?.postMessage(told)));
    return detail;
  }

  /**
   * The session is `session` from now (its expiry timed); one `found` signed in (restored, or another
   * tab's) is announced as a login (`mode: 'session'`) unless it is the user already shown.
   */
  #set(session: Session, found?: LoginDetail): void {
    const known = session.user.id === this.session?.user.id;
    // The broker's session read again says who, not with which connection: the one known stays.
    const connection = session.connection ?? (known ? this.session!.connection : undefined);
    this.session = { ...session, ...(connection && { connection }) };
    clearTimeout(this.#timer);
    const left = session.expiresAt ? session.expiresAt * 1000 - Date.now() : Infinity;
    // Timers hold 32 bits of milliseconds (about 24 days).
    if (left < 2 ** 31) this.#timer = setTimeout(() => this.#end('expired'), Math.max(left, 0));
    this.host.requestUpdate();
    if (found && !known) {
      this.#own = undefined;
      this.link.result = Promise.resolve(found);
      this.host.flush();
      this.host.dispatchEvent(new LoginEvent(found));
    }
  }

  /**
   * The session ends (`broker: false`: the broker's could not be ended, only forgotten here). Only a
   * sign-out reports without a session the element knew of (`session="off"`, or a redirect's return).
   */
  #end(reason: LogoutReason, broker?: boolean, connection = this.session?.connection): void {
    if (!this.session && reason != 'user') return;
    this.session = null;
    this.#own = undefined;
    clearTimeout(this.#timer);
    if (reason != 'other-tab') this.link.channel?.postMessage({ type: TYPE, session: null });
    this.host.requestUpdate();
    this.host.flush();
    this.host.dispatchEvent(new LogoutEvent({ protocol: this.protocol, ...(connection?.id && { connection }), reason, ...(broker === false && { broker }) }));
  }

  heard(data: unknown): void {
    const config = this.host.readConfig();
    if (config instanceof SocialLoginError || config.sessionMode == 'off' || !isRecord(data) || data.type != TYPE) return;
    // A cookie session is the broker's to tell: another tab's word only says when to read it again.
    if (this.flows.restore) return this.restore(config, true);
    if (data.session === null) return this.#end('other-tab');
    const session = toldSession(data.session, this.protocol);
    if (!session) return;
    const { expiresAt: _, ...login } = session;
    this.#set(session, { ...login, mode: 'session', profile: {} });
  }

  /**
   * Reads the broker's cookie session, once per broker or `again` (another tab's news), and whenever
   * the page comes back from the back/forward cache: a signed-in user is announced as a login once the
   * document is parsed; a session gone meanwhile ends (`other-tab`: it ended elsewhere).
   */
  restore(config: LoginConfig, again?: boolean): void {
    if (!this.flows.restore || (config.broker == this.#restored && !again)) return;
    if (!this.#restored) {
      addEventListener('pageshow', (event) => {
        const config = this.host.readConfig();
        if (event.persisted && this.host.isConnected && !(config instanceof SocialLoginError)) this.restore(config, true);
      });
    }
    this.#restored = config.broker;
    // One read at a time (a burst of news from other tabs makes one more read, not one each).
    if (this.#reading) return void (this.#due = true);
    this.#reading = true;
    this.flows
      .restore(config)
      .then(
        (found) => whenParsed(() => (found ? this.#set(sessionOf(found), found) : this.#end('other-tab'))),
        // The broker could not be asked: no session to show, the buttons stay.
        (err: unknown) => console.debug(`<social-login> The session could not be read: ${(err as Error)?.message}`),
      )
      .finally(() => {
        this.#reading = false;
        if (this.#due) (this.#due = false), this.restore(config, true);
      });
  }

  landed({ tx, promise }: RedirectResult): void {
    promise.then(
      () => whenParsed(() => this.#end('user', undefined, tx.connection)),
      (err: unknown) => whenParsed(() => this.failed(err)),
    );
  }

  /**
   * Signs out at the broker (in `win`, opened in the click, for a protocol that ends in a window) and
   * here, within the configured timeout, once the protocol's code accepts `config`; `win` closes either way.
   * @throws the failure (the element reports it); the session then stays
   */
  async logout(config: LoginConfig, win: PopupWindow | null): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new LoginTimeoutError(config.timeoutMs / 1000)), config.timeoutMs);
    try {
      this.flows.check?.(config);
      const own = this.#own?.user.id === this.session?.user.id ? this.#own : undefined;
      this.#end('user', await this.flows.logout(config, this.session, own, this.host.id, win, controller.signal));
    } finally {
      clearTimeout(timer);
      controller.abort();
      win?.close();
    }
  }

  /** Reports a failed sign-out (`logout-error`) and returns its error. */
  failed(err: unknown): SocialLoginError {
    const error = toError(err);
    this.host.dispatchEvent(new LogoutErrorEvent({ code: error.code, message: error.message, error }));
    return error;
  }

  render(box: HTMLElement, strings: Strings, signOut: () => void): void {
    if (this.session) renderAccount(box, this.session, strings, signOut);
  }
}
