// @ts-check
/**
 * A real OpenID Connect broker for tests: node-oidc-provider (v9) on loopback, configured the way the
 * widget expects a production broker to be (public client, PKCE S256 required, `web_message`
 * response mode, a `connection` authorization parameter).
 *
 * Only the *interaction* (the broker's own login page) is ours, because that is the part every
 * broker lets its operator customise. It stands for "the user picked a social connection and the
 * upstream identity provider said who they are"; the upstream itself is not contacted here.
 *
 * Connections the interaction understands (the `connection` parameter):
 * - `instagram`, `github`, or none: log the test user of that connection in at once;
 * - `denied`: the user refuses (`error=access_denied`);
 * - `held` or `held-<tag>`: the login page waits until a test releases it through
 *   `POST /__fixture/release/:uid` (used for popup-closed, timeout and forged-message tests); the tag
 *   keeps the browsers running in parallel apart; denied after 60 s anyway;
 * - `shown-<tag>`: like `held-<tag>`, but the login page first shows (answers at once), then waits
 *   for the release on its `/continue` step, so the window is at the broker's page meanwhile;
 * - `coop-<tag>`: like `shown-<tag>`, with `Cross-Origin-Opener-Policy: same-origin` on that page
 *   (as Google's and Facebook's login pages send), which cuts the popup off from its opener;
 * - `fuzz-<tag>`: like `held-<tag>`, but the popup first shows the broker's forging page
 *   (`/__forge/forge.html`, test/fixtures/forge/), which posts forged responses to the opener from
 *   the login popup itself (wrong states only: a broker page with the real one *is* the response),
 *   as many as `POST /__fixture/forge-in-popup?n=N&seed=S` armed for the browser (default 1000);
 * - anything else: the broker answers `error=invalid_request` naming the unknown connection.
 *
 * Fixture endpoints (CORS open, loopback only): `GET /__fixture/held` lists held interactions with
 * their `state`; `POST /__fixture/release/:uid?outcome=login|deny`;
 * `GET /__fixture/end-session` the query of the calling browser's last end-session request;
 * `GET /__fixture/session` answers whether the calling browser is signed in at the broker
 * (`{signedIn, accountId}`, from node-oidc-provider's own session store and cookie: CORS with
 * credentials for the caller's origin);
 * `POST /__fixture/token-failure?kind=500|drop|delay&ms=N&times=T` makes the next T (default 1)
 * token requests answer 500, lose their connection (unreachable; browsers retry a POST whose
 * kept-alive connection drops, so arm several), or wait N ms before they are answered; `kind=off`
 * disarms. Faults apply only to the browser (User-Agent) that armed them.
 */
import express from 'express';
import Provider from 'oidc-provider';
import { serveForge } from '../fixtures/forge/serve.mjs';
import { widgetBrokerConfig } from './provider-config.mjs';

/** @typedef {{ sub: string, name: string, email?: string, picture?: string, preferred_username?: string }} Account */

/** Test users, one per social connection; Instagram gives no email, as the real one does not. */
export const ACCOUNTS = /** @type {Record<string, Account>} */ ({
  instagram: { sub: 'instagram|17841400000000001', name: 'Ada Lovelace', preferred_username: 'ada.codes', picture: 'https://example.invalid/ada.jpg' },
  github: { sub: 'github|583231', name: 'Grace Hopper', email: 'grace@example.com', preferred_username: 'grace' },
  '': { sub: 'local|alice', name: 'Alice Example', email: 'alice@example.com' },
});

const HOLD_LIMIT_MS = 60_000;

/**
 * Starts the broker. `routes` renames its endpoints (node-oidc-provider's option; the benchmark serves
 * Auth0's paths so auth0-spa-js can use it), and `trailingSlash` gives the issuer one, as Auth0's has.
 * `idTokenProfile` puts the scopes' claims in the ID token too (node-oidc-provider's
 * `conformIdTokenClaims: false`), as Auth0, Keycloak and Google do; by default they come from userinfo only.
 * `endSession: false` leaves RP-Initiated Logout out (discovery lists no `end_session_endpoint`).
 * @param {{ port?: number, host?: string, issuerHost?: string, clients: Array<{ client_id: string, redirect_uris: string[], access_token_ttl?: number }>,
 *   routes?: import('oidc-provider').Configuration['routes'], trailingSlash?: boolean, idTokenProfile?: boolean, endSession?: boolean,
 *   onRequest?: (method: string, path: string) => void }} options `onRequest` hears each request as it arrives (the benchmark's clock)
 * @returns {Promise<{ issuer: string, port: number, close(): Promise<void> }>}
 */
