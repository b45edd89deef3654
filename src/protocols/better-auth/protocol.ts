/**
 * Better Auth's (`better-auth` 1.7) REST routes, as its own client uses them: `POST /sign-in/social`
 * (JSON `{provider, callbackURL, errorCallbackURL, disableRedirect: true}` → `{url, redirect: false}`,
 * the provider's authorization URL), `GET /get-session` (`{session, user}`, or `null`). Pure
 * protocol: it fetches and maps, and never touches a window. `broker` is the app's Better Auth base
 * URL, e.g. `https://app.example.com/api/auth`.
 *
 * The Better Auth app does the OAuth work with the social provider (state, PKCE, client secret) on
 * its server and sends the browser back to `callbackURL` (or `errorCallbackURL` with `?error=`); the
 * browser only gets a session cookie, so these requests carry cookies and the host page must be
 * same-site with Better Auth (its cookies are `SameSite=Lax`). Better Auth publishes no list of the
 * providers an app configured, so the page names them in `connections`.
 */
import { AccessDeniedError, BrokerError } from '../../errors.js';
import type { Connection, LoginDetail, LoginUser } from '../../events.js';
import { isRecord } from '../../util/is-record.js';
import { parseUrl, trimSlash } from '../../util/url.js';
import { getJson } from '../shared/get-json.js';

/** Where Better Auth sends the window back: `{callbackURL, errorCallbackURL}`. @internal */
export interface WayBack {
  callbackURL: string;
  errorCallbackURL: string;
}

/**
 * The provider's authorization URL for `connection` (a provider id the app configured), from
 * `POST {broker}/sign-in/social`. Better Auth sets its state cookie on this answer.
 * @internal
 */
export async function betterAuthSignIn(broker: string, connection: Connection, back: WayBack, signal: AbortSignal): Promise<string> {
  const { url } = await getJson(`${trimSlash(broker)}/sign-in/social`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: connection.id, ...back, disableRedirect: true }),
    signal,
  });
  if (typeof url != 'string' || !/^https?:$/.test(parseUrl(url)?.protocol ?? '')) {
    throw new BrokerError('invalid_response', 'Better Auth sent no authorization URL.');
  }
  return url;
}

/** An address on the reserved `.invalid` domain (RFC 2606): a placeholder, never a real address. */
const PLACEHOLDER = /\.invalid$/i;

/**
 * The login that the answer `params` on the way back (`session=1`, or Better Auth's `error=` and
 * `error_description`) reports, from `GET {broker}/get-session`. `user` is Better Auth's user: `id`,
 * `name`, `email` (unless a placeholder on `.invalid`, which apps without an email from the provider
 * must store), `picture` from `image`; `profile` is `{user, expires}`: that user record, and when the
 * session expires (the session's token stays out). No tokens reach the browser: Better Auth keeps them on the server.
 * @throws {AccessDeniedError} for `error=access_denied`
 * @throws {BrokerError} for any other error Better Auth reports, or no session after the login
 * @internal
 */
export async function betterAuthLogin(broker: string, connection: Connection | undefined, mode: LoginDetail['mode'], params: Record<string, string>, signal?: AbortSignal): Promise<LoginDetail> {
  if (params.error) {
    throw params.error == 'access_denied' ? new AccessDeniedError(params.error_description) : new BrokerError(params.error, params.error_description);
  }
  const { user: u, session } = await getJson(`${trimSlash(broker)}/get-session`, { credentials: 'include', signal });
  if (!isRecord(u) || typeof u.id != 'string' || !u.id) throw new BrokerError('no_session', 'Better Auth has no session after the login.');
  const user: LoginUser = { id: u.id };
  if (typeof u.name == 'string' && u.name) user.name = u.name;
  if (typeof u.email == 'string' && !PLACEHOLDER.test(u.email)) user.email = u.email;
  if (typeof u.image == 'string' && u.image) user.picture = u.image;
  // Better Auth's user, and when the session expires (as Auth.js's session tells it): never the session's token.
  const expires = isRecord(session) ? session.expiresAt : undefined;
  return { ...(connection && { connection }), mode, protocol: 'better-auth', user, profile: { user: u, ...(typeof expires == 'string' && { expires }) } };
}

/**
 * Signs out: `POST {broker}/sign-out`, as Better Auth's own client does.
 * @throws {BrokerError} when Better Auth does not answer `{success: true}`
 * @internal
 */
export async function betterAuthSignOut(broker: string, signal: AbortSignal): Promise<void> {
  const { success } = await getJson(`${trimSlash(broker)}/sign-out`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal,
  });
  if (success !== true) throw new BrokerError('invalid_response', 'Better Auth did not sign out.');
}
