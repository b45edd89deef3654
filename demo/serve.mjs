// @ts-check
/**
 * `npm start`: the whole login chain on this machine, offline, in one command.
 *
 *   demo page (Vite dev server, the widget from /src) ── http://localhost:DEMO_PORT/demo/
 *     ├─ OIDC:    dev broker (node-oidc-provider, demo/dev-broker.mjs) ── http://localhost:BROKER_PORT
 *     │             └─ federates to Instagram ── simulated (test/upstream/instagram-sim.mjs) on INSTAGRAM_PORT
 *     ├─ Auth.js: ExpressAuth (@auth/express, test/broker/authjs-broker.mjs) on the demo's origin, /api/auth ── same Instagram
 *     ├─ Better Auth: better-auth (test/broker/better-auth-broker.mjs) on the demo's origin, /api/better-auth ── same Instagram
 *     └─ Authing: the Authing simulator (test/authing/authing-sim.mjs) on AUTHING_PORT ── same Instagram
 *          (its popup way, and standard OpenID Connect at /oidc with a hosted login page)
 *
 * Ports (env): DEMO_PORT 5173, BROKER_PORT 5174, INSTAGRAM_PORT 5175, AUTHING_PORT 5176. A busy port
 * is reported by name with the variable that moves it.
 *
 * The real Instagram instead of the simulated one: set INSTAGRAM_CLIENT_ID and INSTAGRAM_CLIENT_SECRET
 * (App Dashboard > Instagram > API setup with Instagram login > Business login settings). Instagram
 * only redirects to https URIs, so the broker and the demo must be reachable over https: run a tunnel
 * (e.g. `cloudflared tunnel --url http://localhost:5174`, or `ngrok http 5174`) or a local TLS proxy
 * (e.g. `caddy reverse-proxy --from https://localhost:8443 --to localhost:5174`), and pass its URL as
 * BROKER_ISSUER (and DEMO_PUBLIC_URL for the demo, used by Auth.js's callback). Register
 * `${BROKER_ISSUER}/federation/instagram/callback`, `${BROKER_ISSUER}/federation/instagram-members/callback`
 * `${DEMO_PUBLIC_URL}/api/auth/callback/instagram` and `${DEMO_PUBLIC_URL}/api/better-auth/callback/instagram`
 * as OAuth redirect URIs of the Instagram app.
 */
import { createServer as netServer } from 'node:net';
import { createServer } from 'vite';
import { authjsApp } from '../test/broker/authjs-broker.mjs';
import { betterAuthHandler } from '../test/broker/better-auth-broker.mjs';
import { startAuthingSim } from '../test/authing/authing-sim.mjs';
import { startDevBroker, DEFAULT_CONNECTIONS, federationCallback } from './dev-broker.mjs';
import { startInstagramSim } from '../test/upstream/instagram-sim.mjs';

const port = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    console.error(`${name}=${process.env[name]} is not a port number.`);
    process.exit(1);
  }
  return value;
};
const demoPort = port('DEMO_PORT', 5173);
const brokerPort = port('BROKER_PORT', 5174);
const instagramPort = port('INSTAGRAM_PORT', 5175);
const authingPort = port('AUTHING_PORT', 5176);

/** Fails with a sentence, not a stack trace, when a port is taken. */
async function ensureFree(/** @type {number} */ p, /** @type {string} */ what, /** @type {string} */ variable) {
  await new Promise((resolve) => {
    const probe = netServer()
      .once('error', () => {
        console.error(`Port ${p} (${what}) is already in use. Stop what is using it, or choose another: ${variable}=<port> npm start`);
        process.exit(1);
      })
      .listen(p, '127.0.0.1', () => probe.close(resolve));
  });
}

const realInstagram = Boolean(process.env.INSTAGRAM_CLIENT_ID && process.env.INSTAGRAM_CLIENT_SECRET);

await ensureFree(demoPort, 'demo page', 'DEMO_PORT');
await ensureFree(brokerPort, 'dev broker', 'BROKER_PORT');
if (!realInstagram) await ensureFree(instagramPort, 'simulated Instagram', 'INSTAGRAM_PORT');
await ensureFree(authingPort, 'simulated Authing', 'AUTHING_PORT');

const demoOrigin = (process.env.DEMO_PUBLIC_URL ?? `http://localhost:${demoPort}`).replace(/\/$/, '');
const brokerIssuer = (process.env.BROKER_ISSUER ?? `http://localhost:${brokerPort}`).replace(/\/$/, '');
const authjsBase = `${demoOrigin}/api/auth`;
const authjsCallback = `${authjsBase}/callback/instagram`;
const betterAuthBase = `${demoOrigin}/api/better-auth`;
const betterAuthCallback = `${betterAuthBase}/callback/instagram`;

/** @type {Array<{ close(): Promise<void> }>} */
const running = [];

