import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { PopupWindow } from '../channel/popup-window.js';
import { BrokerError, ConfigError, LoginTimeoutError, PopupBlockedError, PopupClosedError, SocialLoginError } from '../errors.js';
import { LoginErrorEvent, LoginEvent, LoginStartEvent, type Connection, type LoginDetail, type LoginMode, type Protocol } from '../events.js';
import { loadIcon } from '../flow/load-flows.js';
import { hasRedirect, listsConnections, loadFlows } from '../flow/protocols.js';
import { claimRedirectResult, redirectPending } from '../flow/redirect-login.js';
import { readConfig, readConnections, type LoginConfig, type ResponseMode } from './config.js';
import { brandOf } from './brand.js';
import { stringsFor, type Strings } from './strings.js';
import { styles } from './styles.js';
import { orAbort } from '../util/or-abort.js';

const warned = new Set<string>();
/** One console warning per distinct message and page. */
const warnOnce = (message: string) => {
  if (!warned.has(message)) {
    warned.add(message);
    console.warn(`<social-login> ${message}`);
  }
};

/** Runs `fn` once the document has finished parsing, so listeners added by later scripts hear it. */
const whenParsed = (fn: () => void) =>
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', fn, { once: true }) : queueMicrotask(fn);

/** One login of the element, from the click (or the return from a redirect) to its one outcome. */
interface Attempt {
  connection: Connection;
  mode: LoginMode;
  /** Aborting it stops every listener, timer, channel and request of the attempt. */
  controller: AbortController;
  popup?: PopupWindow | null;
  timer?: ReturnType<typeof setTimeout>;
  done?: boolean;
  resolve(detail: LoginDetail): void;
  reject(error: SocialLoginError): void;
}


/**
 * Social-login buttons that log the user in through an identity broker's hosted login page, in a
 * popup (or by redirecting the page, by choice or when the popup is blocked), and report the result
 * as a typed `login` event.
 *
 * @summary One button per social connection of a broker; popup login with a typed result.
 *
 * @example
 * ```html
 * <social-login broker="https://id.example.com" client-id="spa-123"
 *               connections="instagram:Instagram,github:GitHub"></social-login>
 * ```
 *
 * @event login-start - {LoginStartEvent} A button was activated; cancelable.
 * @event login - {LoginEvent} The login succeeded: `detail.user`, `detail.tokens`, `detail.profile`.
 * @event login-error - {LoginErrorEvent} The login failed, or the configuration is invalid: `detail.code`.
 *
 * @attr lang - The language of the texts (`en`, `zh-CN`, or one added to `STRINGS`); else the nearest
 *   `lang` attribute's, else `en`.
 *
 * @slot icon-{id} - A connection's own icon (an `<img>` or `<svg>` with `slot="icon-instagram"` for
 *   the connection `instagram`), shown instead of the built-in brand icon; decorative (the label names the button).
 *
 * @csspart buttons - The container of the buttons.
 * @csspart button - Each connection's button.
 * @csspart icon - The icon inside a button (hidden when the connection has none).
 * @csspart label - The text inside a button (visually hidden, still the accessible name, with `layout="icons"`).
 * @csspart last-used - The "Last used" badge on the connection that logged in last.
 * @csspart error - The polite live region that shows the last error.
 *
 * @cssproperty --social-login-font - Font of the buttons (default: inherited).
 * @cssproperty --social-login-gap - Space between buttons (default 8px).
 * @cssproperty --social-login-padding - Horizontal padding inside a button (default 16px).
 * @cssproperty --social-login-icon-size - Width and height of the icons (default 20px).
 * @cssproperty --social-login-radius - Corner radius of the buttons (default 6px).
 * @cssproperty --social-login-background - Button background.
 * @cssproperty --social-login-background-hover - Button background on hover.
 * @cssproperty --social-login-color - Button text colour.
 * @cssproperty --social-login-border-color - Button border colour.
 * @cssproperty --social-login-focus-color - Focus ring colour.
 * @cssproperty --social-login-error-color - Error text colour.
 * @cssproperty --social-login-badge-background - Background of the "Last used" badge.
 * @cssproperty --social-login-badge-color - Text colour of the "Last used" badge.
 */