export async function startOidcBroker({ port = 0, host = '127.0.0.1', issuerHost = 'localhost', clients, routes, trailingSlash = false, idTokenProfile = false, endSession = true, onRequest }) {
  const server = await new Promise((resolve, reject) => {
    const s = express().listen(port, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  // By default the issuer is reached as "localhost", so that pages on other loopback ports are
  // same-site. Cookies ignore ports: a second broker needs another host name (127.0.0.1).
  const issuer = `http://${issuerHost}:${actualPort}${trailingSlash ? '/' : ''}`;
  server.close();

  const provider = new Provider(issuer, {
    ...widgetBrokerConfig({ clients, cookieKeys: ['test-only-cookie-key-not-secret'], endSession }),
    ...(routes && { routes }),
    conformIdTokenClaims: !idTokenProfile,
    async findAccount(_ctx, sub) {
      const account = Object.values(ACCOUNTS).find((a) => a.sub === sub);
      return account && { accountId: sub, claims: () => account };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  });

  /** @type {Map<string, { state: string, connection: string, params: Record<string, unknown>, release(outcome: string): void }>} */
  const held = new Map();
  /** @type {{ agent: string, kind: string, ms: number, times: number } | undefined} */
  let nextToken;

  const app = express();
  if (onRequest) app.use((req, _res, next) => (onRequest(req.method, req.path), next()));
  /** @type {Map<string, unknown>} */
  const endSessions = new Map();
  app.get('/session/end', (req, _res, next) => {
    endSessions.set(String(req.headers['user-agent']), req.query);
    next();
  });
  app.get('/__fixture/end-session', (req, res) => {
    res.set('access-control-allow-origin', '*').json(endSessions.get(String(req.headers['user-agent'])) ?? null);
  });
  app.get('/__fixture/session', async (req, res, next) => {
    try {
      const session = await provider.Session.get(provider.createContext(req, res));
      res.set({ 'access-control-allow-origin': String(req.headers.origin ?? '*'), 'access-control-allow-credentials': 'true', vary: 'Origin' });
      res.json({ signedIn: Boolean(session.accountId), accountId: session.accountId ?? null });
    } catch (err) {
      next(err);
    }
  });
  app.use('/__fixture', (req, res, next) => {
    res.set('access-control-allow-origin', '*');
    next();
  });
  app.get('/__fixture/held', (_req, res) => {
    res.json([...held].map(([uid, h]) => ({ uid, state: h.state, connection: h.connection, params: h.params })));
  });
  app.post('/__fixture/release/:uid', (req, res) => {
    const h = held.get(req.params.uid);
    if (!h) return void res.status(404).json({ error: 'not held' });
    h.release(String(req.query.outcome ?? 'login'));
    res.json({ released: req.params.uid });
  });
  /** @type {Map<string, { n: number, seed: number }>} */
  const forgeInPopup = new Map();
  app.post('/__fixture/forge-in-popup', (req, res) => {
    const armed = { n: Number(req.query.n ?? 1000), seed: Number(req.query.seed ?? 1) };
    forgeInPopup.set(String(req.headers['user-agent']), armed);
    res.json({ armed });
  });
  app.get('/__forge/:file', (req, res, next) => void (serveForge(req.path, res) || next()));
  app.post('/__fixture/token-failure', (req, res) => {
    const kind = String(req.query.kind ?? '500');
    // Faults are per browser (User-Agent): the browsers run their tests against one broker at once.
    const agent = String(req.headers['user-agent']);
    nextToken = kind == 'off' ? undefined : { agent, kind, ms: Number(req.query.ms ?? 0), times: Number(req.query.times ?? 1) };
    res.json({ armed: nextToken });
  });
  app.post('/token', (req, res, next) => {
    const fault = nextToken;
    if (!fault || fault.agent != req.headers['user-agent']) return next();
    if (--fault.times <= 0) nextToken = undefined;
    if (fault.kind == 'drop') return void req.socket.destroy();
    if (fault.kind == 'delay') return void setTimeout(next, fault.ms);
    res.set('access-control-allow-origin', '*').status(500).type('text/plain').send('simulated outage');
  });

  app.get('/interaction/:uid', async (req, res, next) => {
    const details = await provider.interactionDetails(req, res).catch(next);
    if (!details) return;
    const connection = String(details.params.connection);
    if (connection.startsWith('fuzz-')) {
      const { n, seed } = forgeInPopup.get(String(req.headers['user-agent'])) ?? { n: 1000, seed: 1 };
      const then = `/interaction/${details.uid}/continue`;
      const q = new URLSearchParams({ target: 'opener', state: String(details.params.state ?? ''), n: String(n), seed: String(seed), right: '0', then });
      return void res.redirect(`/__forge/forge.html?${q}`);
    }
    if (!/^(coop|shown)(-[\w-]+)?$/.test(connection)) return next();
    // A login page that isolates itself: the popup's opener reads it as closed from here on.
    if (connection.startsWith('coop')) res.set('cross-origin-opener-policy', 'same-origin');
    res.type('html').send(
      `<!doctype html><meta charset="utf-8"><title>Broker login</title><p>Logging in…</p>` +
        `<script src="/interaction/${details.uid}/coop.js"></script>`,
    );
  });
  app.get('/interaction/:uid/coop.js', (req, res) => {
    res.type('js').send(`setTimeout(() => location.replace('/interaction/${encodeURIComponent(req.params.uid)}/continue'), 100);`);
  });
  app.get(['/interaction/:uid', '/interaction/:uid/continue'], async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const connection = String(details.params.connection ?? '');
      let outcome = 'login';
      if (connection === 'denied') outcome = 'deny';
      else if (/^(held|coop|shown|fuzz)(-[\w-]+)?$/.test(connection)) {
        outcome = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve('deny'), HOLD_LIMIT_MS);
          held.set(details.uid, {
            state: String(details.params.state ?? ''),
            connection,
            params: details.params,
            release: (o) => {
              clearTimeout(timer);
              resolve(o);
            },
          });
        });
        held.delete(details.uid);
      } else if (!(connection in ACCOUNTS)) outcome = 'unknown';

      /** @type {any} */
      let result;
      if (outcome === 'deny') result = { error: 'access_denied', error_description: 'The user refused to log in.' };
      else if (outcome === 'unknown') result = { error: 'invalid_request', error_description: `Unknown connection "${connection}".` };
      else result = { login: { accountId: ACCOUNTS[connection in ACCOUNTS ? connection : 'github'].sub } };
      // A held popup may have been closed meanwhile: nobody is left to answer.
      if (req.socket.destroyed) return;
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (err) {
      next(err);
    }
  });
  app.use(provider.callback());

  const live = await new Promise((resolve, reject) => {
    const s = app.listen(actualPort, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  return {
    issuer,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        for (const h of held.values()) h.release('deny');
        live.closeAllConnections?.();
        live.close(() => resolve());
      }),
  };
}
