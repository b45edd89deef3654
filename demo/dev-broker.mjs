// @ts-check
/**
 * The dev broker of `npm start`: a real OpenID Connect provider (node-oidc-provider v9) with a hosted
 * login page that federates to an upstream social provider — the simulated Instagram
 * (test/upstream/instagram-sim.mjs) by default, the real one when serve.mjs is given app credentials.
 *
 * Configured like the test broker (test/broker/oidc-broker.mjs) towards the widget: public clients,
 * PKCE S256 required, `web_message` response mode, a `connection` authorization parameter, CORS for
 * the clients' redirect-URI origins. Unlike it, the login is real: the interaction page sends the
 * browser to the upstream's authorize URL, the callback redeems the code with the client secret (a
 * form POST), reads the profile and resolves a local account.
 *
 * Connections are modelled on Authing's social identity sources (docs: "Instagram Social Login"):
 * - `identifier`: the connection's unique id, sent by the widget as `connection=<identifier>`;
 *   lowercase letters, digits and `-`, under 32 characters;
 * - `displayName`: the label of its button on the hosted login page;
 * - `loginOnly`: "login only mode": an unknown upstream identity is refused (`access_denied`) instead
 *   of getting a new account;
 * - `association`: `none` (a new upstream identity gets a new account) or `field` (its upstream
 *   `username` is matched to an existing local account's username, which is then linked).
 * Identities are linked per upstream (`instagram:<app-scoped id>`), so every connection to the same
 * upstream app sees the same links.
 *
 * Accounts live in memory; one is seeded (`ada.codes`, with an email) so that association and
 * login-only mode have a member to find.
 */
import express from 'express';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { widgetBrokerConfig } from '../test/broker/provider-config.mjs';

/** @typedef {{ identifier: string, displayName: string, upstream: 'instagram', loginOnly: boolean, association: 'none' | 'field' }} Connection */
/** @typedef {{ authorization: string, token: string, userinfo: string, clientId: string, clientSecret: string, scope?: string }} Upstream */
/** @typedef {{ sub: string, name?: string, preferred_username?: string, picture?: string, email?: string }} Account */

/** @type {Connection[]} */
export const DEFAULT_CONNECTIONS = [
  { identifier: 'instagram', displayName: 'Instagram', upstream: 'instagram', loginOnly: false, association: 'field' },
  { identifier: 'instagram-members', displayName: 'Instagram (members only)', upstream: 'instagram', loginOnly: true, association: 'field' },
];

const UPSTREAM_NAMES = { instagram: 'Instagram' };

/** The local accounts the broker starts with. */
export const SEED_ACCOUNTS = /** @type {Account[]} */ ([
  { sub: 'dev|ada', name: 'Ada Lovelace', preferred_username: 'ada.codes', email: 'ada@example.com' },
]);

/** The callback URL a connection registers at its upstream. */
export const federationCallback = (/** @type {string} */ issuer, /** @type {string} */ identifier) =>
  `${issuer.replace(/\/$/, '')}/federation/${identifier}/callback`;

/**
 * Checks the connections, failing with a sentence that names the bad one.
 * @param {unknown} list
 * @returns {Connection[]}
 */
export function checkConnections(list) {
  if (!Array.isArray(list) || !list.length) throw new Error('dev broker: `connections` must be a non-empty array.');
  const seen = new Set();
  for (const c of list) {
    const where = `dev broker: connection ${JSON.stringify(c?.identifier ?? c)}`;
    if (typeof c?.identifier != 'string' || !/^[a-z0-9-]{1,31}$/.test(c.identifier)) {
      throw new Error(`${where}: the identifier must be lowercase letters, digits and "-", under 32 characters.`);
    }
    if (seen.has(c.identifier)) throw new Error(`${where}: the identifier is used twice; identifiers are unique.`);
    seen.add(c.identifier);
    if (typeof c.displayName != 'string' || !c.displayName.trim()) throw new Error(`${where}: displayName (the button's label) is required.`);
    if (c.upstream !== 'instagram') throw new Error(`${where}: upstream must be "instagram" (the only one this broker knows).`);
    if (typeof c.loginOnly != 'boolean') throw new Error(`${where}: loginOnly must be true or false.`);
    if (c.association !== 'none' && c.association !== 'field') throw new Error(`${where}: association must be "none" or "field".`);
  }
  return /** @type {Connection[]} */ (list);
}