export class SocialLogin extends ReactiveElement {
  static override styles = styles;

  static override properties = {
    protocol: {},
    broker: {},
    clientId: { attribute: 'client-id' },
    connections: {},
    connectionParam: { attribute: 'connection-param' },
    redirectUri: { attribute: 'redirect-uri' },
    scope: {},
    responseMode: { attribute: 'response-mode' },
    mode: {},
    fallback: {},
    timeout: { type: Number },
    _busy: { state: true },
    _message: { state: true },
    theme: { reflect: true },
    layout: { reflect: true },
    lastUsed: { attribute: 'last-used' },
    _listed: { state: true },
    _last: { state: true },
  };

  /** The broker protocol: `oidc` (default), `authjs` or `authing`. */
  declare protocol: Protocol;
  /**
   * The broker: for `oidc` the issuer URL (endpoints come from its discovery document); for `authjs`
   * the Auth.js base URL (`https://app.example.com/api/auth`); for `authing` the application's
   * host (`https://my-app.authing.cn`).
   */
  declare broker?: string;
  /** The public client's id at the broker (`oidc`), or the application id (`authing`); unused by `authjs`. */
  declare clientId?: string;
  /**
   * The social connections, one button each: as an attribute `id:Display Name,id2:Other Name`, as a
   * property also `{id, name}[]`. Without it: `authjs` and `authing` list the broker's own
   * connections; `oidc` shows one "Sign in" button and sends no connection parameter.
   */
  declare connections?: string | Connection[];
  /** The authorization parameter that carries the connection id (`kc_idp_hint` for Keycloak); empty: not sent. */
  declare connectionParam: string;
  /** Where the broker sends the response; same origin as the page. Default: this page without query and fragment. */
  declare redirectUri?: string;
  /** The scopes to request; must include `openid`. */
  declare scope: string;
  /** `query`: the broker redirects the popup to `redirect-uri`, which relays; `web_message`: the broker posts to this page. */
  declare responseMode: ResponseMode;
  /** `popup` (default) or `redirect`. */
  declare mode: LoginMode;
  /** What to do when the popup cannot open: `redirect` (default) or `none` (report `popup_blocked`). */
  declare fallback: 'redirect' | 'none';
  /** Seconds a login may take before it fails with `timeout`. */
  declare timeout: number;
  /** `auto` (default: the page's colour scheme), `light` or `dark`. */
  declare theme: 'auto' | 'light' | 'dark';
  /** `vertical` (default), `horizontal`, or `icons` (icon-only buttons; the label stays for screen readers). */
  declare layout: 'vertical' | 'horizontal' | 'icons';
  /**
   * `on` (default): remember in localStorage which connection logged in last (per broker; only its id)
   * and mark its button; `off`: remember nothing and forget what was remembered.
   */
  declare lastUsed: 'on' | 'off';

  declare private _busy?: Connection;
  declare private _message: string;
  /** The broker's own connections, when the page lists none and the protocol can ask. */
  declare private _listed?: Connection[];
  /** The id of the connection that logged in last, once read (after the first frame). */
  declare private _last?: string;

  #attempt?: Attempt;
  #result?: Promise<LoginDetail>;
  #reported?: string;
  #prefetched?: string;
  /** Which broker `_listed` is (being) read from. */
  #listing?: string;
  #buttons = part('div', 'buttons');
  #status = part('div', 'error');
  /** Whether the first frame is painted, and which broker's "last used" hint was read. */
  #framed = false;
  #hinted?: string;
  /** What the buttons were last built from. */
  #built?: string;

