/**
 * OpenID Connect authorization code flow with PKCE, for a public client in the browser.
 * Pure protocol: it fetches and validates, and never touches a window.
 */
import type { LoginConfig } from '../../core/config.js';
import type { AuthRequest } from '../../core/transaction.js';
import { AccessDeniedError, BrokerError, ConfigError, InvalidStateError, NetworkError } from '../../errors.js';
import type { Connection, LoginTokens } from '../../events.js';
import { isRecord } from '../../util/is-record.js';
import { randomToken } from '../../util/random.js';
import { retryCache } from '../../util/retry-cache.js';
import { isLoopback, parseUrl, trimSlash } from '../../util/url.js';
import { getJson, type Json } from '../shared/get-json.js';
import { decodeSegment, s256 } from './encoding.js';

/** The parts of the broker's discovery document the widget uses. @internal */
export interface BrokerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  /** OpenID Connect RP-Initiated Logout 1.0. */
  end_session_endpoint?: string;
  response_modes_supported?: string[];
  code_challenge_methods_supported?: string[];
  authorization_response_iss_parameter_supported?: boolean;
}


/** Clock tolerance for `exp`, `iat` and `nbf`, in seconds. */
const SKEW = 60;

/**
 * Fetches and checks the broker's `/.well-known/openid-configuration`, once per issuer and page;
 * a failed fetch is forgotten so the next call tries again.
 * @internal
 */
export const discover: (broker: string) => Promise<BrokerMetadata> = retryCache((broker) =>
  getJson(`${trimSlash(broker)}/.well-known/openid-configuration`).then((m) => {
    if (trimSlash(String(m.issuer)) != trimSlash(broker)) {
      throw new BrokerError('invalid_issuer', `Discovery: bad issuer "${m.issuer}".`);
    }
    for (const key of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'end_session_endpoint'] as const) {
      const url = typeof m[key] == 'string' ? parseUrl(m[key]) : null;
      if ((key == 'userinfo_endpoint' || key == 'end_session_endpoint') && m[key] === undefined) continue;
      // The ID token's signature is not checked because the token endpoint is reached over TLS.
      if (!url || !(url.protocol == 'https:' || (url.protocol == 'http:' && isLoopback(url.hostname)))) {
        throw new BrokerError('invalid_discovery', `Discovery: bad ${key}.`);
      }
    }
    // The lists the widget reads must be lists of strings: `"web_message".includes(…)` is no answer.
    for (const key of ['response_modes_supported', 'code_challenge_methods_supported'] as const) {
      const list = m[key];
      if (list !== undefined && !(Array.isArray(list) && list.every((v) => typeof v == 'string'))) {
        throw new BrokerError('invalid_discovery', `Discovery: bad ${key}.`);
      }
    }
    const methods = m.code_challenge_methods_supported as string[] | undefined;
    if (methods && !methods.includes('S256')) {
      throw new BrokerError('invalid_discovery', 'Discovery: no PKCE S256.');
    }
    return m as unknown as BrokerMetadata;
  }),
);

/**
 * A new request's state, nonce and PKCE verifier (256 bits each). The state starts with `prefix`
 * so the landing page can tell a popup response from a redirect one.
 * @internal
 */
export const newAuthRequest = (prefix: string): AuthRequest => ({
  state: prefix + randomToken(),
  nonce: randomToken(),
  verifier: randomToken(),
});

/**
 * The authorization URL for one attempt: code flow, PKCE S256, state, nonce, and the connection id in
 * `connection-param`.
 * @internal
 */
export async function authorizationUrl(
  meta: BrokerMetadata,
  config: Pick<LoginConfig, 'clientId' | 'redirectUri' | 'scope' | 'responseMode' | 'connectionParam' | 'lang'>,
  request: AuthRequest,
  connection: Connection,
): Promise<string> {
  const url = new URL(meta.authorization_endpoint);
  const p = url.searchParams;
  p.set('response_type', 'code');
  p.set('client_id', config.clientId);
  p.set('redirect_uri', config.redirectUri);
  p.set('scope', config.scope);
  p.set('state', request.state);
  p.set('nonce', request.nonce);
  p.set('code_challenge', await s256(request.verifier));
  p.set('code_challenge_method', 'S256');
  // The broker's pages in the element's language (OpenID Connect Core 3.1.2.1).
  p.set('ui_locales', config.lang);
  if (config.responseMode == 'web_message') {
    if (!meta.response_modes_supported?.includes('web_message')) {
      throw new ConfigError('response-mode', 'the broker does not support "web_message".');
    }
    p.set('response_mode', 'web_message');
  }
  if (config.connectionParam && connection.id) p.set(config.connectionParam, connection.id);
  return url.href;
}

/**
 * Checks an authorization response whose `state` is already known to be ours, and returns its code.
 * @throws {AccessDeniedError | BrokerError} for an `error=` response
 * @throws {InvalidStateError} when `iss` is not the broker (mix-up attack, RFC 9207)
 * @internal
 */
export function authorizationCode(params: Record<string, string>, meta: BrokerMetadata): string {
  if (params.iss !== undefined ? params.iss !== meta.issuer : meta.authorization_response_iss_parameter_supported) {
    throw new InvalidStateError(`Response issuer "${params.iss}" is not "${meta.issuer}".`);
  }
  if (params.error) {
    throw params.error == 'access_denied'
      ? new AccessDeniedError(params.error_description)
      : new BrokerError(params.error, params.error_description);
  }
  if (!params.code) throw new BrokerError('invalid_response', 'The response has no code.');
  return params.code;
}

