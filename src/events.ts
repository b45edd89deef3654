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
  /** The connection the user logged in with; absent for a restored session whose broker does not say it. */
  connection?: Connection;
  /**
   * How the login ran: in a `popup`, by `redirect`, or `session`: a session the element found already
   * signed in (the broker's cookie session on load, or a login in another tab of the site).
   */
  mode: LoginMode | 'session';
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
   * Better Auth, its user record; for Authing, its user info without the token. Empty for a session
   * from another tab (only what `session` holds crosses tabs).
   */
  profile: Record<string, unknown>;
}

/**
 * Who is signed in, as `element.session` tells it: the `login` detail's protocol, connection and user,
 * never its tokens.
 */
export interface Session {
  /** The broker protocol. */
  protocol: Protocol;
  /** The connection, when known. */
  connection?: Connection;
  /** Who is signed in. */
  user: LoginUser;
  /** When the session ends, in seconds since the epoch; the element then signs out (`reason: 'expired'`). */
  expiresAt?: number;
}

/** Why a session ended: the `user` signed out, it `expired`, or it ended in an `other-tab` of the site. */
export type LogoutReason = 'user' | 'expired' | 'other-tab';

/** `detail` of {@link LogoutEvent}. */
export interface LogoutDetail {
  /** The broker protocol. */
  protocol: Protocol;
  /** The connection the session came from, when known. */
  connection?: Connection;
  /** Why the session ended. */
  reason: LogoutReason;
  /** `false` when the broker has no way to end its session (no `end_session_endpoint`): only the page forgot it. */
  broker?: boolean;
}

/** `detail` of {@link LogoutErrorEvent}: the same as `login-error`'s. */
export type LogoutErrorDetail = Pick<LoginErrorDetail, 'code' | 'message' | 'error'>;

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

/**
 * The element's events: they bubble and cross the shadow root (`composed`), each type with its
 * `detail` typed. The base of the five event classes.
 */
abstract class SocialLoginEvent<D> extends Event {
  /** The event type (each class's own). */
  static readonly eventName: string;
  /** What happened. */
  readonly detail: D;
  constructor(detail: D) {
    const type = (new.target as typeof SocialLoginEvent).eventName;
    // Only login-start can be cancelled (it stops the attempt).
    super(type, { bubbles: true, composed: true, cancelable: type == 'login-start' });
    this.detail = detail;
  }
}

/**
 * Fired when a button is activated, before anything opens. Cancelable: `preventDefault()` stops
 * the attempt. `detail`: which connection, and how.
 */
export class LoginStartEvent extends SocialLoginEvent<LoginStartDetail> {
  /** The event type, `login-start`. */
  static override readonly eventName = 'login-start';
}

/** Fired once a login succeeded (or a session was found signed in): `detail` has the user, the tokens and the raw claims. */
export class LoginEvent extends SocialLoginEvent<LoginDetail> {
  /** The event type, `login`. */
  static override readonly eventName = 'login';
}

/** Fired once a login attempt failed, or when the element's configuration is invalid: `detail` has the code, message and error. */
export class LoginErrorEvent extends SocialLoginEvent<LoginErrorDetail> {
  /** The event type, `login-error`. */
  static override readonly eventName = 'login-error';
}

/** Fired once a session ended (signed out, expired, or ended in another tab): `detail` has the protocol, the connection and why. */
export class LogoutEvent extends SocialLoginEvent<LogoutDetail> {
  /** The event type, `logout`. */
  static override readonly eventName = 'logout';
}

/** Fired when signing out failed; the session stays as it was. `detail` is as `login-error`'s. */
export class LogoutErrorEvent extends SocialLoginEvent<LogoutErrorDetail> {
  /** The event type, `logout-error`. */
  static override readonly eventName = 'logout-error';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-start': LoginStartEvent;
    login: LoginEvent;
    'login-error': LoginErrorEvent;
    logout: LogoutEvent;
    'logout-error': LogoutErrorEvent;
  }
}
