/**
 * Every way a login can fail, as a string code. `login-error` events carry one of these in
 * `detail.code`, and the error instance in `detail.error`.
 */
export type LoginErrorCode =
  | 'popup_blocked'
  | 'popup_closed'
  | 'timeout'
  | 'access_denied'
  | 'invalid_state'
  | 'broker_error'
  | 'network_error'
  | 'invalid_config';

/**
 * Base class of every error the widget reports. Branch on the subclass or on {@link code}.
 *
 * @example
 * ```ts
 * el.addEventListener('login-error', (e) => {
 *   if (e.detail.error instanceof PopupBlockedError) showHint();
 * });
 * ```
 */
export class SocialLoginError extends Error {
  /** The machine-readable failure code. */
  readonly code: LoginErrorCode;
  constructor(code: LoginErrorCode, message: string, cause?: unknown) {
    super(message, { cause });
    this.code = code;
    this.name = 'SocialLoginError';
  }
}

/** The browser refused to open the login popup (`popup_blocked`). */
export class PopupBlockedError extends SocialLoginError {
  constructor(message = 'The popup was blocked.') {
    super('popup_blocked', message);
    this.name = 'PopupBlockedError';
  }
}

/** The user closed the login popup before the login finished (`popup_closed`). */
export class PopupClosedError extends SocialLoginError {
  constructor(message = 'The popup was closed.') {
    super('popup_closed', message);
    this.name = 'PopupClosedError';
  }
}

/** The login did not finish within the `timeout` attribute's seconds (`timeout`). */
export class LoginTimeoutError extends SocialLoginError {
  constructor(seconds: number) {
    super('timeout', `No answer within ${seconds} s.`);
    this.name = 'LoginTimeoutError';
  }
}

/**
 * The broker answered with an OAuth error (`broker_error`); {@link error} and
 * {@link description} are the broker's `error` and `error_description`.
 */
export class BrokerError extends SocialLoginError {
  /** The broker's `error` value, e.g. `invalid_request`; empty when the broker sent none. */
  readonly error: string;
  /** The broker's `error_description`, when it sent one. */
  readonly description?: string;
  constructor(error: string, description?: string, cause?: unknown, code: LoginErrorCode = 'broker_error') {
    super(code, description ? `${error}: ${description}` : error, cause);
    this.error = error;
    if (description) this.description = description;
    this.name = 'BrokerError';
  }
}

/** The user (or the broker on their behalf) refused the login: `error=access_denied`. */
export class AccessDeniedError extends BrokerError {
  constructor(description?: string) {
    super('access_denied', description, undefined, 'access_denied');
    this.name = 'AccessDeniedError';
  }
}

/**
 * A response could not be tied to this login attempt: unknown, expired or reused `state`,
 * a wrong `iss`, or an ID token whose `nonce` is not ours (`invalid_state`).
 */
export class InvalidStateError extends SocialLoginError {
  constructor(message: string) {
    super('invalid_state', message);
    this.name = 'InvalidStateError';
  }
}

/** The broker could not be reached or answered with a server error (`network_error`). */
export class NetworkError extends SocialLoginError {
  /** The HTTP status, when there was a response. */
  readonly status?: number;
  constructor(message: string, status?: number, cause?: unknown) {
    super('network_error', message, cause);
    if (status) this.status = status;
    this.name = 'NetworkError';
  }
}

/** An attribute of the element is missing or invalid (`invalid_config`); {@link attribute} names it. */
export class ConfigError extends SocialLoginError {
  /** The attribute at fault, as written in HTML (e.g. `client-id`). */
  readonly attribute: string;
  constructor(attribute: string, message: string) {
    super('invalid_config', `Attribute "${attribute}": ${message}`);
    this.attribute = attribute;
    this.name = 'ConfigError';
  }
}
