// @ts-check
/**
 * SIMULATED Instagram — not instagram.com. An offline stand-in for "Instagram API with Instagram Login"
 * (Business Login for Instagram), the login that replaced the Basic Display API after Meta shut that
 * down on 2024-12-04. It serves the three real hosts' paths on one loopback origin, for development
 * (`npm start`) and tests; nothing here talks to the internet.
 *
 * Wire formats, as documented by Meta (and what deviates in practice):
 * - Authorize (www.instagram.com): `GET /oauth/authorize?client_id&redirect_uri&response_type=code
 *   &scope=instagram_business_basic[,…]&state` (scope comma- or space-separated; state optional, echoed).
 *   redirect_uri must exactly match a registered one. Success: 302 to
 *   `{redirect_uri}?code=…&state=…#_` (the `#_` "is not part of the code itself"; the browser carries
 *   that fragment on through later fragment-less redirects). Code single-use (Meta: valid 1 hour; here
 *   `codeTtlMs`, 10 min by default). Cancel: `?error=access_denied&error_reason=user_denied
 *   &error_description=The+user+denied+your+request`. The old Basic Display scopes (`user_profile`,
 *   `user_media`, which Auth.js's built-in provider still asks for) are refused: "Invalid scope".
 *   Source: https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 *   and https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize
 * - Token (api.instagram.com): `POST /oauth/access_token`, form body (urlencoded or multipart, the
 *   docs use `curl -F`) client_id, client_secret, grant_type=authorization_code, redirect_uri, code.
 *   Documented answer (Business Login page, Step 2):
 *   `{"data": [{"access_token": "…", "user_id": "…", "permissions": "instagram_business_basic,…"}]}` —
 *   wrapped in `data`, user_id a string, permissions a comma-separated string, and NO `token_type`
 *   or `expires_in` (the short-lived token lasts 1 hour). The older reference page
 *   (developers.facebook.com/docs/instagram-basic-display-api/reference/oauth-access-token) and
 *   several integrations report a flat `{"access_token", "user_id": <number>}` (some with
 *   `permissions`): `tokenShape: 'flat'` serves that instead, so a client can be checked against both.
 *   Errors: HTTP 400 `{"error_type": "OAuthException", "code": 400, "error_message": "Matching code was
 *   not found or was already used"}` (same page, "Sample Rejected Response").
 * - Long-lived token (graph.instagram.com): `GET /access_token?grant_type=ig_exchange_token
 *   &client_secret&access_token` → `{"access_token", "token_type": "bearer", "expires_in": 5183944}`.
 * - Profile (graph.instagram.com): `GET /me?fields=…&access_token=…` (also `/v22.0/me` etc., and the
 *   token in an `Authorization: Bearer` header, which Graph accepts and OAuth libraries send). Fields
 *   of the Instagram User node: `id` (app-scoped id, always returned; the same as the token response's
 *   `user_id`), `user_id` (the professional account's IG id), `username`, `name`, `account_type`
 *   (BUSINESS / MEDIA_CREATOR), `profile_picture_url`, `followers_count`, `follows_count`,
 *   `media_count`. There is no `email`: asking for it is a Graph error, HTTP 400
 *   `{"error": {"message": "(#100) Tried accessing nonexisting field (email) …", "type":
 *   "OAuthException", "code": 100, "fbtrace_id"}}`; a bad token is code 190.
 *   Source: https://developers.facebook.com/docs/instagram-platform/reference/me ,
 *   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user ,
 *   https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started
 * - Auth.js and the missing token_type: https://github.com/nextauthjs/next-auth/issues/8867 (and #8868,
 *   where a `token.conform` hook adds it).
 *
 * Consent: without `autoConsent` the authorize page is an HTML page (bannered as simulated) where the
 * user picks one of the simulated accounts and presses Allow or Cancel (a plain form). With
 * `autoConsent` it answers at once as `ada.codes`, unless a one-shot override was armed by
 * `POST /__fixture/next-consent?answer=deny|hold|<username>` (CORS `*`): per User-Agent, because the
 * browsers run their tests against one simulator at once. `GET /__fixture/next-consent` shows what is armed.
 * `hold` keeps the authorize request waiting (the user still on Instagram's page) until
 * `POST /__fixture/release-consent?answer=deny|<username>`; `GET /__fixture/held-consent` tells whether one waits.
 */
