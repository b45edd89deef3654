import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { readConfig, readConnections, type LoginConfig, type ResponseMode } from '../core/config.js';
import { listsConnections } from '../core/protocol.js';
import { PopupClosedError, SocialLoginError } from '../errors.js';
import type { Connection, LoginDetail, LoginMode, Protocol } from '../events.js';
import { BrokerController } from './broker.js';
import { Buttons } from './buttons.js';
import { LoginController } from './login.js';
import { loadLanguage } from '../core/load-language.js';
import { languageOf, STRINGS, stringsFor } from '../core/strings.js';
import { styles } from './styles.js';

/** Whether the page lists connections itself. */
const hasList = (connections: string | Connection[] | undefined) => !!(typeof connections == 'string' ? connections.trim() : connections?.length);

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
    inApp: { attribute: 'in-app' },
    timeout: { type: Number },
    theme: { reflect: true },
    layout: { reflect: true },
    lastUsed: { attribute: 'last-used' },
    // Observed so that a new language re-renders (and re-reads the broker's labels); HTMLElement's own `lang` stays as it is.
    _lang: { attribute: 'lang' },
  };

  /** The broker protocol: `oidc` (default), `authjs`, `authing` or `better-auth`. */
  declare protocol: Protocol;
  /**
   * The broker: for `oidc` the issuer URL (endpoints come from its discovery document); for `authjs`
   * and `better-auth` the base URL of its routes (`https://app.example.com/api/auth`); for `authing`
   * the application's host (`https://my-app.authing.cn`).
   */
  declare broker?: string;
  /** The public client's id at the broker (`oidc`), or the application id (`authing`); unused by `authjs` and `better-auth`. */
  declare clientId?: string;
  /**
   * The social connections, one button each: as an attribute `id:Display Name,id2:Other Name`, as a
   * property also `{id, name}[]`. Without it: `authjs` and `authing` list the broker's own
   * connections; `oidc` shows one "Sign in" button and sends no connection parameter; `better-auth`
   * requires it (Better Auth publishes no list: the ids are the providers the app configured).
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
  /**
   * In an in-app browser (Instagram, Facebook, WeChat, LINE, TikTok, Snapchat, Android WebView), where
   * popups get lost: `redirect` (default) logs in by redirect; `popup` keeps `mode`.
   */
  declare inApp: 'redirect' | 'popup';
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
  // The `lang` attribute, as last seen (documented by `@attr lang` above).
  declare private _lang?: string;

  #login = new LoginController(this);
  #broker = new BrokerController(
    () => this.requestUpdate(),
    (err) => this.#login.fail(err),
  );
  #view?: Buttons;
  /** Whether the first frame is painted: built-in icons and the "last used" hint wait for it. */
  #framed = false;

  constructor() {
    super();
    this.protocol = 'oidc';
    this.connectionParam = 'connection';
    this.scope = 'openid profile';
    this.responseMode = 'query';
    this.mode = 'popup';
    this.fallback = 'redirect';
    this.inApp = 'redirect';
    this.timeout = 300;
    this.theme = 'auto';
    this.layout = 'vertical';
    this.lastUsed = 'on';
    // The protocol's code and discovery load at the first sign of intent, so the click never waits for them.
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => {
        const config = this.readConfig();
        if (!(config instanceof SocialLoginError)) this.#broker.prefetch(config);
      }, { passive: true });
    }
  }

  /**
   * The latest login's outcome, for code that comes later than the events: resolves with the `login`
   * event's detail, or rejects with the `login-error` event's error. `undefined` until a login starts
   * (a click, or the page loading with this element's redirect response).
   */
  get result(): Promise<LoginDetail> | undefined {
    return this.#login.latest?.result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pageshow', this.#onPageShow);
    this.#login.claim();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pageshow', this.#onPageShow);
    // Moving the element (disconnect, then connect in the same task) does not end its login.
    queueMicrotask(() => this.isConnected || this.#login.attempt?.end(new PopupClosedError('The element was removed.')));
  }

  /** Back from the broker through the back/forward cache: the redirect was abandoned. */
  #onPageShow = (event: PageTransitionEvent) => {
    const attempt = this.#login.attempt;
    if (event.persisted && attempt?.mode == 'redirect') attempt.end(new PopupClosedError('Came back without an answer.'));
  };

  /** The validated configuration, or the first configuration error. @internal */
  readConfig(): LoginConfig | SocialLoginError {
    try {
      return readConfig(this, location.href, navigator.userAgent);
    } catch (err) {
      return err as SocialLoginError;
    }
  }

  /** The language of the texts: `lang`, else the nearest `lang` attribute's, else `en`. @internal */
  language(): string {
    // The element's own attribute first: `closest` starts from the element itself.
    return this.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  /** Renders a pending change now, so event listeners see the element as it is. @internal */
  flush(): void {
    if (this.isUpdatePending && this.hasUpdated) this.performUpdate();
  }

  /** Every render waits for its language's texts (a pack loads once per page), so English never flashes first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const tag = languageOf(this.language());
    return Object.hasOwn(STRINGS, tag) ? super.scheduleUpdate() : loadLanguage(tag).then(() => super.scheduleUpdate());
  }

  /** After the first frame, the built-in icons load and the "last used" hint is read: the first paint waits for neither. */
  protected override firstUpdated(): void {
    requestAnimationFrame(() => setTimeout(() => ((this.#framed = true), this.requestUpdate())));
  }

  /** Validates the configuration whenever it changes (every property is configuration, or the language). */
  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.size) return;
    const config = this.readConfig();
    this.#login.check(config, (attribute) => (this.getAttribute(attribute) ?? this[attribute.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof this] ?? '') !== '');
    if (!(config instanceof SocialLoginError)) this.#broker.list(config, this.language(), hasList(this.connections));
    // Frameworks may set broker and client-id after connecting: the redirect result waits for them.
    this.#login.claim();
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    let list: Connection[] = [];
    try {
      list = readConnections(this.connections);
    } catch {
      // Reported by willUpdate(); no buttons until the attribute is fixed.
    }
    // Buttons of the broker's own list appear once it is read.
    if (!hasList(this.connections) && listsConnections(this.protocol)) list = this.#broker.listed ?? [];
    const login = this.#login;
    const broker = this.broker?.trim();
    if (this.#framed && broker) login.readHint(broker);
    this.#view ??= new Buttons(this.renderRoot, (c) => login.start(c), () => this.requestUpdate());
    this.#view.render(list, stringsFor(this.language()), login, this.#framed);
  }
}