// --- Instagram: simulated unless real credentials were given ---
/** @type {{ authorization: string, token: string, userinfo: string, clientId: string, clientSecret: string }} */
let instagram;
let instagramSim;
if (realInstagram) {
  instagram = {
    authorization: 'https://www.instagram.com/oauth/authorize',
    token: 'https://api.instagram.com/oauth/access_token',
    userinfo: 'https://graph.instagram.com/me',
    clientId: /** @type {string} */ (process.env.INSTAGRAM_CLIENT_ID),
    clientSecret: /** @type {string} */ (process.env.INSTAGRAM_CLIENT_SECRET),
  };
} else {
  const app = { client_id: '990000000000001', client_secret: 'simulated-instagram-app-secret' };
  instagramSim = await startInstagramSim({
    port: instagramPort,
    clients: [{ ...app, redirect_uris: [
      ...DEFAULT_CONNECTIONS.map((c) => federationCallback(brokerIssuer, c.identifier)),
      authjsCallback,
      betterAuthCallback,
      `http://localhost:${authingPort}/connections/social/callback`,
    ] }],
  });
  running.push(instagramSim);
  instagram = { authorization: instagramSim.authorization, token: instagramSim.token, userinfo: instagramSim.userinfo, clientId: app.client_id, clientSecret: app.client_secret };
}

// --- The dev broker (OIDC) ---
const clientId = 'demo-spa';
const broker = await startDevBroker({
  port: brokerPort,
  issuer: brokerIssuer,
  clients: [{ client_id: clientId, redirect_uris: [`${demoOrigin}/demo/`, `${demoOrigin}/demo/index.html`] }],
  upstream: instagram,
});
running.push(broker);

// --- Auth.js on the demo's origin: the same app the tests run (test/broker/authjs-broker.mjs) ---
const authApp = authjsApp({ instagram, clientId: instagram.clientId, clientSecret: instagram.clientSecret, secret: process.env.AUTH_SECRET });

// --- Better Auth on the demo's origin: the same app the tests run (test/broker/better-auth-broker.mjs) ---
const betterAuthApp = betterAuthHandler({
  baseURL: betterAuthBase,
  instagram,
  clientId: instagram.clientId,
  clientSecret: instagram.clientSecret,
  origins: [demoOrigin],
  ...(process.env.BETTER_AUTH_SECRET && { secret: process.env.BETTER_AUTH_SECRET }),
});

// --- Authing (simulated): the simulator the tests run, federating to the same Instagram ---
const authingApp = {
  appId: 'demo-authing-app',
  origins: [demoOrigin],
  // Its login callback URLs, for the OpenID Connect way (redirects).
  redirectUris: [`${demoOrigin}/demo/`, `${demoOrigin}/demo/index.html`],
  connections: [
    { identifier: 'instagram', displayName: 'Instagram', name: 'Instagram', name_en: 'Instagram' },
    { identifier: 'instagram-members', displayName: 'Instagram (members only)', loginOnly: true },
  ],
};
const authingSim = await startAuthingSim({ port: authingPort, apps: [authingApp], instagram });
running.push(authingSim);
const authing = { host: authingSim.origin, appId: authingApp.appId };

const config = JSON.stringify({
  // Kept for older demo code: the OIDC broker and client.
  issuer: broker.issuer,
  clientId,
  oidc: {
    issuer: broker.issuer,
    clientId,
    connections: broker.connections.map((c) => ({ id: c.identifier, name: c.displayName, loginOnly: c.loginOnly })),
  },
  authjs: { broker: authjsBase },
  betterAuth: { broker: betterAuthBase, connections: [{ id: 'instagram', name: 'Instagram' }] },
  authing,
  instagram: { simulated: !realInstagram, origin: instagramSim?.origin ?? 'https://www.instagram.com' },
});

const server = await createServer({
  configFile: 'vite.config.ts',
  server: { host: 'localhost', port: demoPort, strictPort: true },
  // The demo page only: demo/frameworks/ has its own dependencies (node scripts/check-examples.mjs).
  optimizeDeps: { entries: ['demo/index.html'] },
  plugins: [
    {
      name: 'demo-config',
      configureServer(s) {
        s.middlewares.use('/demo/config.json', (_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.setHeader('cache-control', 'no-store');
          res.end(config);
        });
        // ExpressAuth needs Express's req/res (req.protocol, req.baseUrl, res.append): an Express
        // app of its own, handed only the /api/auth requests with their URL intact.
        s.middlewares.use((req, res, next) => (req.url?.startsWith('/api/auth') ? authApp(/** @type {any} */ (req), /** @type {any} */ (res), next) : next()));
        s.middlewares.use((req, res, next) => (req.url?.startsWith('/api/better-auth/') ? betterAuthApp(req, res) : next()));
        // Auth.js's default callbackUrl is the site's root: send it (and anyone typing the bare origin) to the demo.
        s.middlewares.use((req, res, next) => {
          if (req.url !== '/' && !req.url?.startsWith('/?')) return next();
          res.statusCode = 302;
          res.setHeader('location', '/demo/');
          res.end();
        });
      },
    },
  ],
});
await server.listen();
running.push({ close: () => server.close() });

const label = realInstagram ? 'Instagram (real)' : 'Instagram (simulated)';
console.log(`
  social-login demo:        ${demoOrigin}/demo/
  dev broker (OIDC):        ${broker.issuer}   node-oidc-provider, federates to ${label}
  Auth.js:                  ${authjsBase}/providers
  Better Auth:              ${betterAuthBase}   (sign-in/social, get-session)
  ${realInstagram ? 'Instagram:                https://www.instagram.com (real)' : `${label}:    ${instagramSim?.origin}`}
  Authing (simulated):      ${authing.host}   app id ${authing.appId}, OpenID Connect at ${authing.host}/oidc
`);

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await Promise.allSettled(running.reverse().map((r) => r.close()));
    process.exit(0);
  });
}