/**
 * Starts the dev broker.
 * @param {{ port?: number, host?: string, issuerHost?: string, issuer?: string,
 *   clients: Array<{ client_id: string, redirect_uris: string[] }>, upstream: Upstream,
 *   connections?: Connection[], accounts?: Account[] }} options
 *   `issuer` overrides `http://{issuerHost}:{port}`, e.g. a public https URL (a tunnel) in front of
 *   this server when the upstream is the real Instagram, which only redirects to https.
 * @returns {Promise<{ issuer: string, port: number, connections: Connection[], accounts: Map<string, Account>, close(): Promise<void> }>}
 */
export async function startDevBroker({ port = 0, host = '127.0.0.1', issuerHost = 'localhost', issuer: issuerOverride, clients, upstream, connections = DEFAULT_CONNECTIONS, accounts = SEED_ACCOUNTS }) {
  checkConnections(connections);
  for (const key of /** @type {const} */ (['authorization', 'token', 'userinfo', 'clientId', 'clientSecret'])) {
    if (!upstream?.[key]) throw new Error(`dev broker: upstream.${key} is required.`);
  }
  const byId = new Map(connections.map((c) => [c.identifier, c]));

  const app = express();
  app.disable('x-powered-by');
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const issuer = (issuerOverride ?? `http://${issuerHost}:${actualPort}`).replace(/\/$/, '');

  /** @type {Map<string, Account>} */
  const accountsBySub = new Map(accounts.map((a) => [a.sub, { ...a }]));
  /** @type {Map<string, string>} `instagram:<upstream id>` → sub */
  const links = new Map();
  /** @type {Map<string, { uid: string, identifier: string, expires: number }>} upstream state → interaction */
  const federations = new Map();
  /** @type {Map<string, any>} interaction uid → its result, waiting for the browser at /interaction/:uid/federated */
  const outcomes = new Map();

  const provider = new Provider(issuer, {
    ...widgetBrokerConfig({ clients, cookieKeys: [randomBytes(32).toString('base64url')] }),
    async findAccount(_ctx, sub) {
      const account = accountsBySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => {
          /** @type {Record<string, string>} */
          const claims = { sub };
          for (const k of /** @type {const} */ (['name', 'preferred_username', 'picture', 'email'])) if (account[k]) claims[k] = /** @type {string} */ (account[k]);
          return claims;
        },
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Login error', `<h1>Login error</h1><p><code>${esc(String(out.error))}</code>: ${esc(String(out.error_description ?? ''))}</p>`);
    },
  });
  if (issuer.startsWith('https:')) provider.proxy = true; // behind a TLS tunnel or proxy

  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/static/dev-broker.css', (_req, res) => void res.type('css').set('cache-control', 'max-age=600').send(STYLE));

  /** Finishes the interaction with an OAuth error, which the provider sends to the client. */
  const fail = (/** @type {any} */ req, /** @type {any} */ res, /** @type {string} */ error, /** @type {string} */ description) =>
    provider.interactionFinished(req, res, { error, error_description: description }, { mergeWithLastSubmission: false });

  /** Sends the browser to the upstream's authorize URL for this interaction. */
  const federate = (/** @type {import('express').Response} */ res, /** @type {string} */ uid, /** @type {Connection} */ connection) => {
    const state = randomBytes(24).toString('base64url');
    federations.set(state, { uid, identifier: connection.identifier, expires: Date.now() + 15 * 60_000 });
    const url = new URL(upstream.authorization);
    url.searchParams.set('client_id', upstream.clientId);
    url.searchParams.set('redirect_uri', federationCallback(issuer, connection.identifier));
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', upstream.scope ?? 'instagram_business_basic');
    url.searchParams.set('state', state);
    res.redirect(303, url.href);
  };

  // The hosted login page, or straight to the upstream when the request names a connection.
  app.get('/interaction/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const requested = details.params.connection;
      if (requested !== undefined && requested !== '') {
        const connection = byId.get(String(requested));
        if (!connection) return void (await fail(req, res, 'invalid_request', `Unknown connection "${requested}".`));
        return federate(res, details.uid, connection);
      }
      const client = await provider.Client.find(String(details.params.client_id));
      const buttons = connections
        .map(
          (c) =>
            `<form method="post" action="/interaction/${encodeURIComponent(details.uid)}/federate/${c.identifier}">` +
            `<button type="submit" class="connection connection-${c.upstream}">Continue with ${esc(c.displayName)}</button>` +
            `</form>`,
        )
        .join('');
      res.type('html').set('cache-control', 'no-store').send(
        page(
          'Log in',
          `<h1>Log in</h1><p>to <code>${esc(client?.clientId ?? '')}</code></p>${buttons}` +
            `<form method="post" action="/interaction/${encodeURIComponent(details.uid)}/abort"><button type="submit" class="link">Cancel</button></form>`,
        ),
      );
    } catch (err) {
      next(err);
    }
  });
  app.post('/interaction/:uid/federate/:identifier', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const connection = byId.get(req.params.identifier);
      if (!connection) return void (await fail(req, res, 'invalid_request', `Unknown connection "${req.params.identifier}".`));
      federate(res, details.uid, connection);
    } catch (err) {
      next(err);
    }
  });
  app.post('/interaction/:uid/abort', async (req, res, next) => {
    try {
      await provider.interactionDetails(req, res);
      await fail(req, res, 'access_denied', 'The user cancelled the login.');
    } catch (err) {
      next(err);
    }
  });

  // The upstream's redirect. The interaction cookie is scoped to /interaction/:uid, so the result is
  // kept here and finished there, which also checks that this browser started the interaction.
  app.get('/federation/:identifier/callback', async (req, res) => {
    const q = /** @type {Record<string, string>} */ (req.query);
    const fed = federations.get(String(q.state ?? ''));
    federations.delete(String(q.state ?? ''));
    if (!fed || fed.expires < Date.now() || fed.identifier !== req.params.identifier) {
      return void res.status(400).type('html').send(page('Login expired', '<h1>Login expired</h1><p>This answer from Instagram belongs to no login in progress (unknown or expired <code>state</code>). Start the login again.</p>'));
    }
    const connection = /** @type {Connection} */ (byId.get(fed.identifier));
    outcomes.set(fed.uid, await resolveLogin(connection, q).catch((err) => ({ error: 'server_error', error_description: `Instagram login failed: ${err.message}` })));
    res.redirect(303, `/interaction/${encodeURIComponent(fed.uid)}/federated`);
  });
  app.get('/interaction/:uid/federated', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const result = outcomes.get(details.uid);
      outcomes.delete(details.uid);
      if (!result) return void (await fail(req, res, 'server_error', 'The upstream answer for this login was lost; try again.'));
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (err) {
      next(err);
    }
  });

  /**
   * Redeems the upstream's answer and picks the local account.
   * @param {Connection} connection
   * @param {Record<string, string>} q the callback's query
   */
  async function resolveLogin(connection, q) {
    if (q.error) {
      const description = q.error_description ?? q.error_reason ?? q.error;
      return q.error === 'access_denied'
        ? { error: 'access_denied', error_description: `Instagram: ${description}` }
        : { error: 'server_error', error_description: `Instagram answered ${q.error}: ${description}` };
    }
    if (!q.code) return { error: 'server_error', error_description: 'Instagram sent neither a code nor an error.' };

    const tokenResponse = await fetch(upstream.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: upstream.clientId,
        client_secret: upstream.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: federationCallback(issuer, connection.identifier),
        code: q.code,
      }),
    });
    const tokenBody = await tokenResponse.json().catch(() => ({}));
    // Documented: {data: [{access_token, user_id, permissions}]}; also seen flat. No token_type.
    const token = Array.isArray(tokenBody?.data) ? tokenBody.data[0] : tokenBody;
    if (!tokenResponse.ok || typeof token?.access_token != 'string') {
      throw new Error(tokenBody?.error_message ?? tokenBody?.error?.message ?? `token endpoint answered HTTP ${tokenResponse.status}`);
    }
    const me = new URL(upstream.userinfo);
    me.searchParams.set('fields', 'id,user_id,username,name,account_type,profile_picture_url');
    me.searchParams.set('access_token', token.access_token);
    const profileResponse = await fetch(me, { headers: { accept: 'application/json' } });
    const profile = await profileResponse.json().catch(() => ({}));
    if (!profileResponse.ok || typeof profile?.id != 'string') {
      throw new Error(profile?.error?.message ?? `profile endpoint answered HTTP ${profileResponse.status}`);
    }

    const key = `${connection.upstream}:${profile.id}`;
    let sub = links.get(key);
    if (!sub && connection.association === 'field' && profile.username) {
      sub = [...accountsBySub.values()].find((a) => a.preferred_username === profile.username)?.sub;
      if (sub) links.set(key, sub);
    }
    if (!sub && connection.loginOnly) {
      return { error: 'access_denied', error_description: `No account is linked to this ${UPSTREAM_NAMES[connection.upstream]} identity; this connection only logs in existing members.` };
    }
    if (!sub) {
      sub = `dev|${randomBytes(9).toString('base64url')}`;
      accountsBySub.set(sub, { sub, name: profile.name || profile.username, preferred_username: profile.username, picture: profile.profile_picture_url });
      links.set(key, sub);
    } else {
      // Keep what the upstream knows fresh; never drop what the local account already has.
      const account = /** @type {Account} */ (accountsBySub.get(sub));
      if (profile.profile_picture_url) account.picture = profile.profile_picture_url;
      account.name ??= profile.name || profile.username;
    }
    return { login: { accountId: sub } };
  }

  app.use(provider.callback());

  server.close();
  const live = await new Promise((resolve, reject) => {
    const s = app.listen(actualPort, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  return {
    issuer,
    port: actualPort,
    connections,
    accounts: accountsBySub,
    close: () =>
      new Promise((resolve) => {
        live.closeAllConnections?.();
        live.close(() => resolve());
      }),
  };
}

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {string} title @param {string} body */
function page(title, body) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)} · dev broker</title><link rel="stylesheet" href="/static/dev-broker.css"></head><body>` +
    `<div class="banner">Dev broker (node-oidc-provider on your machine)</div><main>${body}</main></body></html>`
  );
}

const STYLE = `
body{margin:0;font:15px/1.45 system-ui,sans-serif;background:#eef1f5;color:#1f2328}
.banner{background:#1f2328;color:#e6edf3;font-size:.85rem;text-align:center;padding:.35rem}
main{max-width:22rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem 1.75rem;box-shadow:0 1px 3px #0002}
h1{margin:0 0 .2rem;font-size:1.4rem}
form{margin:.6rem 0}
button{font:inherit;cursor:pointer}
.connection{width:100%;padding:.6rem 1rem;border-radius:8px;border:1px solid #d0d7de;background:#fff;font-weight:600}
.connection:hover{background:#f6f8fa}
.connection-instagram{border-color:#c13584}
.link{background:none;border:0;color:#0969da;text-decoration:underline;padding:0}
button:focus-visible{outline:3px solid #0969da;outline-offset:2px}
`;
