// @ts-check
/**
 * `npm start`: the demo page (Vite dev server, serving the widget from source) and a local OpenID
 * Connect broker (node-oidc-provider, the same one the tests use), both on loopback.
 *
 * Ports: DEMO_PORT (default 5173) and BROKER_PORT (default 5174).
 */
import { createServer as netServer } from 'node:net';
import { createServer } from 'vite';
import { startOidcBroker } from '../test/broker/oidc-broker.mjs';

const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const brokerPort = Number(process.env.BROKER_PORT ?? 5174);

/** Fails with a sentence, not a stack trace, when a port is taken. */
async function ensureFree(port, what, variable) {
  await new Promise((resolve) => {
    const probe = netServer()
      .once('error', () => {
        console.error(`Port ${port} (${what}) is already in use. Stop what is using it, or choose another: ${variable}=<port> npm start`);
        process.exit(1);
      })
      .listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

await ensureFree(demoPort, 'demo page', 'DEMO_PORT');
await ensureFree(brokerPort, 'dev broker', 'BROKER_PORT');

const origin = `http://localhost:${demoPort}`;
const clientId = 'demo-spa';
const broker = await startOidcBroker({
  port: brokerPort,
  clients: [{ client_id: clientId, redirect_uris: [`${origin}/demo/`, `${origin}/demo/index.html`] }],
});

const config = JSON.stringify({ issuer: broker.issuer, clientId });
const server = await createServer({
  configFile: 'vite.config.ts',
  server: { host: 'localhost', port: demoPort, strictPort: true },
  plugins: [
    {
      name: 'demo-config',
      configureServer(s) {
        s.middlewares.use('/demo/config.json', (_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(config);
        });
      },
    },
  ],
});
await server.listen();
console.log(`\n  social-login demo:  ${origin}/demo/`);
console.log(`  dev broker (node-oidc-provider): ${broker.issuer}\n`);