/**
 * Validates an ID token received straight from the token endpoint over TLS: header `alg` is not
 * `none`; `iss`, `aud`, `azp`, `exp`, `iat`, `nbf` (when present) and `nonce` are checked. The signature is not verified
 * (OpenID Connect Core §3.1.3.7 allows TLS validation of the token endpoint in its place).
 * @internal
 */
export function idTokenClaims(token: string, meta: BrokerMetadata, clientId: string, nonce: string, now = Date.now() / 1000): Json {
  const [header, payload, signature, extra] = token.split('.');
  const h = decodeSegment(header ?? '');
  const c = decodeSegment(payload ?? '');
  // The message names the failed check: the JWT form, then each claim.
  const bad = (claim: string) => new BrokerError('invalid_id_token', `ID token: bad ${claim}.`);
  if (!isRecord(h) || !isRecord(c) || !signature || extra !== undefined) throw bad('JWT');
  if (typeof h.alg != 'string' || h.alg.toLowerCase() == 'none') throw bad('alg');
  if (c.iss !== meta.issuer) throw bad('iss');
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (!aud.includes(clientId)) throw bad('aud');
  if ((aud.length > 1 || c.azp !== undefined) && c.azp !== clientId) throw bad('azp');
  if (typeof c.exp != 'number' || c.exp < now - SKEW) throw bad('exp');
  if (typeof c.iat != 'number' || c.iat > now + SKEW) throw bad('iat');
  if (c.nbf !== undefined && (typeof c.nbf != 'number' || c.nbf > now + SKEW)) throw bad('nbf');
  if (typeof c.sub != 'string' || !c.sub) throw bad('sub');
  if (c.nonce !== nonce) throw new InvalidStateError('ID token: bad nonce.');
  return c;
}

/**
 * Reads userinfo with the access token in a form body (RFC 6750 §2.2): a CORS-simple request, so
 * the browser sends no preflight first, which the `Authorization` header would cost (one more round
 * trip). Servers may refuse that form (RFC 6750 makes it optional), often without the CORS headers
 * that would let the page read why: anything but an abort or a server error (HTTP 5xx) asks again
 * the usual way, GET with the header.
 * @internal
 */
export const userinfo = (endpoint: string, accessToken: string, signal?: AbortSignal): Promise<Json> =>
  getJson(endpoint, { method: 'POST', body: new URLSearchParams({ access_token: accessToken }), signal }).catch((err: unknown) => {
    if (signal?.aborted || (err instanceof NetworkError && err.status! >= 500)) throw err;
    return getJson(endpoint, { headers: { authorization: `Bearer ${accessToken}` }, signal });
  });

/** What a completed code exchange yields. @internal */
export interface CodeResult {
  tokens: LoginTokens;
  profile: Json;
}

/** ID token claims about the token and the authentication, not the user: left out of `profile`. */
const TOKEN_CLAIMS = ['iss', 'aud', 'azp', 'exp', 'iat', 'nbf', 'nonce', 'auth_time', 'at_hash', 'c_hash', 'acr', 'amr', 'sid', 'jti'];

/** Claims that show the broker put the user's profile in the ID token. */
const PROFILE_CLAIMS = ['name', 'preferred_username', 'nickname', 'email', 'picture'];

/**
 * Exchanges the code at the token endpoint and validates the ID token. The profile is the ID token's
 * user claims when it carries any profile claim (Auth0, Keycloak, Google, Authing… put them there),
 * and the email too when the granted scopes include `email`; otherwise the userinfo endpoint is read
 * (OpenID Connect Core §5.4: the code flow returns the scopes' claims from userinfo), which costs one
 * more round trip.
 * @internal
 */
export async function redeemCode(
  meta: BrokerMetadata,
  config: Pick<LoginConfig, 'clientId' | 'redirectUri'>,
  code: string,
  request: AuthRequest,
  signal?: AbortSignal,
): Promise<CodeResult> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: config.redirectUri,
    client_id: config.clientId,
    code_verifier: request.verifier,
  });
  const t = await getJson(meta.token_endpoint, { method: 'POST', body, signal });
  if (typeof t.access_token != 'string' || typeof t.token_type != 'string' || typeof t.id_token != 'string') {
    throw new BrokerError('invalid_response', 'The token response lacks access_token, token_type or id_token.');
  }
  const claims = idTokenClaims(t.id_token, meta, config.clientId, request.nonce);
  let profile: Json = Object.fromEntries(Object.entries(claims).filter(([k]) => !TOKEN_CLAIMS.includes(k)));
  // Userinfo too when the ID token lacks the profile, or the email that a granted `email` scope implies.
  const missing = !PROFILE_CLAIMS.some((k) => k in profile) || (/\bemail\b/.test(String(t.scope)) && !('email' in profile));
  if (meta.userinfo_endpoint && missing) profile = await userinfo(meta.userinfo_endpoint, t.access_token, signal);
  if (profile.sub !== claims.sub) throw new BrokerError('invalid_response', 'Userinfo sub mismatch.');
  const tokens: LoginTokens = { accessToken: t.access_token, idToken: t.id_token, tokenType: t.token_type };
  if (typeof t.expires_in == 'number') tokens.expiresAt = Math.floor(Date.now() / 1000) + t.expires_in;
  if (typeof t.scope == 'string') tokens.scope = t.scope;
  return { tokens, profile };
}
