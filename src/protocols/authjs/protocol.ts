/**
 * Auth.js (`@auth/core`) REST routes, as its own client uses them: `GET /providers`, `GET /csrf`,
 * `POST /signin/:provider` (a form, navigated to), `GET /session`. Pure protocol: it fetches and
 * maps, and never touches a window. `broker` is the app's Auth.js base URL, e.g.
 * `https://app.example.com/api/auth`.
 *
 * The Auth.js app does the OAuth work with the social provider (state, PKCE, client secret) on its
 * server; the browser only gets a session cookie, so these requests carry cookies and the host page
 * must be same-site with Auth.js (its cookies are `SameSite=Lax`).
 */
import { AccessDeniedError, BrokerError } from '../../errors.js';
import type { Connection, LoginDetail, LoginUser } from '../../events.js';
import { isRecord } from '../../util/is-record.js';
import { parseUrl, trimSlash } from '../../util/url.js';
import { getJson, type Json } from '../shared/get-json.js';
const withCookies = (signal?: AbortSignal): RequestInit => ({ credentials: 'include', signal });

/**
 * The app's OAuth and OIDC providers (`GET {broker}/providers`), labelled with their `name`;
 * email, credentials and WebAuthn providers are not social connections and are left out.
 * @internal
 */
export async function authjsProviders(broker: string): Promise<Connection[]> {
  const providers = await getJson(`${trimSlash(broker)}/providers`, withCookies());
  return Object.values(providers)
    .filter((p): p is Json => isRecord(p) && (p.type == 'oauth' || p.type == 'oidc') && typeof p.id == 'string')
    .map((p) => ({ id: p.id as string, name: typeof p.name == 'string' ? p.name : (p.id as string) }));
}

/** The CSRF token for the sign-in form; the response also sets its double-submit cookie. @internal */
export async function authjsCsrf(broker: string, signal: AbortSignal): Promise<string> {
  const { csrfToken } = await getJson(`${trimSlash(broker)}/csrf`, withCookies(signal));
  if (typeof csrfToken != 'string') throw new BrokerError('invalid_response', 'Auth.js sent no csrfToken.');
  return csrfToken;
}

/** Where the sign-in form posts. @internal */
export const authjsSigninUrl = (broker: string, connection: Connection): string =>
  `${trimSlash(broker)}/signin/${encodeURIComponent(connection.id)}`;

/**
 * The sign-in error in a URL of Auth.js's own error or sign-in page (`{broker}/error?error=…`,
 * `{broker}/signin?error=…`), where Auth.js sends a failed login; `undefined` for any other URL.
 * `AccessDenied` and `OAuthCallbackError` (the provider answered with an error, as when the user
 * cancels) read as `access_denied`.
 * @internal
 */
export function authjsPageError(href: string, broker: string): AccessDeniedError | BrokerError | undefined {
  const url = new URL(href);
  const error = url.searchParams.get('error');
  if (!error || !/\/(error|signin)$/.test(url.pathname) || !href.startsWith(trimSlash(broker))) return undefined;
  return /^(AccessDenied|OAuthCallbackError)$/.test(error)
    ? new AccessDeniedError(`Auth.js: ${error}`)
    : new BrokerError(error, 'Auth.js could not complete the login.');
}

/**
 * Reads the session the login just made (`GET {broker}/session`) and describes the login. Auth.js
 * sends `{user: {name, email, image}, expires}`; `user.id` only when the app's `session` callback
 * adds it (the README shows how), else it is empty and a warning says so. No tokens reach the
 * browser: Auth.js keeps them on the server.
 * @internal
 */
export async function authjsLogin(broker: string, connection: Connection | undefined, mode: LoginDetail['mode'], signal?: AbortSignal): Promise<LoginDetail> {
  const profile = await getJson(`${trimSlash(broker)}/session`, withCookies(signal));
  const u = profile.user;
  if (!isRecord(u)) throw new BrokerError('no_session', 'Auth.js has no session after the login.');
  const user: LoginUser = { id: typeof u.id == 'string' ? u.id : '' };
  if (!user.id) console.warn('<social-login> Auth.js session has no user.id: add it in callbacks.session.');
  if (typeof u.name == 'string') user.name = u.name;
  if (typeof u.email == 'string') user.email = u.email;
  if (typeof u.image == 'string') user.picture = u.image;
  return { ...(connection && { connection }), mode, protocol: 'authjs', user, profile };
}

/**
 * Signs out as Auth.js's own client does: `POST {broker}/signout` with the CSRF token, asking for JSON
 * (`X-Auth-Return-Redirect`). Auth.js answers `{url}` either way: with `?error=` (`MissingCSRF`) when
 * it kept the session.
 * @throws {BrokerError} with Auth.js's error when the session was kept
 * @internal
 */
export async function authjsSignOut(broker: string, signal: AbortSignal): Promise<void> {
  const csrfToken = await authjsCsrf(broker, signal);
  const { url } = await getJson(`${trimSlash(broker)}/signout`, {
    ...withCookies(signal),
    method: 'POST',
    headers: { 'x-auth-return-redirect': '1' },
    body: new URLSearchParams({ csrfToken }),
  });
  const error = typeof url == 'string' && parseUrl(url)?.searchParams.get('error');
  if (error) throw new BrokerError(error, 'Auth.js did not sign out.');
}
