// The benchmark's pages and files, on loopback: each SDK's login page against the same broker, the
// landing pages, and the startup pages. Only the benchmark uses them; inline scripts are fine here.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** Every page records click→login times: the click is taken in the capture phase, before the SDK's handler. */
const TIMER = `<script>
  window.results = []; window.failures = [];
  document.addEventListener('click', () => (window.t0 = performance.now()), true);
  window.done = () => window.results.push(performance.now() - window.t0);
  window.failed = (e) => window.failures.push(String(e && (e.message || e.code || e)));
</script>`;

/**
 * @param {{ issuer: string, clientId: string, userinfoIssuer: string }} broker `userinfoIssuer`: a
 *   broker that keeps the profile out of the ID token (`/ours.html?broker=userinfo` uses it)
 * @returns {Record<string, string>} path → HTML
 */
function pages({ issuer, clientId, userinfoIssuer }) {
  const connection = 'instagram';
  return {
    '/ours.html': page('ours', `${TIMER}
      <social-login broker="${issuer}" client-id="${clientId}" connections="${connection}:Instagram" redirect-uri="/ours-callback.html"></social-login>
      <script src="/dist/social-login.min.js"></script>
      <script>
        const el = document.querySelector('social-login');
        const query = new URLSearchParams(location.search);
        el.responseMode = query.get('mode') || 'query';
        if (query.get('broker') == 'userinfo') el.broker = ${JSON.stringify(userinfoIssuer)};
        el.addEventListener('login', () => done());
        el.addEventListener('login-error', (e) => failed(e.detail.error));
      </script>`),
    '/ours-callback.html': page('ours landing', `<script src="/dist/social-login.min.js"></script>`),
    '/auth0.html': page('auth0-spa-js', `${TIMER}
      <button id="login">Continue with Instagram</button>
      <script src="/bench/auth0.js"></script>
      <script>
        const auth0 = new Bench.Auth0Client({ domain: ${JSON.stringify(issuer.replace(/\/$/, ''))}, clientId: '${clientId}',
          authorizationParams: { redirect_uri: location.origin + '/auth0.html', connection: '${connection}' } });
        document.getElementById('login').onclick = () =>
          auth0.loginWithPopup().then(() => auth0.getUser()).then((u) => (u ? done() : failed('no user')), failed);
      </script>`),
    '/oidc-client.html': page('oidc-client-ts', `${TIMER}
      <button id="login">Continue with Instagram</button>
      <script src="/bench/oidc-client-ts.js"></script>
      <script>
        const mgr = new Bench.UserManager({ authority: ${JSON.stringify(issuer)}, client_id: '${clientId}',
          redirect_uri: location.origin + '/oidc-client-callback.html', scope: 'openid profile',
          extraQueryParams: { connection: '${connection}' } });
        document.getElementById('login').onclick = () => mgr.signinPopup().then((u) => (u ? done() : failed('no user')), failed);
      </script>`),
    '/oidc-client-callback.html': page('oidc-client-ts landing', `<script src="/bench/oidc-client-ts.js"></script>
      <script>new Bench.UserManager({ authority: ${JSON.stringify(issuer)}, client_id: '${clientId}', redirect_uri: location.origin + '/oidc-client-callback.html' }).signinPopupCallback();</script>`),
    // Startup: from just before the library's script to its buttons rendered, then the first paint.
    '/startup-ours.html': page('startup: ours', `
      <social-login broker="${issuer}" client-id="${clientId}" connections="instagram:Instagram,github:GitHub"></social-login>
      <script>window.t0 = performance.now();</script>
      <script src="/dist/social-login.min.js"></script>
      <script>
        window.t1 = document.querySelector('social-login').shadowRoot.querySelectorAll('button').length == 2 ? performance.now() : NaN;
      </script>`),
    // The same in Japanese: the render waits for the manifest and the ja pack (issue 19's delay to the first paint).
    '/startup-ours-ja.html': page('startup: ours, ja', `
      <social-login lang="ja" broker="${issuer}" client-id="${clientId}" connections="instagram:Instagram,github:GitHub"></social-login>
      <script>window.t0 = performance.now();</script>
      <script src="/dist/social-login.min.js"></script>
      <script>
        window.t1 = NaN;
        const el = document.querySelector('social-login');
        const check = () => el.shadowRoot.querySelector('button')?.textContent.includes('でログイン') && ((window.t1 = performance.now()), observer.disconnect());
        const observer = new MutationObserver(check);
        observer.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
        check();
      </script>`),
    '/startup-lit.html': page('startup: Lit floor', `
      <lit-floor connections="instagram:Instagram,github:GitHub"></lit-floor>
      <script>window.t0 = performance.now();</script>
      <script src="/bench/lit-floor.js"></script>
      <script>
        window.t1 = NaN;
        // Lit renders in a microtask after the upgrade: wait for it like a host page would.
        document.querySelector('lit-floor').updateComplete.then(() => {
          window.t1 = document.querySelector('lit-floor').shadowRoot.querySelectorAll('button').length == 2 ? performance.now() : NaN;
        });
      </script>`),
  };
}

/**
 * Serves the pages, `dist/` and `.cache/bench/` on 127.0.0.1.
 * @returns {Promise<{ origin: string, redirectUris: string[], close(): Promise<void>, setBroker(b: { issuer: string, clientId: string, userinfoIssuer: string }): void }>}
 */
export async function startBenchServer() {
  let html = {};
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.startsWith('/dist/') ? `dist/${path.slice(6)}` : path.startsWith('/bench/') ? `.cache/bench/${path.slice(7)}` : undefined;
    try {
      if (html[path]) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html[path]);
      if (file && /^[\w./-]+\.js$/.test(file) && !file.includes('..')) {
        const body = readFileSync(file);
        return void res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(body);
      }
    } catch {}
    if (process.env.BENCH_DEBUG) console.error('bench: 404', path);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    redirectUris: [`${origin}/ours-callback.html`, `${origin}/auth0.html`, `${origin}/oidc-client-callback.html`],
    setBroker: (b) => void (html = pages(b)),
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
