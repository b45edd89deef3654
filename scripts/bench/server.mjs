// The benchmark's pages and files, on loopback: each SDK's login page against the same broker, the
// landing pages, and the startup pages. Only the benchmark uses them; inline scripts are fine here.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// A landing page's scripts go in its <head> (the README's advice): the relay then runs before the page's
// first frame, which would otherwise come between the relay's message and its delivery.
const page = (title, body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/**
 * Every page records click→login times: the click is taken in the capture phase, before the SDK's
 * handler. For the segment table it also notes, on the page's clock made absolute
 * (`performance.timeOrigin`, the machine's wall clock, which the broker's request log shares): the
 * first message from another window after the click (the popup's answer: a relay or the broker's
 * `web_message`), and the end of the last token response (Resource Timing).
 */
const TIMER = `<script>
  window.results = []; window.failures = []; window.segments = [];
  const abs = (t) => performance.timeOrigin + t;
  document.addEventListener('click', () => {
    window.t0 = performance.now();
    window.answer = undefined;
    performance.clearResourceTimings();
  }, true);
  addEventListener('message', (e) => {
    if (window.answer === undefined && e.source && e.source !== window) window.answer = performance.now();
  });
  window.done = () => {
    const now = performance.now();
    const token = performance.getEntriesByType('resource').filter((r) => /\\/token$/.test(new URL(r.name).pathname)).at(-1);
    window.segments.push({ click: abs(window.t0), answer: window.answer && abs(window.answer), token: token && abs(token.responseEnd), done: abs(now) });
    window.results.push(now - window.t0);
  };
  window.failed = (e) => window.failures.push(String(e && (e.message || e.code || e)));
</script>`;

/**
 * A real site's bundle as far as the browser's main thread can tell: 1 MiB of script that is
 * parsed, and a quarter of whose functions run (deterministic, so every load costs the same).
 */
export function siteBundle(bytes = 1 << 20) {
  const parts = ['(function () {', 'var registry = {};'];
  let size = 0;
  let i = 0;
  for (; size < bytes; i++) {
    const f = `registry.m${i} = function (a, b) { var s = 0; for (var k = 0; k < ${(i % 9) + 1}; k++) { s += (a * ${i % 97} + b * k) % ${(i % 13) + 2}; } return { id: "module-${i}", value: s, label: "Lorem ipsum dolor sit amet, consectetur ${i}".slice(0, ${(i % 20) + 5}) }; };`;
    parts.push(f);
    size += f.length + 1;
  }
  parts.push(`var total = 0; for (var j = 0; j < ${i}; j += 4) total += registry["m" + j](j, 3).value; window.siteBundleTotal = total;`, '})();');
  return parts.join('\n');
}

/** The hand-written floor: everything computed before the click, `web_message`, one token request. */
const floor = (issuer, clientId, connection) => `
      <button id="login">Continue with Instagram</button>
      <script>
        const issuer = ${JSON.stringify(issuer)};
        const redirectUri = location.origin + '/floor.html';
        const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
        const random = () => b64(crypto.getRandomValues(new Uint8Array(32)));
        let meta, next;
        // PKCE, state, nonce and the authorization URL, before the click (and again after each login).
        const prepare = async () => {
          meta ??= await (await fetch(issuer.replace(/\\/$/, '') + '/.well-known/openid-configuration')).json();
          const state = random(), nonce = random(), verifier = random();
          const challenge = b64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
          const url = new URL(meta.authorization_endpoint);
          url.search = new URLSearchParams({ response_type: 'code', client_id: '${clientId}', redirect_uri: redirectUri, scope: 'openid profile',
            state, nonce, code_challenge: challenge, code_challenge_method: 'S256', response_mode: 'web_message', connection: '${connection}' });
          next = { url: url.href, state, verifier };
        };
        prepare();
        document.getElementById('login').onclick = () => {
          const request = next;
          const popup = window.open(request.url, 'floor', 'popup,width=500,height=650');
          const onMessage = async (e) => {
            if (e.source !== popup || e.data?.type !== 'authorization_response' || e.data.response?.state !== request.state) return;
            removeEventListener('message', onMessage);
            popup.close();
            const body = new URLSearchParams({ grant_type: 'authorization_code', code: e.data.response.code, redirect_uri: redirectUri,
              client_id: '${clientId}', code_verifier: request.verifier });
            const tokens = await (await fetch(meta.token_endpoint, { method: 'POST', body })).json();
            tokens.id_token ? done() : failed(tokens.error || 'no id_token');
            prepare();
          };
          addEventListener('message', onMessage);
        };
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
        // A click that finds no prepared request (as one without a hover first would): each click is in
        // another language tag (the English texts under a new name), a configuration nothing was prepared for;
        // the broker only sees another ui_locales.
        let round = 0;
        if (query.get('cold')) {
          document.addEventListener('click', () => {
            const tag = 'x-cold-' + ++round;
            SocialLogin.STRINGS[tag] = SocialLogin.STRINGS.en;
            el.setAttribute('lang', tag);
          }, true);
        }
        // Where the popup lands: the tiny callback page (default), or a 1 MiB host page, as is or with the relay script first.
        if (query.get('landing')) el.redirectUri = '/' + query.get('landing') + '-callback.html';
        el.addEventListener('login', () => done());
        el.addEventListener('login-error', (e) => failed(e.detail.error));
      </script>`),
    '/ours-callback.html': page('ours landing', '', `<script src="/dist/social-login.min.js"></script>`),
    '/relay-callback.html': page('relay landing', '', `<script src="/dist/social-login.relay.min.js"></script>`),
    // A real site's page as the landing page: its 1 MiB bundle first, then the widget (the usual order)...
    '/host-callback.html': page('host page', '', `<script src="/bench/site-bundle.js"></script><script src="/dist/social-login.min.js"></script>`),
    // ...and the documented fast path: the relay script first, ahead of the site's bundle.
    '/host-relay-callback.html': page(
      'host page, relay first',
      '',
      `<script src="/dist/social-login.relay.min.js"></script><script src="/bench/site-bundle.js"></script><script src="/dist/social-login.min.js"></script>`,
    ),
    '/floor.html': page('floor', `${TIMER}${floor(issuer, clientId, connection)}`),
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
    '/oidc-client-callback.html': page('oidc-client-ts landing', '', `<script src="/bench/oidc-client-ts.js"></script>
      <script>new Bench.UserManager({ authority: ${JSON.stringify(issuer)}, client_id: '${clientId}', redirect_uri: location.origin + '/oidc-client-callback.html' }).signinPopupCallback();</script>`),
    // Startup: from just before the library's script to its buttons rendered, then the first paint.
    '/startup-ours.html': page('startup: ours', `
      <social-login broker="${issuer}" client-id="${clientId}" connections="instagram:Instagram,github:GitHub"></social-login>
      <script>performance.mark('t0');</script>
      <script src="/dist/social-login.min.js"></script>
      <script>
        if (document.querySelector('social-login').shadowRoot.querySelectorAll('button').length == 2) performance.mark('t1');
      </script>`),
    // The same in Japanese: the render waits for the manifest and the ja pack (issue 19's delay to the first paint).
    '/startup-ours-ja.html': page('startup: ours, ja', `
      <social-login lang="ja" broker="${issuer}" client-id="${clientId}" connections="instagram:Instagram,github:GitHub"></social-login>
      <script>performance.mark('t0');</script>
      <script src="/dist/social-login.min.js"></script>
      <script>
        const el = document.querySelector('social-login');
        const check = () => el.shadowRoot.querySelector('button')?.textContent.includes('でログイン') && (performance.mark('t1'), observer.disconnect());
        const observer = new MutationObserver(check);
        observer.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
        check();
      </script>`),
    '/startup-lit.html': page('startup: Lit floor', `
      <lit-floor connections="instagram:Instagram,github:GitHub"></lit-floor>
      <script>performance.mark('t0');</script>
      <script src="/bench/lit-floor.js"></script>
      <script>
        // Lit renders in a microtask after the upgrade: wait for it like a host page would.
        document.querySelector('lit-floor').updateComplete.then(() => {
          if (document.querySelector('lit-floor').shadowRoot.querySelectorAll('button').length == 2) performance.mark('t1');
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
  const bundle = siteBundle();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.startsWith('/dist/') ? `dist/${path.slice(6)}` : path.startsWith('/bench/') ? `.cache/bench/${path.slice(7)}` : undefined;
    try {
      if (path == '/bench/site-bundle.js') return void res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(bundle);
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
    redirectUris: ['ours', 'host', 'host-relay'].map((p) => `${origin}/${p}-callback.html`).concat(`${origin}/auth0.html`, `${origin}/oidc-client-callback.html`, `${origin}/floor.html`),
    setBroker: (b) => void (html = pages(b)),
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
