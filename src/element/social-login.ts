import { ReactiveElement, type PropertyDeclaration, type PropertyValues } from '@lit/reactive-element';
import { readConfig, type LoginConfig, type ResponseMode } from '../core/config.js';
import { loadLanguage } from '../core/load-language.js';
import { loaded } from '../core/load-protocol.js';
import { languageOf, packOf, stringsFor } from '../core/strings.js';
import { SocialLoginError } from '../errors.js';
import type { Connection, LoginDetail, LoginMode, Protocol, Session } from '../events.js';
import { afterFrame } from '../util/dom.js';
import { hasList, shown } from './broker.js';
import { Buttons } from './buttons.js';
import { quietFinalize, withDefault } from './defaults.js';
import { LoginController } from './login.js';
import { styles } from './styles.js';

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
 * @event login - {LoginEvent} The login succeeded (or a session was found: `mode: 'session'`): `detail.user`, `detail.tokens`, `detail.profile`.
 * @event login-error - {LoginErrorEvent} The login failed, or the configuration is invalid: `detail.code`.
 * @event logout - {LogoutEvent} The session ended: `detail.reason` is `user`, `expired` or `other-tab`.
 * @event logout-error - {LogoutErrorEvent} Signing out failed; the session stays: `detail.code`.
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
 * @csspart account - With `signed-in="account"`, who is signed in, instead of the buttons.
 * @csspart avatar - The signed-in user's picture (when the broker gave one).
 * @csspart account-name - "Signed in as …".
 * @csspart sign-out - The "Sign out" button.
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
    sessionMode: { attribute: 'session' },
    signedIn: { attribute: 'signed-in' },
    // Observed so that a new language re-renders (and re-reads the broker's labels); HTMLElement's own `lang` stays as it is.
    _lang: { attribute: 'lang' },
  };

  /** The broker protocol: `oidc` (default), `authjs`, `authing` or `better-auth`. @default 'oidc' */
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
  /** The authorization parameter that carries the connection id (`kc_idp_hint` for Keycloak); empty: not sent. @default 'connection' */
  declare connectionParam: string;
  /** Where the broker sends the response; same origin as the page. Default: this page without query and fragment. */
  declare redirectUri?: string;
  /** The scopes to request; must include `openid`. @default 'openid profile' */
  declare scope: string;
  /** `query`: the broker redirects the popup to `redirect-uri`, which relays; `web_message`: the broker posts to this page. @default 'query' */
  declare responseMode: ResponseMode;
  /** `popup` (default) or `redirect`. @default 'popup' */
  declare mode: LoginMode;
  /** What to do when the popup cannot open: `redirect` (default) or `none` (report `popup_blocked`). @default 'redirect' */
  declare fallback: 'redirect' | 'none';
  /**
   * In an in-app browser (Instagram, Facebook, WeChat, LINE, TikTok, Snapchat, Android WebView), where
   * popups get lost: `redirect` (default) logs in by redirect; `popup` keeps `mode`.
  
   * @default 'redirect'
   */
  declare inApp: 'redirect' | 'popup';
  /** Seconds a login may take before it fails with `timeout`. @default 300 */
  declare timeout: number;
  /** `auto` (default: the page's colour scheme), `light` or `dark`. @default 'auto' */
  declare theme: 'auto' | 'light' | 'dark';
  /** `vertical` (default), `horizontal`, or `icons` (icon-only buttons; the label stays for screen readers). @default 'vertical' */
  declare layout: 'vertical' | 'horizontal' | 'icons';
  /**
   * `on` (default): remember in localStorage which connection logged in last (per broker; only its id)
   * and mark its button; `off`: remember nothing and forget what was remembered.
  
   * @default 'on'
   */
  declare lastUsed: 'on' | 'off';
  /** The `session` attribute. `auto` (default): read the broker's cookie session on load (`authjs`, `better-auth`); `off`: read none. @default 'auto' */
  declare sessionMode: 'auto' | 'off';
  /** While someone is signed in: keep the login `buttons` (default), or show the `account` (who, and "Sign out"). @default 'buttons' */
  declare signedIn: 'buttons' | 'account';
  // The `lang` attribute, as last seen (documented by `@attr lang` above).
  declare private _lang?: string;

  #login = new LoginController(this);
  #view?: Buttons;
  /** Whether the first frame is painted: built-in icons and the "last used" hint wait for it. */
  #framed = false;

  /** Each property reads its default while unset (see defaults.ts). */
  protected static override getPropertyDescriptor(name: PropertyKey, key: string | symbol, options: PropertyDeclaration): PropertyDescriptor | undefined {
    return withDefault(super.getPropertyDescriptor(name, key, options), name, key, options);
  }

  static { quietFinalize(() => this.finalize()); }

  /**
   * The latest login's outcome, for code that comes later than the events: the `login` event's detail,
   * or the `login-error` event's error. `undefined` until a login starts or a session is found.
   */
  get result(): Promise<LoginDetail> | undefined {
    return this.#login.result;
  }

  /** Who is signed in (the `login` detail's protocol, connection and user, never its tokens), or `null`. */
  get session(): Session | null {
    return this.#login.session;
  }

  /**
   * Signs out at the broker where the protocol can (OpenID Connect's in a popup when called in a click,
   * else by redirect), then `logout`. Rejects after `logout-error` when that fails (the session stays).
   */
  logout(): Promise<void> {
    return this.#login.logout();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Connected again (moved, or re-added): follow the session again; the update after the first frame does it the first time.
    // The first time, only a redirect's result is claimed (a click before that frame must find it taken).
    this.#login.follow(this.hasUpdated ? this.readConfig() : undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#login.disconnected();
  }

  /** The validated configuration, or the first configuration error. @internal */
  readConfig(): LoginConfig | SocialLoginError {
    try {
      const config = readConfig(this, location.href, navigator.userAgent, languageOf(this.language()));
      // With the protocol's code in, the checks only a login needs too (a click then opens no popup).
      return loaded[config.protocol]?.check?.(config) ?? config;
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
    const lang = this.language();
    const pack = !languageOf(lang) && packOf(lang);
    return pack ? loadLanguage(pack).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * The first paint shows the buttons alone. After it, the configuration is checked and followed (the
   * session, the other tabs, a redirect's return), the built-in icons load and the "last used" hint is read.
   */
  protected override firstUpdated(): void {
    // Once: a change of `protocol` (from NaN, which no value equals), so that willUpdate reads the
    // configuration; requestUpdate returns nothing, so `#framed` is true from then on.
    afterFrame(() => (this.#framed ||= !(this.requestUpdate('protocol', NaN) as unknown)));
  }

  /** Validates the configuration whenever it changes (every property is configuration, or the language), from the first frame on. */
  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.size || !this.#framed) return;
    const config = this.readConfig();
    this.#login.check(config);
    if (!(config instanceof SocialLoginError) && !hasList(this.connections)) this.#login.list(config, this.language());
    // Frameworks may set broker and client-id after connecting: the redirect result waits for them.
    this.#login.follow(config);
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const login = this.#login;
    const list = shown(this.connections, this.protocol, login.listed);
    if (this.#framed) login.readHint(this.broker?.trim());
    const s = stringsFor(this.language());
    this.#view ??= new Buttons(this.renderRoot, (c) => login.start(c), () => this.requestUpdate());
    this.#view.render(list, s, login, this.#framed, this.signedIn == 'account' && this.session ? (box) => login.account(box, s) : undefined);
  }
}
