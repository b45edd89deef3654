// @ts-check
/**
 * A real Auth.js app for tests and the demo: `@auth/express` on express 5 with Auth.js's built-in
 * Instagram provider, mounted at `/api/auth` (as `app.use('/api/auth', ExpressAuth(config))`).
 * The provider's endpoints point at an Instagram (the simulated one offline, or the real one).
 *
 * It carries the settings the README tells Auth.js users to add for the widget:
 * - `token.conform`: Instagram's token response has no `token_type` (and today's API wraps it in
 *   `data: [...]`), which Auth.js rejects (nextauthjs/next-auth#8867);
 * - `callbacks.jwt` + `callbacks.session`: the provider's account id as `token.sub`, exposed as
 *   `session.user.id` (Auth.js shows no id to the browser by default);
 * - `callbacks.redirect`: lets `callbackUrl` go to the listed page origins (Auth.js allows only its
 *   own origin by default);
 * - CORS with credentials for the listed page origins, for a page on another origin of the same site.
 */
import { ExpressAuth } from '@auth/express';
import Instagram from '@auth/core/providers/instagram';
import express from 'express';

/**
 * Instagram's token response as Auth.js expects it: the documented `{data: [{access_token, user_id,
 * permissions}]}` unwrapped (a flat object passes as it is), and `token_type: "bearer"` added.
 * @param {Response} response
 */
export async function conformInstagramToken(response) {
  const body = await response.json();
  const token = Array.isArray(body?.data) ? body.data[0] : body;
  if (!response.ok || !token?.access_token) return Response.json(body, { status: response.status });
  return Response.json({ token_type: 'bearer', ...token });
}

/**
 * The express app with Auth.js at `/api/auth`.
 * @param {{ instagram: { authorization: string, token: string, userinfo: string }, clientId: string,
 *   clientSecret: string, origins?: string[], secret?: string }} options `origins`: page origins that
 *   may call Auth.js cross-origin and be sent back to
 */
export function authjsApp({ instagram, clientId, clientSecret, origins = [], secret = 'test-only-auth-secret-not-secret-0123456789' }) {
  const app = express();
  app.use('/api/auth', (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.set({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' });
      // `x-auth-return-redirect`: the sign-out asks for JSON, as Auth.js's own client does.
      if (req.method == 'OPTIONS') return void res.set('access-control-allow-headers', 'content-type, x-auth-return-redirect').sendStatus(204);
    }
    next();
  });
  app.use(
    '/api/auth',
    ExpressAuth({
      trustHost: true,
      secret,
      providers: [
        Instagram({
          clientId,
          clientSecret,
          // Today's scope (the Basic Display scopes in the built-in provider were shut down).
          authorization: `${instagram.authorization}?scope=instagram_business_basic`,
          token: { url: instagram.token, conform: conformInstagramToken },
          userinfo: `${instagram.userinfo}?fields=id,username,account_type,name`,
        }),
      ],
      callbacks: {
        // Without a database Auth.js gives each sign-in a new random user id: keep the provider's.
        jwt: ({ token, account }) => (account ? { ...token, sub: account.providerAccountId } : token),
        session: ({ session, token }) => ({ ...session, user: { ...session.user, id: String(token.sub) } }),
        redirect: ({ url, baseUrl }) => (url.startsWith(baseUrl) || origins.includes(new URL(url, baseUrl).origin) ? url : baseUrl),
      },
    }),
  );
  return app;
}