  constructor() {
    super();
    this.protocol = 'oidc';
    this.connectionParam = 'connection';
    this.scope = 'openid profile';
    this.responseMode = 'query';
    this.mode = 'popup';
    this.fallback = 'redirect';
    this.timeout = 300;
    this.theme = 'auto';
    this.layout = 'vertical';
    this.lastUsed = 'on';
    this._message = '';
    // Discovery is fetched at the first sign of intent, so the click never waits for it.
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => this.#prefetch(), { passive: true });
    }
  }

  /**
   * The latest login's outcome, for code that comes later than the events: resolves with the `login`
   * event's detail, or rejects with the `login-error` event's error. `undefined` until a login starts
   * (a click, or the page loading with this element's redirect response).
   */
  get result(): Promise<LoginDetail> | undefined {
    return this.#result;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name == 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pageshow', this.#onPageShow);
    this.#claim();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pageshow', this.#onPageShow);
    // Moving the element (disconnect, then connect in the same task) does not end its login.
    queueMicrotask(() => {
      if (!this.isConnected && this.#attempt) this.#settle(this.#attempt, new PopupClosedError('The element was removed.'));
    });
  }

  /** Back from the broker through the back/forward cache: the redirect was abandoned. */
  #onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.#attempt?.mode == 'redirect') {
      this.#settle(this.#attempt, new PopupClosedError('Came back without an answer.'));
    }
  };

  /** Completes this page's redirect login when this element started it. */
  #claim() {
    if (this.#attempt || !this.isConnected) return;
    const result = claimRedirectResult(this, () => this.#claim());
    if (!result) return;
    const config = this.#config();
    this.#run({ connection: result.tx.connection, mode: 'redirect' }, config instanceof SocialLoginError ? 300_000 : config.timeoutMs, () => result.promise);
  }

  /** The validated configuration, or the first configuration error. */
  #config(): LoginConfig | SocialLoginError {
    try {
      return readConfig(this, location.href);
    } catch (err) {
      return err as SocialLoginError;
    }
  }

  #lang() {
    return this.lang || this.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  #strings(): Strings {
    return stringsFor(this.#lang());
  }

  /**
   * The "last used" hint's storage: one localStorage entry per broker holding a connection id (no
   * secret). `id` stores it; without, it is read into `_last` (or, with `last-used="off"`, deleted).
   */
  #remember(id?: string) {
    const config = this.#config();
    if (config instanceof SocialLoginError) return;
    const key = `social-login:last-used:${(this.#hinted = config.broker)}`;
    try {
      if (this.lastUsed == 'off') localStorage.removeItem(key);
      else if (id == undefined) this._last = localStorage.getItem(key) ?? undefined;
      else localStorage.setItem(key, (this._last = id));
    } catch {
      // No storage (privacy settings): no hint.
    }
  }

  /**
   * After the first frame: the built-in icons load (adding a script or modules is work the first paint
   * need not wait for), and the hint is read (a page's first localStorage access is a synchronous
   * round trip), again when the broker changes.
   */
  protected override firstUpdated(): void {
    requestAnimationFrame(() => setTimeout(() => ((this.#framed = true), this.requestUpdate())));
  }

  /** Starts discovery once the configuration is valid; the protocol caches it per broker. */
  #prefetch() {
    const config = this.#config();
    if (!(config instanceof SocialLoginError) && config.broker != this.#prefetched) {
      this.#prefetched = config.broker;
      loadFlows(config.protocol)
        .then((flows) => flows.prefetch?.(config))
        .catch(() => (this.#prefetched = undefined));
    }
  }

  /** Reads the broker's connections when the page lists none; a failure is reported, and a change of broker retries. */
  #list(config: LoginConfig) {
    const read = !hasList(this.connections) && listsConnections(config.protocol);
    const key = read ? [config.protocol, config.broker, config.clientId, this.#lang()].join(' ') : undefined;
    if (key == this.#listing) return;
    this.#listing = key;
    this._listed = undefined;
    if (read) {
      loadFlows(config.protocol).then((flows) => flows.connections!(config, this.#lang())).then(
        (list) => this.#listing == key && (this._listed = list),
        (err: unknown) => this.#listing == key && ((this.#listing = undefined), this.#fail(err)),
      );
    }
  }

  /** Validates the configuration whenever it changes; an error is reported once, after the document is parsed. */
  protected override willUpdate(changed: PropertyValues): void {
    // Every public property is configuration; the internal state ones start with "_".
    if (![...changed.keys()].some((p) => !String(p).startsWith('_'))) return;
    const config = this.#config();
    if (config instanceof ConfigError) {
      // A value that is present but wrong is reported now; a missing one may simply not be set yet
      // (frameworks and async set-up assign properties later): the click reports it.
      const property = config.attribute.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof this;
      if ((this.getAttribute(config.attribute) ?? this[property] ?? '') === '') return;
      if (config.message != this.#reported) {
        this.#reported = config.message;
        whenParsed(() => this.#fail(config));
      }
    } else {
      if (this.#reported) {
        this.#reported = undefined;
        this._message = '';
      }
      if (!(config instanceof SocialLoginError)) this.#list(config);
    }
    // Frameworks may set broker and client-id after connecting: the redirect result waits for them.
    this.#claim();
  }

  /** The click: everything up to `window.open` is synchronous; nothing escapes as an exception. */
  #start(connection: Connection) {
    // A redirect login is coming back on this page (it may be this element's): the click waits.
    if (redirectPending()) return;
    const current = this.#attempt;
    if (current) {
      // A second click brings the open popup forward (and waits while a redirect starts or an
      // answered popup's login completes)...
      if (!current.popup?.window.closed || current.popup.answered) return current.popup?.focus();
      // ...but a popup that reads as closed while its attempt waits (COOP may have cut it off) is given up.
      this.#settle(current, new PopupClosedError());
    }
    const config = this.#config();
    if (config instanceof SocialLoginError) return this.#fail(config, connection);
    if (!this.dispatchEvent(new LoginStartEvent({ connection, mode: config.mode }))) return;
    // A protocol without a redirect form (authing) cannot fall back.
    const fallback = config.fallback == 'redirect' && hasRedirect(config.protocol);
    const popup = config.mode == 'popup' ? PopupWindow.open() : null;
    if (config.mode == 'popup' && !popup && !fallback) return this.#fail(new PopupBlockedError(), connection, 'popup');

    this.#run({ connection, mode: config.mode, popup }, config.timeoutMs, async (attempt) => {
      const { signal } = attempt.controller;
      const flows = await orAbort(loadFlows(config.protocol), signal);
      const redirect = () => ((attempt.mode = 'redirect'), flows.redirect!(config, connection, this.id, signal));
      return popup
        ? flows.popup(config, connection, popup, signal).catch((err: unknown) =>
            err instanceof PopupBlockedError && fallback ? redirect() : Promise.reject(err),
          )
        : redirect();
    });
  }

  /**
   * Makes `init` the running attempt (busy button, timeout, a new `result`) and settles it with what
   * `work` gives.
   */
  #run(init: Pick<Attempt, 'connection' | 'mode' | 'popup'>, timeoutMs: number, work: (attempt: Attempt) => Promise<LoginDetail>) {
    let resolve!: Attempt['resolve'], reject!: Attempt['reject'];
    this.#result = new Promise<LoginDetail>((res, rej) => ((resolve = res), (reject = rej)));
    // A result nobody reads is not an unhandled rejection.
    this.#result.catch(() => {});
    const attempt: Attempt = Object.assign(init, { controller: new AbortController(), resolve, reject });
    attempt.timer = setTimeout(() => this.#settle(attempt, new LoginTimeoutError(timeoutMs / 1000)), timeoutMs);
    this.#attempt = attempt;
    this._busy = attempt.connection;
    this._message = '';
    work(attempt).then(
      (detail) => this.#settle(attempt, undefined, detail),
      (err: unknown) => this.#settle(attempt, err),
    );
  }

  /**
   * Ends an attempt with its one outcome: whatever comes second (a late response after a timeout,
   * an abort after success) is ignored. Everything of the attempt is released before the event, so
   * listeners see the button usable again.
   */
  #settle(attempt: Attempt, err: unknown, detail?: LoginDetail) {
    if (attempt.done) return;
    attempt.done = true;
    clearTimeout(attempt.timer);
    attempt.controller.abort(err);
    attempt.popup?.close();
    if (this.#attempt == attempt) {
      this.#attempt = undefined;
      this._busy = undefined;
    }
    const report = () => {
      if (detail) {
        attempt.resolve(detail);
        this.#flush();
        this.#remember(detail.connection.id);
        this.dispatchEvent(new LoginEvent(detail));
      } else attempt.reject(this.#fail(err, attempt.connection, attempt.mode));
    };
    // A redirect's result is announced once the page is parsed, so listeners added later still hear it.
    if (attempt.mode == 'redirect') whenParsed(report);
    else report();
  }

  /** Reports a failure: the event, the live region, and a console warning for configuration errors. */
  #fail(err: unknown, connection?: Connection, mode?: LoginMode): SocialLoginError {
    const error = err instanceof SocialLoginError ? err : new BrokerError('unexpected_error', String(err), err);
    if (error.code == 'invalid_config') warnOnce(`${error.message} (invalid_config)`);
    // The broker's own words, when it gave a reason (a login-only connection's refusal), follow ours.
    const reason = error instanceof BrokerError && error.description;
    this._message = this.#strings().errors[error.code] + (reason ? ` ${reason}` : '');
    this.#flush();
    this.dispatchEvent(new LoginErrorEvent({ ...(connection && { connection }), ...(mode && { mode }), code: error.code, message: error.message, error }));
    return error;
  }

  /** Renders a pending change now, so event listeners see the element as it is. */
  #flush() {
    if (this.isUpdatePending && this.hasUpdated) this.performUpdate();
  }

  /** Renders with DOM calls (no HTML parsing): rebuilds the buttons when their list or language changes, else updates them in place. */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (!this.#status.isConnected) {
      this.#status.setAttribute('role', 'status');
      this.#status.setAttribute('aria-live', 'polite');
      this.renderRoot.append(this.#buttons, this.#status);
    }
    const s = this.#strings();
    let list: Connection[] = [];
    try {
      list = readConnections(this.connections);
    } catch {
      // Reported by willUpdate(); no buttons until the attribute is fixed.
    }
    // Buttons of the broker's own list appear once it is read.
    if (!hasList(this.connections) && listsConnections(this.protocol)) list = this._listed ?? [];
    const key = JSON.stringify([list, s.signIn]);
    if (key != this.#built) {
      this.#built = key;
      this.#buttons.replaceChildren(
        ...list.map((c) => {
          const button = part('button', 'button');
          button.type = 'button';
          // The icon: the page's own (a child with slot="icon-<id>"), else the brand's once loaded.
          const icon = part('span', 'icon');
          const slot = document.createElement('slot');
          slot.name = `icon-${c.id}`;
          slot.onslotchange = () => this.requestUpdate();
          icon.setAttribute('aria-hidden', 'true');
          icon.append(slot);
          button.append(icon, part('span', 'label'), part('span', 'last-used'));
          button.addEventListener('click', () => this.#start(c));
          return button;
        }),
      );
    }
    if (this.#framed && this.broker?.trim() != this.#hinted) this.#remember();
    list.forEach((c, i) => {
      const button = this.#buttons.children[i] as HTMLButtonElement;
      const [icon, label, badge] = button.children as unknown as HTMLElement[];
      const slot = icon!.firstChild as HTMLSlotElement;
      const brand = brandOf(c);
      // Built-in icons load after the first frame (each brand once per page), into a box kept for them
      // meanwhile so nothing moves; a failed load leaves the box empty.
      if (brand && this.#framed && !slot.firstChild) {
        (icons[brand] ??= loadIcon(brand)).then((svg) => svg && !slot.firstChild && (slot.append(svg.cloneNode(true)), this.requestUpdate()), () => {});
      }
      icon!.hidden = !brand && !slot.assignedNodes().length;
      const busy = this._busy?.id === c.id;
      const text = c.name ? (busy ? s.busy : s.continueWith).replace('{name}', c.name) : s.signIn;
      button.setAttribute('aria-busy', String(busy));
      label!.textContent = text;
      badge!.hidden = !(list.length > 1 && this._last === c.id);
      badge!.textContent = badge!.hidden ? '' : s.lastUsed;
    });
    this.#status.textContent = this._message;
  }
}

/** Each built-in brand's icon, loaded once per page. */
const icons: Record<string, Promise<SVGSVGElement | undefined>> = {};

/** Whether the page lists connections itself. */
const hasList = (connections: string | Connection[] | undefined) => !!(typeof connections == 'string' ? connections.trim() : connections?.length);

/** A new element with a `part` name. */
function part<K extends keyof HTMLElementTagNameMap>(tag: K, name: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.setAttribute('part', name);
  return el;
}
