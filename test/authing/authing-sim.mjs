// @ts-check
/**
 * SIMULATED Authing — not authing.cn. An offline stand-in for the part of Authing's hosted service
 * that its own front end (Authing Guard, authing-js-sdk) uses for social login from a web page,
 * federating to an Instagram (the simulated one offline). Authing's server code is not public: the
 * wire formats come from its client code, file by file:
 * - `GET /api/v2/applications/:appId/public-config` → `{code: 200, message, data}` with
 *   `data.socialConnections[] = {id, identifier, displayName, name, name_en, provider, logo,
 *   description, authorizationUrl, embedded, tooltip}`, `allowedOrigins`, `corsWhitelist`,
 *   `requestHostname`, `userPoolId`, `ssoPageComponentDisplay.socialLoginBtns`
 *   (Authing/Guard packages/guard-core-v4/src/_utils/config/index.ts and Type/application.ts;
 *   Guard v5 packages/guard/src/index.tsx fetches it with `credentials: 'include'`).
 * - `GET /connections/social/:identifier?from_guard=1&app_id=…` opens the connection's login in the
 *   popup (Guard v4 Login/socialLogin/index.tsx; authing-js-sdk SocialAuthenticationClient.ts).
 * - The popup posts `{code, message, data, event: {source: 'authing', eventType: 'socialLogin'}}`
 *   to its opener: `code: 200` with the user as `data` (SDK `User` type: id, username, nickname,
 *   name, photo, email, phone, token, tokenExpiredAt, identities…); otherwise `message` is a JSON
 *   string `{code, statusCode, apiCode, message, data}` (Guard postMessage.ts, SDK listener).
 *   INFERRED: that the page posts exactly this, and with targetOrigin `*` (neither client checks
 *   the origin); the login-only refusal as apiCode 2004 "user does not exist" (Authing/docs
 *   error-code list; no dedicated code was found).
 *
 * - Standard OpenID Connect at the issuer `{origin}/oidc` (Authing's documented `https://{app}
 *   .authing.cn/oidc`: discovery, `/oidc/auth`, `/oidc/token`, `/oidc/me`): real node-oidc-provider
 *   mounted there, whose hosted login page lists the application's social connections by display
 *   name and federates to the same Instagram, sharing the users of the popup's way (so login-only
 *   connections refuse alike, with `error=access_denied`). The application id is the client id; the
 *   app's `redirectUris` are its login callback URLs. SIMULATED too: Authing's real hosted page is
 *   Guard, and no authorization parameter of Authing's picks the connection for the user.
 *
 * Connections take the Authing console's identity-source fields (000_… seed): `identifier`
 * (lowercase letters, digits, `-`, under 32 characters), `displayName`, `loginOnly` (login-only
 * mode: an identity with no account is refused).
 *
 * Fixtures (CORS `*`): `POST /__fixture/next-pick?identifier=<id>` makes the next hosted login page
 * this browser (User-Agent) opens pick that connection itself, as the user would with a click;
 * `GET /__fixture/last-lang` answers the `x-authing-lang` header (Guard's and authing-js-sdk's
 * language header) of this browser's last public-config request.
 */
import express from 'express';
import Provider from 'oidc-provider';
import { serveForge } from '../fixtures/forge/serve.mjs';
import { widgetBrokerConfig } from '../broker/provider-config.mjs';
import { createHmac, randomBytes } from 'node:crypto';

/** @typedef {{ identifier: string, displayName: string, name?: string, name_en?: string, provider?: string, loginOnly?: boolean }} SimConnection */
/** @typedef {{ appId: string, origins: string[], connections: SimConnection[], redirectUris?: string[] }} SimApp */

const IDENTIFIER = /^[a-z0-9-]{1,31}$/;
const page = (title, body, script = '') =>
  `<!doctype html><meta charset="utf-8"><title>${title} (simulated Authing)</title>` +
  `<p style="background:#fff3cd;padding:8px;font:14px sans-serif">Simulated Authing — not authing.cn (offline development)</p>${body}${script}`;