import express from 'express';
import { randomBytes } from 'node:crypto';

/**
 * @typedef {{ id: string, user_id: string, username: string, name: string, account_type: string,
 *   followers_count: number, follows_count: number, media_count: number, color: string }} SimUser
 * `id` is the app-scoped id (the token response's user_id), `user_id` the IG professional account id.
 */

/** The simulated Instagram accounts (all invented). */
export const SIM_USERS = /** @type {SimUser[]} */ ([
  { username: 'ada.codes', name: 'Ada Lovelace', user_id: '17841470000000001', id: '17841400000000001', account_type: 'MEDIA_CREATOR', followers_count: 1815, follows_count: 42, media_count: 12, color: '#8a3ab9' },
  { username: 'new.visitor', name: 'New Visitor', user_id: '17841470000000002', id: '17841400000000002', account_type: 'BUSINESS', followers_count: 0, follows_count: 3, media_count: 0, color: '#e95950' },
  { username: 'grace.builds', name: 'Grace Hopper', user_id: '17841470000000003', id: '17841400000000003', account_type: 'BUSINESS', followers_count: 1906, follows_count: 7, media_count: 31, color: '#4c68d7' },
]);

const SCOPES = new Set([
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_messages',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
]);
const FIELDS = new Set(['id', 'user_id', 'username', 'name', 'account_type', 'profile_picture_url', 'followers_count', 'follows_count', 'media_count']);
const DENIED = { error: 'access_denied', error_reason: 'user_denied', error_description: 'The user denied your request' };

/**
 * Starts the simulator.
 * @param {{ port?: number, host?: string, hostname?: string, autoConsent?: boolean,
 *   tokenShape?: 'documented' | 'flat', codeTtlMs?: number,
 *   clients: Array<{ client_id: string, client_secret: string, redirect_uris: string[] }> }} options
 */
