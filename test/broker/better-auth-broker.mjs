// @ts-check
/**
 * A real Better Auth app (better-auth 1.7) for tests and the demo: its memory adapter (no database
 * server), served by `toNodeHandler` on `{baseURL}` (e.g. `/api/better-auth/*`), with Instagram as a
 * generic-OAuth provider (`providerId: 'instagram'`) whose endpoints point at an Instagram (the
 * simulated one offline, or the real one).
 *
 * It carries the settings the README tells Better Auth users to add for the widget:
 * - `trustedOrigins`: the pages that may ask for a sign-in (Better Auth checks `callbackURL` and
 *   `errorCallbackURL` against them, and the `Origin` of every POST that carries a cookie);
 * - Instagram as generic OAuth: its token response (`{data: [{access_token, user_id}]}`, no
 *   `token_type`) and its profile (`GET /me?fields=…`) need `getToken` and `getUserInfo`, and Better
 *   Auth refuses a user without an email, which Instagram never gives: `mapProfileToUser` supplies a
 *   placeholder on the reserved `.invalid` domain (`<id>@instagram.invalid`, RFC 2606), which the
 *   widget leaves out of `user.email`;
 * - CORS with credentials for the listed page origins, for a page on another origin of the same
 *   site (Better Auth sends no CORS headers itself).
 */
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { genericOAuth } from 'better-auth/plugins';

/**
 * @param {{ baseURL: string, instagram: { authorization: string, token: string, userinfo: string },
 *   clientId: string, clientSecret: string, origins: string[], secret?: string }} options `baseURL`:
 *   Better Auth's absolute base URL (its path is where it is mounted); `origins`: the page origins
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 *   a handler for every request under the base path
 */
export function betterAuthHandler({ baseURL, instagram, clientId, clientSecret, origins, secret = 'test-only-better-auth-secret-not-secret-0123456789' }) {
  const auth = betterAuth({
    baseURL,
    secret,
    database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
    trustedOrigins: origins,
    // Rate limits apply only with NODE_ENV=production; the tests sign in more often than a person.
    rateLimit: { enabled: false },
    plugins: [
      genericOAuth({
        config: [
          {
            providerId: 'instagram',
            clientId,
            clientSecret,
            authorizationUrl: instagram.authorization,
            scopes: ['instagram_business_basic'],
            // Instagram's token endpoint: a form POST, answering `{data: [{access_token, user_id, permissions}]}`.
            async getToken({ code, redirectURI }) {
              const response = await fetch(instagram.token, {
                method: 'POST',
                body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', redirect_uri: redirectURI, code }),
              });
              const body = await response.json();
              const token = Array.isArray(body?.data) ? body.data[0] : body;
              if (!response.ok || !token?.access_token) throw new Error(`Instagram token endpoint: ${JSON.stringify(body)}`);
              return { accessToken: token.access_token, tokenType: 'bearer' };
            },
            async getUserInfo(tokens) {
              const url = `${instagram.userinfo}?fields=id,username,name,profile_picture_url`;
              const response = await fetch(url, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
              if (!response.ok) return null;
              const me = await response.json();
              return { ...me, id: String(me.id) };
            },
            mapProfileToUser: (profile) => ({
              email: `${profile.id}@instagram.invalid`,
              emailVerified: false,
              name: String(profile.name || profile.username || profile.id),
              ...(typeof profile.profile_picture_url == 'string' && { image: profile.profile_picture_url }),
            }),
          },
        ],
      }),
    ],
  });
  const handler = toNodeHandler(auth);
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
      if (req.method == 'OPTIONS') {
        res.setHeader('access-control-allow-headers', 'content-type');
        res.setHeader('access-control-allow-methods', 'GET, POST');
        res.statusCode = 204;
        return void res.end();
      }
    }
    handler(req, res);
  };
}
