/**
 * What the core knows of a broker protocol before its code loads: the contract its chunk
 * (protocols/<name>/) fulfils, and two facts about it.
 */
import type { SocialLoginError } from '../errors.js';
import type { Connection, LoginDetail, LoginMode, Protocol, Session } from '../events.js';
import type { Strings } from './strings.js';
import type { LoginConfig } from './config.js';
import type { PopupWindow } from './popup-window.js';
import type { RedirectResult, Transaction } from './transaction.js';

/**
 * What a protocol's chunk gives the element. Each flow settles once; `signal` aborting stops its
 * requests, listeners and timers.
 * @internal
 */
export interface ProtocolFlows {
  /**
   * `config` when its URLs and names may carry a login (the checks page views do not carry).
   * @throws {ConfigError} naming the attribute at fault
   */
  check?(config: LoginConfig): LoginConfig;
  /** Starts the fetches a click would wait for (discovery), so the click does not. */
  prefetch?(config: LoginConfig): Promise<unknown>;
  /** The broker's own list of connections, for a page that lists none; `lang` picks the labels' language. */
  connections?(config: LoginConfig, lang: string): Promise<Connection[]>;
  /**
   * A request for `connection` prepared ahead of the click (at the first sign of intent), taken
   * once: the click opens the popup straight at its URL. Taking one prepares the next; `undefined`
   * while none is ready for this configuration.
   */
  take?(config: LoginConfig, connection: Connection): Prepared | undefined;
  /** A login in the popup the click just opened (at `ready`'s URL when it took one). */
  popup(config: LoginConfig, connection: Connection, popup: PopupWindow, signal: AbortSignal, ready?: Prepared): Promise<LoginDetail>;
  /** Sends the page to the broker. */
  redirect(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never>;
  /** What a page that loads with this protocol's redirect transaction does with it (protocols/shared/redirect-landing.ts). */
  land(tx: Transaction, params: Record<string, string> | undefined): RedirectResult | undefined;
  /** The broker's cookie session as a login (`mode: 'session'`), or `null` when nobody is signed in there. */
  restore?(config: LoginConfig): Promise<LoginDetail | null>;
  /**
   * Ends the broker's session. `win` is the window opened for it in the click when the protocol
   * {@link endsInWindow} (else a redirect); `login` is this page's own login of the session, with its
   * tokens, if it had one. Resolves with `false` when the broker has no way to end it (only the page
   * forgets it).
   */
  logout(config: LoginConfig, session: Session | null, login: LoginDetail | undefined, element: string, win: PopupWindow | null, signal: AbortSignal): Promise<boolean>;
  /** The element's session keeper (protocols/shared/session-keeper.ts). */
  keeper(host: KeeperHost, link: KeeperLink): Keeper;
}

/** A login request made before the click; what else it holds is its protocol's. @internal */
export interface Prepared {
  readonly url: string;
}

/** What a session keeper needs of its element. @internal */
export interface KeeperHost extends EventTarget {
  readonly id: string;
  readonly broker?: string;
  readonly lastUsed: 'on' | 'off';
  readonly isConnected: boolean;
  /** The validated configuration, or the first configuration error. */
  readConfig(): LoginConfig | SocialLoginError;
  requestUpdate(name?: PropertyKey): void;
  /** Renders now what changed, so event listeners see the element as it is. */
  flush(): void;
}

/** What a session keeper needs of the element's logins (element/login.ts). @internal */
export interface KeeperLink {
  /** `element.result`: a session found signed in makes its login the latest outcome. */
  result?: Promise<LoginDetail> | undefined;
  /** The element's channel to the site's other tabs for its broker, while it listens. */
  channel?: BroadcastChannel | undefined;
  /** The connection that logged in last (its button's "last used" badge). */
  last?: string | undefined;
  /** `attempt` ended (the keeper calls it for a success): its button is usable again, and a successful one's `keeper` (the one it ran in) keeps the session from now. */
  over(attempt: LoginAttempt, keeper?: Keeper): void;
  /** Reports a failure as the element's (`login-error`). */
  fail(err: unknown): unknown;
}

/**
 * One login of an element, from the click (or the return from a redirect) to its one outcome. The
 * element makes it; its lifetime (the timeout, the outcome that comes first) is the protocol's code's.
 * Aborting `controller` ends it, with the reason: its element removed, a cut-off popup given up.
 * @internal
 */
export interface LoginAttempt {
  readonly connection: Connection;
  /** `redirect` once a popup login falls back to one. */
  mode: LoginMode;
  /** The popup the click opened (none for a redirect). */
  readonly popup?: PopupWindow | null | undefined;
  readonly controller: AbortController;
}

/**
 * The protocol's side of one element: it runs the element's logins after the click, and keeps who is
 * signed in at its broker. In the protocol's chunk, so page views that never sign anyone in do not
 * load it. @internal
 */
export interface Keeper {
  readonly flows: ProtocolFlows;
  readonly session: Session | null;
  /** The broker's own connections, once {@link list} read them. */
  readonly listed?: Connection[] | undefined;
  /**
   * Reads the broker's own connections (a page that lists none), again when the broker or the language
   * changes; a failure is reported as the element's.
   */
  list(config: LoginConfig, lang: string): void;
  /**
   * Runs the login a click started: in its popup (with the request the click took, if any), or by
   * redirect; a popup that closed at once falls back to a redirect when `fallback="redirect"`. Within
   * `config`'s timeout; a success is announced (`login`) before the promise resolves with it, a failure
   * is the element's to report.
   */
  login(config: LoginConfig, attempt: LoginAttempt, ready?: Prepared): Promise<LoginDetail>;
  /** {@link login} for a redirect login that came back: `promise` completes it. */
  returned(attempt: LoginAttempt, timeoutMs: number, promise: Promise<LoginDetail>): Promise<LoginDetail>;
  /** Another tab's message on the broker's channel. */
  heard(data: unknown): void;
  /** Reads the broker's cookie session, once per broker or `again` (and whenever the page comes back from the back/forward cache). */
  restore(config: LoginConfig, again?: boolean): void;
  /** A sign-out by redirect came back: its saved attempt, and a promise that settles when it is finished. */
  landed(result: RedirectResult): void;
  /** Signs out (in `win`, opened in the click, when the protocol {@link endsInWindow}); a failure is the element's to report. */
  logout(config: LoginConfig, win: PopupWindow | null): Promise<void>;
  /** The account view, in `box`. */
  render(box: HTMLElement, strings: Strings, signOut: () => void): void;
}

/** Whether signing out runs in a window, as OpenID Connect's RP-initiated logout does (Authing's too). @internal */
export const endsInWindow = (protocol: Protocol): boolean => protocol == 'oidc' || protocol == 'authing';

/** Whether the broker keeps a cookie session the element can read when it connects. @internal */
export const keepsSession = (protocol: Protocol): boolean => protocol == 'authjs' || protocol == 'better-auth';

/** Whether the protocol can list the broker's connections (known before its code loads). @internal */
export const listsConnections = (protocol: Protocol): boolean => protocol == 'authjs' || protocol == 'authing';