export async function startInstagramSim({ port = 0, host = '127.0.0.1', hostname = 'localhost', autoConsent = false, tokenShape = 'documented', codeTtlMs = 10 * 60_000, clients }) {
  const random = () => randomBytes(24).toString('base64url');
  const fbtrace = () => randomBytes(8).toString('base64url');
  const clientById = new Map(clients.map((c) => [c.client_id, c]));
  /** @type {Map<string, { client_id: string, redirect_uri: string, state?: string, scopes: string[], expires: number }>} pending consent pages */
  const pending = new Map();
  /** @type {Map<string, { client_id: string, redirect_uri: string, user: SimUser, scopes: string[], expires: number }>} */
  const codes = new Map();
  /** @type {Map<string, { user: SimUser, scopes: string[], expires: number }>} */
  const tokens = new Map();
  /** @type {Map<string, string>} User-Agent → 'deny' | username, one-shot */
  const nextConsent = new Map();
  /** @type {Map<string, (answer: string) => void>} the held consent of each browser (User-Agent) */
  const heldConsent = new Map();

  const app = express();
  app.disable('x-powered-by');
  /** @type {string} */
  let origin = '';

  const oauthError = (/** @type {import('express').Response} */ res, /** @type {string} */ message) =>
    void res.status(400).json({ error_type: 'OAuthException', code: 400, error_message: message });
  const graphError = (/** @type {import('express').Response} */ res, /** @type {number} */ code, /** @type {string} */ message) =>
    void res.status(400).json({ error: { message, type: 'OAuthException', code, fbtrace_id: fbtrace() } });

  /** Redirects to the client with `params`, and Instagram's `#_`. */
  const back = (/** @type {import('express').Response} */ res, /** @type {string} */ redirectUri, /** @type {Record<string, string | undefined>} */ params) => {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    url.hash = '_';
    res.redirect(302, url.href);
  };
  const issueCode = (/** @type {{ client_id: string, redirect_uri: string, state?: string, scopes: string[] }} */ req, /** @type {SimUser} */ user) => {
    const code = `AQ${random()}`;
    codes.set(code, { client_id: req.client_id, redirect_uri: req.redirect_uri, user, scopes: req.scopes, expires: Date.now() + codeTtlMs });
    return code;
  };

  // --- www.instagram.com/oauth/authorize (and api.instagram.com's older path, same handler) ---
  app.get(['/oauth/authorize', '/oauth/authorize/'], async (req, res) => {
    const q = /** @type {Record<string, string>} */ (req.query);
    const client = clientById.get(String(q.client_id ?? ''));
    if (!client) return oauthError(res, 'Invalid platform app');
    const redirectUri = String(q.redirect_uri ?? '');
    if (!client.redirect_uris.includes(redirectUri)) return oauthError(res, 'Invalid redirect_uri');
    if (q.response_type !== 'code') return oauthError(res, 'Only response_type=code is allowed');
    const scopes = String(q.scope ?? '').split(/[\s,]+/).filter(Boolean);
    const bad = scopes.find((s) => !SCOPES.has(s));
    if (bad) return oauthError(res, `Invalid Request: Request parameters are invalid: Invalid scope: ${bad}`);
    if (!scopes.includes('instagram_business_basic')) return oauthError(res, 'Invalid Request: Request parameters are invalid: instagram_business_basic is required');
    const request = { client_id: client.client_id, redirect_uri: redirectUri, state: q.state === undefined ? undefined : String(q.state), scopes };

    if (autoConsent) {
      const agent = String(req.headers['user-agent']);
      let answer = nextConsent.get(agent) ?? 'ada.codes';
      nextConsent.delete(agent);
      if (answer === 'hold') {
        // The user is "still on Instagram's page" until the test releases the consent.
        answer = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve('deny'), 60_000);
          heldConsent.set(agent, (/** @type {string} */ a) => (clearTimeout(timer), resolve(a)));
        });
        heldConsent.delete(agent);
        if (req.socket.destroyed) return;
      }
      if (answer === 'deny') return back(res, redirectUri, { ...DENIED, state: request.state });
      const user = SIM_USERS.find((u) => u.username === answer) ?? /** @type {SimUser} */ (SIM_USERS[0]);
      return back(res, redirectUri, { code: issueCode(request, user), state: request.state });
    }
    const rid = random();
    pending.set(rid, { ...request, expires: Date.now() + 30 * 60_000 });
    res.type('html').set('cache-control', 'no-store').send(consentPage(rid, client.client_id, redirectUri, scopes));
  });

  app.post('/oauth/authorize/decision', express.urlencoded({ extended: false }), (req, res) => {
    const rid = String(req.body?.request ?? '');
    const request = pending.get(rid);
    pending.delete(rid);
    if (!request || request.expires < Date.now()) {
      return void res.status(400).type('html').send(page('Request expired', '<p>This login request is no longer valid. Start the login again from the app.</p>'));
    }
    if (req.body?.decision !== 'allow') return back(res, request.redirect_uri, { ...DENIED, state: request.state });
    const user = SIM_USERS.find((u) => u.username === req.body?.account) ?? /** @type {SimUser} */ (SIM_USERS[0]);
    back(res, request.redirect_uri, { code: issueCode(request, user), state: request.state });
  });

  // --- api.instagram.com/oauth/access_token ---
  app.post('/oauth/access_token', async (req, res) => {
    /** @type {{ [key: string]: string }} */
    let form = {};
    try {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const body = new Response(Buffer.concat(chunks), { headers: { 'content-type': String(req.headers['content-type'] ?? 'application/x-www-form-urlencoded') } });
      form = Object.fromEntries([...(await body.formData())].map(([k, v]) => [k, String(v)]));
    } catch {
      return oauthError(res, 'Invalid request body');
    }
    for (const key of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code']) {
      if (!form[key]) return oauthError(res, `Missing required field ${key}`);
    }
    const { client_id = '', client_secret = '', grant_type = '', redirect_uri = '', code = '' } = form;
    const client = clientById.get(client_id);
    if (!client) return oauthError(res, 'Invalid platform app');
    if (client.client_secret !== client_secret) return oauthError(res, 'Error validating client secret.');
    if (grant_type !== 'authorization_code') return oauthError(res, 'Unsupported grant_type');
    const grant = codes.get(code);
    codes.delete(code);
    if (!grant || grant.expires < Date.now() || grant.client_id !== client.client_id) return oauthError(res, 'Matching code was not found or was already used');
    if (grant.redirect_uri !== redirect_uri) {
      return oauthError(res, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
    }
    const accessToken = `IGAA${random()}`;
    tokens.set(accessToken, { user: grant.user, scopes: grant.scopes, expires: Date.now() + 3600_000 });
    const permissions = grant.scopes.join(',');
    res.set('cache-control', 'no-store');
    // Flat: user_id as a bare JSON number, digits exact — beyond Number.MAX_SAFE_INTEGER, so JSON.parse
    // in JavaScript rounds it (as it does with the real one): use /me's `id` string as the identity.
    if (tokenShape === 'flat') res.type('json').send(`{"access_token":${JSON.stringify(accessToken)},"user_id":${grant.user.id},"permissions":${JSON.stringify(permissions)}}`);
    else res.json({ data: [{ access_token: accessToken, user_id: grant.user.id, permissions }] });
  });

  // --- graph.instagram.com ---
  const bearer = (/** @type {import('express').Request} */ req) => {
    const header = String(req.headers.authorization ?? '');
    const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
    return m?.[1] ?? String(req.query.access_token ?? '');
  };
  app.get(['/me', '/:version/me'], (req, res, next) => {
    const { version } = /** @type {{ version?: string }} */ (req.params);
    if (version && !/^v\d+\.\d+$/.test(version)) return next();
    res.set('access-control-allow-origin', '*');
    const token = tokens.get(bearer(req));
    if (!token || token.expires < Date.now()) return graphError(res, 190, 'Invalid OAuth access token - Cannot parse access token');
    const requested = String(req.query.fields ?? 'id').split(',').map((f) => f.trim()).filter(Boolean);
    const unknown = requested.find((f) => !FIELDS.has(f));
    if (unknown) return graphError(res, 100, `(#100) Tried accessing nonexisting field (${unknown}) on node type (User)`);
    const u = token.user;
    /** @type {Record<string, unknown>} */
    const all = { ...u, profile_picture_url: `${origin}/__sim/avatar/${encodeURIComponent(u.username)}.svg` };
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const f of requested) out[f] = all[f];
    out.id = u.id;
    res.json(out);
  });
  app.get('/access_token', (req, res) => {
    const client = clients.find((c) => c.client_secret === req.query.client_secret);
    const token = tokens.get(String(req.query.access_token ?? ''));
    if (req.query.grant_type !== 'ig_exchange_token') return graphError(res, 100, 'Unsupported grant_type');
    if (!client) return graphError(res, 101, 'Error validating client secret.');
    if (!token || token.expires < Date.now()) return graphError(res, 190, 'Invalid OAuth access token - Cannot parse access token');
    const longLived = `IGAA${random()}`;
    tokens.set(longLived, { ...token, expires: Date.now() + 5183944_000 });
    res.json({ access_token: longLived, token_type: 'bearer', expires_in: 5183944 });
  });

  // --- simulator assets and fixture endpoints ---
  app.get('/__sim/avatar/:file', (req, res) => {
    const user = SIM_USERS.find((u) => `${u.username}.svg` === req.params.file);
    if (!user) return void res.status(404).end();
    const initials = user.name.split(' ').map((w) => w[0]).join('');
    res.type('image/svg+xml').set('cache-control', 'max-age=3600').set('access-control-allow-origin', '*').send(
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><title>Simulated avatar of ${user.username}</title>` +
        `<rect width="96" height="96" rx="48" fill="${user.color}"/>` +
        `<text x="48" y="58" font-family="system-ui,sans-serif" font-size="32" fill="#fff" text-anchor="middle">${initials}</text></svg>`,
    );
  });
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/__sim/style.css', (_req, res) => void res.type('css').send(STYLE));
  app.use('/__fixture', (req, res, next) => {
    res.set('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') return void res.set('access-control-allow-methods', 'GET, POST').status(204).end();
    next();
  });
  app.post('/__fixture/next-consent', (req, res) => {
    const answer = String(req.query.answer ?? '');
    if (answer !== 'deny' && answer !== 'hold' && !SIM_USERS.some((u) => u.username === answer)) {
      return void res.status(400).json({ error: `answer must be "deny", "hold" or one of ${SIM_USERS.map((u) => u.username).join(', ')}` });
    }
    nextConsent.set(String(req.headers['user-agent']), answer);
    res.json({ armed: answer });
  });
  app.get('/__fixture/next-consent', (_req, res) => void res.json(Object.fromEntries(nextConsent)));
  app.get('/__fixture/held-consent', (req, res) => void res.json({ held: heldConsent.has(String(req.headers['user-agent'])) }));
  app.post('/__fixture/release-consent', (req, res) => {
    const release = heldConsent.get(String(req.headers['user-agent']));
    release?.(String(req.query.answer ?? 'ada.codes'));
    res.status(release ? 200 : 404).json({ released: !!release });
  });
  app.get('/', (_req, res) => void res.type('html').send(page('Simulated Instagram', `<p>Endpoints: <code>/oauth/authorize</code>, <code>/oauth/access_token</code>, <code>/me</code>.</p>`)));

  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (/** @type {any} */ err) => (err ? reject(err) : resolve(s)));
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  origin = `http://${hostname}:${actualPort}`;
  const users = SIM_USERS.map((u) => ({ ...u, profile_picture_url: `${origin}/__sim/avatar/${u.username}.svg` }));
  return {
    origin,
    port: actualPort,
    authorization: `${origin}/oauth/authorize`,
    token: `${origin}/oauth/access_token`,
    userinfo: `${origin}/me`,
    users,
    close: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          for (const release of heldConsent.values()) release('deny');
          server.closeAllConnections?.();
          server.close(() => resolve());
        })
      ),
  };
}

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An HTML page of the simulator, always with the banner. @param {string} title @param {string} body */
function page(title, body) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)} (simulated)</title><link rel="stylesheet" href="/__sim/style.css"></head><body>` +
    `<div class="banner" role="note">Simulated Instagram — not instagram.com (offline development)</div>` +
    `<main>${body}</main></body></html>`
  );
}

/** @param {string} rid @param {string} clientId @param {string} redirectUri @param {string[]} scopes */
function consentPage(rid, clientId, redirectUri, scopes) {
  const accounts = SIM_USERS.map(
    (u, i) =>
      `<label class="account"><input type="radio" name="account" value="${esc(u.username)}"${i === 0 ? ' checked' : ''}>` +
      `<img src="/__sim/avatar/${encodeURIComponent(u.username)}.svg" alt="" width="40" height="40">` +
      `<span><strong>${esc(u.username)}</strong><br><small>${esc(u.name)} · ${u.username === 'new.visitor' ? 'brand-new account' : esc(u.account_type.toLowerCase().replace('_', ' '))}</small></span></label>`,
  ).join('');
  return page(
    'Log in with Instagram',
    `<h1>Instagram</h1><p>App <code>${esc(clientId)}</code> would like to access your Instagram professional account` +
      ` (${scopes.map((s) => `<code>${esc(s)}</code>`).join(', ')}).</p>` +
      `<p class="muted">You will be sent back to <code>${esc(new URL(redirectUri).origin)}</code>.</p>` +
      `<form method="post" action="/oauth/authorize/decision"><input type="hidden" name="request" value="${esc(rid)}">` +
      `<fieldset><legend>Continue as (simulated accounts)</legend>${accounts}</fieldset>` +
      `<div class="actions"><button type="submit" name="decision" value="cancel" class="secondary">Cancel</button>` +
      `<button type="submit" name="decision" value="allow" class="primary">Allow</button></div></form>`,
  );
}

const STYLE = `
body{margin:0;font:15px/1.45 system-ui,sans-serif;background:#fafafa;color:#262626}
.banner{background:repeating-linear-gradient(135deg,#ffe08a 0 12px,#ffd45c 12px 24px);color:#3b2b00;font-weight:600;text-align:center;padding:.5rem}
main{max-width:26rem;margin:1.5rem auto;background:#fff;border:1px solid #dbdbdb;border-radius:8px;padding:1.5rem}
h1{font:italic 600 2rem/1 Georgia,serif;text-align:center;margin:.2rem 0 1rem}
fieldset{border:1px solid #dbdbdb;border-radius:6px;padding:.5rem}
.account{display:flex;gap:.7rem;align-items:center;padding:.4rem;border-radius:6px;cursor:pointer}
.account:hover{background:#f2f2f2}
.account img{border-radius:50%}
.muted{color:#737373;font-size:.9em}
.actions{display:flex;gap:.6rem;justify-content:flex-end;margin-top:1rem}
button{font:inherit;font-weight:600;border-radius:8px;padding:.45rem 1.1rem;border:1px solid transparent;cursor:pointer}
.primary{background:#0095f6;color:#fff}.secondary{background:#efefef;color:#262626}
button:focus-visible{outline:3px solid #0095f6;outline-offset:2px}
`;
