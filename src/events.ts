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

/** The broker protocol the element speaks. */
export type Protocol = 'oidc';

/** Who logged in. Fields the broker did not send are absent, never invented. */
export interface LoginUser {
  /** The broker's subject identifier (`sub`). */
  id: string;
  name?: string;
  email?: string;
  picture?: string;
}

/** The tokens of a login, as the broker's token endpoint returned them. */
export interface LoginTokens {
  accessToken: string;
  idToken?: string;
  tokenType: string;
  /** When the access token expires, in seconds since the epoch (like a JWT `exp`). */
  expiresAt?: number;
  scope?: string;
}

/** `detail` of {@link LoginStartEvent}. */
export interface LoginStartDetail {
  connection: Connection;
  mode: LoginMode;
}

/** `detail` of {@link LoginEvent}. */
export interface LoginDetail {
  connection: Connection;
  mode: LoginMode;
  protocol: Protocol;
  user: LoginUser;
  tokens?: LoginTokens;
  /** The raw claims: the userinfo response, or the ID token's claims when there is no userinfo. */
  profile: Record<string, unknown>;
}

/** `detail` of {@link LoginErrorEvent}. */
export interface LoginErrorDetail {
  connection?: Connection;
  code: LoginErrorCode;
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
  static readonly eventName = 'login-start';
  readonly detail: LoginStartDetail;
  constructor(detail: LoginStartDetail) {
    super(LoginStartEvent.eventName, { ...init, cancelable: true });
    this.detail = detail;
  }
}

/** Fired once a login succeeded, with the user, the tokens and the raw claims. */
export class LoginEvent extends Event {
  static readonly eventName = 'login';
  readonly detail: LoginDetail;
  constructor(detail: LoginDetail) {
    super(LoginEvent.eventName, init);
    this.detail = detail;
  }
}

/** Fired once a login attempt failed, or when the element's configuration is invalid. */
export class LoginErrorEvent extends Event {
  static readonly eventName = 'login-error';
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
