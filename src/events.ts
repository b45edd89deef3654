import type { LoginErrorCode, SocialLoginError } from './errors.js';

/** A social connection of the broker: its unique identifier and the name its button shows. */
export interface Connection {
  /** The broker's unique identifier of the connection (sent as `connection-param`); may be empty. */
  id: string;
  /** The display name shown on the button, e.g. `Instagram`. */
  name: string;
}

/** How a login runs: in a popup, or by navigating the whole page. */
export type LoginMode = 'popup' | 'redirect';

/**
 * The broker protocol the element speaks: `oidc` (any OpenID Connect broker), `authjs` (an Auth.js
 * app's routes), `authing` (Authing: its social-connection popup, and its OpenID Connect issuer for
 * redirects) or `better-auth` (a Better Auth app's routes).
 */
export type Protocol = 'oidc' | 'authjs' | 'authing' | 'better-auth';

/** Who logged in. Fields the broker did not send are absent, never invented. */
export interface LoginUser {
  /** The broker's subject identifier (`sub`). */
  id: string;
  /** `name`, else `preferred_username`, else `nickname`. */
  name?: string;
  /** Only when the broker sent it (Instagram never does). */
  email?: string;
  /** A URL of the user's picture. */
  picture?: string;
}

/** The tokens of a login, as the broker's token endpoint returned them. */
export interface LoginTokens {
  /** The access token for the broker's APIs (userinfo). */
  accessToken: string;
  /** The ID token (a JWT) whose claims the widget validated. */
  idToken?: string;
  /** Usually `Bearer`. */
  tokenType: string;
  /** When the access token expires, in seconds since the epoch (like a JWT `exp`). */
  expiresAt?: number;
  /** The scopes granted, when the broker said. */
  scope?: string;
}

/** `detail` of {@link LoginStartEvent}. */
export interface LoginStartDetail {
  /** The connection whose button was activated. */
  connection: Connection;
  /** How the login will run. */
  mode: LoginMode;
}

/** `detail` of {@link LoginEvent}. */
export interface LoginDetail {
  /** The connection the user logged in with. */
  connection: Connection;
  /** How the login ran. */
  mode: LoginMode;
  /** The broker protocol. */
  protocol: Protocol;
  /** Who logged in. */
  user: LoginUser;
  /** The broker's tokens. */
  tokens?: LoginTokens;
  /**
   * The raw claims about the user: the ID token's user claims (without `iss`, `aud`, `exp`, `nonce` and
   * the other claims about the token) when they include a profile claim (`name`, `preferred_username`,
   * `nickname`, `email` or `picture`), else the userinfo response; for Auth.js, its session; for
   * Authing, its user info without the token.
   */
  profile: Record<string, unknown>;
}

/** `detail` of {@link LoginErrorEvent}. */
export interface LoginErrorDetail {
  /** The connection whose login failed; absent for a configuration error found at set-up. */
  connection?: Connection;
  /** How the failed login ran; absent when it never started (configuration errors, `login-start` not reached). */
  mode?: LoginMode;
  /** What failed, as a code. */
  code: LoginErrorCode;
  /** A developer-facing explanation (English); the live region shows a localised one. */
  message: string;
  /** The error instance; its class tells the code family (e.g. `PopupBlockedError`). */
  error: SocialLoginError;
}

const init = { bubbles: true, composed: true };

/**
 * Fired when a button is activated, before anything opens. Cancelable: `preventDefault()` stops
 * the attempt.
 */
export class LoginStartEvent extends Event {
  /** The event type, `login-start`. */
  static readonly eventName = 'login-start';
  /** Which connection, and how. */
  readonly detail: LoginStartDetail;
  constructor(detail: LoginStartDetail) {
    super(LoginStartEvent.eventName, { ...init, cancelable: true });
    this.detail = detail;
  }
}

/** Fired once a login succeeded, with the user, the tokens and the raw claims. */
export class LoginEvent extends Event {
  /** The event type, `login`. */
  static readonly eventName = 'login';
  /** The user, tokens and raw claims. */
  readonly detail: LoginDetail;
  constructor(detail: LoginDetail) {
    super(LoginEvent.eventName, init);
    this.detail = detail;
  }
}

/** Fired once a login attempt failed, or when the element's configuration is invalid. */
export class LoginErrorEvent extends Event {
  /** The event type, `login-error`. */
  static readonly eventName = 'login-error';
  /** The code, message and error instance. */
  readonly detail: LoginErrorDetail;
  constructor(detail: LoginErrorDetail) {
    super(LoginErrorEvent.eventName, init);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-start': LoginStartEvent;
    login: LoginEvent;
    'login-error': LoginErrorEvent;
  }
}