/**
 * @param {{ port?: number, host?: string, hostname?: string, apps: SimApp[],
 *   instagram: { authorization: string, token: string, userinfo: string, clientId: string, clientSecret: string },
 *   existing?: string[] }} options `existing`: Instagram usernames that already have an account
 * @returns {Promise<{ origin: string, port: number, close(): Promise<void> }>}
 */
export async function startAuthingSim({ port = 0, host = '127.0.0.1', hostname = 'localhost', apps, instagram, existing = ['ada.codes'] }) {
  for (const app of apps) {
    for (const c of app.connections) {
      if (!IDENTIFIER.test(c.identifier)) throw new Error(`Authing simulator: identifier "${c.identifier}" must be lowercase letters, digits and -, under 32 characters.`);
    }
  }
  const server = await new Promise((resolve, reject) => {
    const s = express().listen(port, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  server.close();
  const origin = `http://${hostname}:${actualPort}`;
  const secret = randomBytes(32);
  /** @type {Map<string, { app: SimApp, connection: SimConnection, uid?: string }>} upstream state → pending login (`uid`: an OIDC interaction's) */
  const pending = new Map();
  /** @type {Map<string, string>} User-Agent → the connection the next hosted login page picks */
  const nextPick = new Map();
  /** @type {Map<string, object>} OIDC interaction uid → its result, until the browser comes to finish it */
  const outcomes = new Map();
  /** @type {Map<string, object>} result id → the message to post */
  const results = new Map();
  /** @type {Map<string, any>} Instagram id → Authing user */
  const users = new Map();

  const jwt = (/** @type {object} */ claims) => {
    const enc = (/** @type {object} */ o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const envelope = { event: { source: 'authing', eventType: 'socialLogin' } };
  const failure = (/** @type {number} */ statusCode, /** @type {number} */ apiCode, /** @type {string} */ message) => ({
    code: apiCode,
    message: JSON.stringify({ code: apiCode, statusCode, apiCode, message, data: null }),
    data: null,
    ...envelope,
  });

  const app = express();
  app.disable('x-powered-by');
  // The adversarial suite's forging page, on Authing's origin (a second window of the right origin).
  app.get('/__forge/:file', (req, res, next) => void (serveForge(req.path, res) || next()));
  /** The `x-authing-lang` of each browser's (User-Agent's) last public-config request. */
  const langs = new Map();
  app.options('/api/v2/applications/:appId/public-config', (req, res) => {
    const found = apps.find((a) => a.appId == req.params.appId);
    const from = req.headers.origin;
    if (!found || !from || !found.origins.includes(from)) return void res.sendStatus(403);
    res.set({ 'access-control-allow-origin': from, 'access-control-allow-credentials': 'true', 'access-control-allow-headers': 'x-authing-lang', 'access-control-max-age': '600', vary: 'Origin' });
    res.sendStatus(204);
  });
  app.get('/__fixture/last-lang', (req, res) => void res.set('access-control-allow-origin', '*').json(langs.get(String(req.headers['user-agent'])) ?? null));
  app.get('/api/v2/applications/:appId/public-config', (req, res) => {
    const found = apps.find((a) => a.appId == req.params.appId);
    const from = req.headers.origin;
    langs.set(String(req.headers['user-agent']), req.headers['x-authing-lang'] ?? null);
    if (found && from && found.origins.includes(from)) res.set({ 'access-control-allow-origin': from, 'access-control-allow-credentials': 'true', vary: 'Origin' });
    if (!found) return void res.json({ code: 2001, message: 'Application not found (simulated).', data: null });
    res.json({
      code: 200,
      message: '',
      data: {
        id: found.appId,
        userPoolId: 'sim-userpool',
        requestHostname: new URL(origin).host,
        allowedOrigins: found.origins,
        corsWhitelist: [],
        ssoPageComponentDisplay: { socialLoginBtns: true, idpBtns: true },
        socialConnections: found.connections.map((c) => ({
          id: `conn-${c.identifier}`,
          identifier: c.identifier,
          displayName: c.displayName,
          name: c.name ?? c.displayName,
          name_en: c.name_en ?? c.displayName,
          provider: c.provider ?? 'instagram',
          logo: `${origin}/__sim/logo.svg`,
          description: c.displayName,
          authorizationUrl: `${origin}/connections/social/${c.identifier}`,
          embedded: false,
          tooltip: { 'zh-CN': c.name ?? c.displayName, 'en-US': c.name_en ?? c.displayName },
        })),
      },
    });
  });

  /**
   * The Authing user behind an Instagram code, made on first sight; `{refusal}` when a login-only
   * connection refuses an identity with no account.
   * @param {{ app: SimApp, connection: SimConnection }} login @param {string} code
   */
  async function userFor(login, code) {
    const tokenResponse = await fetch(instagram.token, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: instagram.clientId,
        client_secret: instagram.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: `${origin}/connections/social/callback`,
        code,
      }),
    });
    const body = await tokenResponse.json();
    const token = Array.isArray(body.data) ? body.data[0] : body;
    if (!token?.access_token) throw new Error(JSON.stringify(body));
    const me = await (await fetch(`${instagram.userinfo}?fields=id,username,name,profile_picture_url&access_token=${encodeURIComponent(token.access_token)}`)).json();
    let user = users.get(me.id);
    if (!user && login.connection.loginOnly && !existing.includes(me.username)) {
      return { refusal: `用户不存在 User does not exist: "${login.connection.displayName}" only logs in existing members (simulated).` };
    }
    if (!user) {
      user = {
        id: randomBytes(12).toString('hex'),
        userPoolId: 'sim-userpool',
        username: me.username,
        nickname: me.username,
        name: me.name,
        photo: me.profile_picture_url ?? null,
        email: null,
        phone: null,
        identities: [{ provider: 'instagram', userIdInIdp: me.id }],
      };
      users.set(me.id, user);
    }
    return { user };
  }

  app.get('/connections/social/callback', async (req, res) => {
    const login = pending.get(String(req.query.state));
    pending.delete(String(req.query.state));
    if (login?.uid) {
      // The hosted login page's way: the OIDC interaction ends with the user, or Authing's refusal.
      const denied = (/** @type {string} */ description) => ({ error: 'access_denied', error_description: description });
      try {
        const found = req.query.error ? { refusal: String(req.query.error_description ?? req.query.error) } : await userFor(login, String(req.query.code));
        outcomes.set(login.uid, found.user ? { login: { accountId: found.user.id } } : denied(String(found.refusal)));
      } catch (err) {
        outcomes.set(login.uid, { error: 'server_error', error_description: `Instagram could not be reached (simulated): ${/** @type {Error} */ (err).message}` });
      }
      return void res.redirect(`/oidc/interaction/${login.uid}/finish`);
    }
    let message;
    if (!login) message = failure(400, 2040, 'Unknown or expired login (simulated).');
    else if (req.query.error) message = failure(400, 2039, String(req.query.error_description ?? req.query.error));
    else {
      try {
        const found = await userFor(login, String(req.query.code));
        if (!found.user) message = failure(400, 2004, String(found.refusal));
        else {
          const exp = Math.floor(Date.now() / 1000) + 3600;
          const idToken = jwt({ iss: `${origin}/oidc`, aud: login.app.appId, sub: found.user.id, iat: exp - 3600, exp });
          message = { code: 200, message: '', data: { ...found.user, token: idToken, tokenExpiredAt: new Date(exp * 1000).toISOString() }, ...envelope };
        }
      } catch (err) {
        message = failure(500, 500, `Instagram could not be reached (simulated): ${/** @type {Error} */ (err).message}`);
      }
    }
    const id = randomBytes(16).toString('base64url');
    results.set(id, message);
    res.type('html').send(page('Logging in', '<p>Returning to the application…</p>', `<script src="/__sim/result/${id}.js"></script>`));
  });

  app.get('/connections/social/:identifier', (req, res) => {
    const found = apps.find((a) => a.appId == req.query.app_id);
    const connection = found?.connections.find((c) => c.identifier == req.params.identifier);
    if (!found || !connection) return void res.status(404).type('html').send(page('Not found', '<p>Unknown application or connection.</p>'));
    res.redirect(toInstagram({ app: found, connection }));
  });

  /** Instagram's authorization URL for `login`, which the callback above takes up again. @param {{ app: SimApp, connection: SimConnection, uid?: string }} login */
  function toInstagram(login) {
    const state = randomBytes(16).toString('base64url');
    pending.set(state, login);
    const url = new URL(instagram.authorization);
    url.search = new URLSearchParams({
      client_id: instagram.clientId,
      redirect_uri: `${origin}/connections/social/callback`,
      response_type: 'code',
      scope: 'instagram_business_basic',
      state,
    }).toString();
    return url.href;
  }

  // --- Standard OpenID Connect at {origin}/oidc, with the hosted login page ---
  const brokerConfig = widgetBrokerConfig({
    clients: apps.map((a) => ({ client_id: a.appId, redirect_uris: a.redirectUris ?? [] })),
    cookieKeys: ['test-only-authing-sim-cookie-key'],
  });
  const provider = new Provider(`${origin}/oidc`, {
    ...brokerConfig,
    interactions: { ...brokerConfig.interactions, url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = [...users.values()].find((u) => u.id === sub);
      return (
        user && {
          accountId: sub,
          claims: () => ({ sub, name: user.name ?? undefined, nickname: user.nickname, preferred_username: user.username, picture: user.photo ?? undefined }),
        }
      );
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `${out.error}: ${out.error_description ?? ''} (simulated Authing)`;
    },
  });
  app.post('/__fixture/next-pick', (req, res) => {
    nextPick.set(String(req.headers['user-agent']), String(req.query.identifier));
    res.set('access-control-allow-origin', '*').json({ armed: req.query.identifier });
  });
  // The hosted login page: the application's social connections by display name.
  app.get('/oidc/interaction/:uid', async (req, res, next) => {
    const details = await provider.interactionDetails(req, res).catch(next);
    if (!details) return;
    const found = apps.find((a) => a.appId == details.params.client_id);
    if (!found) return void res.status(400).type('html').send(page('Unknown application', '<p>Unknown application.</p>'));
    const agent = String(req.headers['user-agent']);
    const picked = found.connections.find((c) => c.identifier == nextPick.get(agent));
    if (picked) {
      nextPick.delete(agent);
      return void res.redirect(toInstagram({ app: found, connection: picked, uid: details.uid }));
    }
    const links = found.connections.map((c) => `<p><a href="/oidc/interaction/${details.uid}/social/${c.identifier}">${c.displayName}</a></p>`).join('');
    res.type('html').send(page('Log in', `<h1>Log in to ${found.appId}</h1>${links}`));
  });
  app.get('/oidc/interaction/:uid/social/:identifier', async (req, res, next) => {
    const details = await provider.interactionDetails(req, res).catch(next);
    if (!details) return;
    const found = apps.find((a) => a.appId == details.params.client_id);
    const connection = found?.connections.find((c) => c.identifier == req.params.identifier);
    if (!found || !connection) return void res.status(404).type('html').send(page('Not found', '<p>Unknown connection.</p>'));
    res.redirect(toInstagram({ app: found, connection, uid: details.uid }));
  });
  app.get('/oidc/interaction/:uid/finish', async (req, res, next) => {
    const result = outcomes.get(req.params.uid);
    outcomes.delete(req.params.uid);
    if (!result) return void res.status(400).type('html').send(page('Expired', '<p>This login is over.</p>'));
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false }).catch(next);
  });
  app.use('/oidc', provider.callback());

  // What the hosted page runs: post the result to the opener (any origin, as inferred), then close.
  app.get('/__sim/result/:file', (req, res) => {
    const id = req.params.file.replace(/\.js$/, '');
    const message = results.get(id);
    results.delete(id);
    res.type('js').send(message ? `window.opener && window.opener.postMessage(${JSON.stringify(message)}, '*'); setTimeout(() => window.close(), 50);` : '');
  });
  app.get('/__sim/logo.svg', (_req, res) => void res.type('svg').send('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24" rx="6" fill="#c13584"/></svg>'));

  const live = await new Promise((resolve, reject) => {
    const s = app.listen(actualPort, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  return {
    origin,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        live.closeAllConnections?.();
        live.close(() => resolve());
      }),
  };
}
