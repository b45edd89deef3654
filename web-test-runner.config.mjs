// @ts-check
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { startOidcBroker } from './test/broker/oidc-broker.mjs';
import { startHostileOrigin } from './test/fixtures/hostile-origin.mjs';
import { authjsApp } from './test/broker/authjs-broker.mjs';
import { betterAuthHandler } from './test/broker/better-auth-broker.mjs';
import { startAuthingSim } from './test/authing/authing-sim.mjs';
import { startInstagramSim } from './test/upstream/instagram-sim.mjs';
import { countReporter } from './test/count-reporter.mjs';
import { windowsPlugin } from './test/commands/windows.mjs';
import { figuresPlugin } from './test/commands/figures.mjs';
import { doubleClickPlugin } from './test/commands/double-click.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** A free loopback port, for the test server whose URL the broker must know in advance. */
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });

const port = Number(process.env.WTR_PORT) || /** @type {number} */ (await freePort());
const origin = `http://localhost:${port}`;
const clientId = 'spa-test';
const callbacks = {
  module: `${origin}/test/fixtures/callback.html`,
  script: `${origin}/test/fixtures/callback-min.html`,
  relay: `${origin}/test/fixtures/callback-relay.html`,
  redirectHost: `${origin}/test/fixtures/redirect-host.html`,
  strict: `${origin}/test/fixtures/strict/callback.html`,
};
const redirectUris = [...Object.values(callbacks), `${callbacks.redirectHost}?tab=login`];
// `spa-short`'s access tokens last 3 s: its sessions expire while a test watches.
const clients = [
  { client_id: clientId, redirect_uris: redirectUris },
  { client_id: 'spa-short', redirect_uris: redirectUris, access_token_ttl: 3 },
];
const broker = await startOidcBroker({ clients });
// A second broker, for pages with two widgets in flight at once (node-oidc-provider ties a pending
// login to the browser's session, so two concurrent logins at one broker in one browser collide;
// cookies ignore ports, so it answers on another host name). It has no end-session endpoint, as
// some brokers have none.
const broker2 = await startOidcBroker({ clients, issuerHost: '127.0.0.1', endSession: false });
const hostile = await startHostileOrigin();

// Auth.js (real, @auth/express) on the test page's own origin at /api/auth, and the Authing
// simulator, both federating to the simulated Instagram, which consents at once.
const authingPort = await freePort();
const authingOrigin = `http://localhost:${authingPort}`;
const instagram = await startInstagramSim({
  autoConsent: true,
  clients: [
    { client_id: 'authjs-test', client_secret: 'authjs-test-secret', redirect_uris: [`${origin}/api/auth/callback/instagram`] },
    { client_id: 'authing-test', client_secret: 'authing-test-secret', redirect_uris: [`${authingOrigin}/connections/social/callback`] },
    { client_id: 'better-auth-test', client_secret: 'better-auth-test-secret', redirect_uris: [`${origin}/api/better-auth/callback/instagram`] },
  ],
});
const authjs = authjsApp({ instagram, clientId: 'authjs-test', clientSecret: 'authjs-test-secret' });
// Better Auth (real, better-auth 1.7 on its memory adapter) on the test page's own origin at /api/better-auth.
const betterAuth = betterAuthHandler({ baseURL: `${origin}/api/better-auth`, instagram, clientId: 'better-auth-test', clientSecret: 'better-auth-test-secret', origins: [origin] });
const authingApp = { appId: 'app-test-0001', origins: [origin], redirectUris: [...Object.values(callbacks), `${callbacks.redirectHost}?tab=login`], connections: [
  { identifier: 'instagram', displayName: 'Instagram', name: 'Instagram 登录', name_en: 'Instagram' },
  { identifier: 'instagram-members', displayName: 'Instagram (members)', loginOnly: true },
] };
const authing = await startAuthingSim({
  port: authingPort,
  apps: [authingApp],
  instagram: { ...instagram, clientId: 'authing-test', clientSecret: 'authing-test-secret' },
});

const env = {
  issuer: broker.issuer,
  issuer2: broker2.issuer,
  clientId,
  callbacks,
  hostileOrigin: hostile.origin,
  version,
  authjs: `${origin}/api/auth`,
  betterAuth: `${origin}/api/better-auth`,
  authing: { host: authing.origin, appId: authingApp.appId },
  instagram: instagram.origin,
  // The adversarial suite's seed: random per run, printed with its figures; FUZZ_SEED replays one.
  fuzzSeed: Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 30),
};

// Browsers keep their profiles and caches inside the project, not in the user's home.
const home = new URL('./.cache/browsers/', import.meta.url).pathname;
mkdirSync(home, { recursive: true });
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = `${home}config`;
process.env.XDG_CACHE_HOME = `${home}cache`;
process.env.MOZ_REMOTE_SETTINGS_DEVTOOLS = '1';

const quiet = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Middleware for the strict pages (test/fixtures/strict/*.html): each is served with issue 5's
 * policy, plus `connect-src 'self' <origin>` when its `?connect=` names a broker's origin, and a
 * `report-uri`. `/__csp-report` keeps the reports per browser (User-Agent): POST adds, GET lists,
 * DELETE clears.
 */
function strictPages() {
  const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
  /** @type {Map<string, unknown[]>} */
  const reports = new Map();
  return async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
    if (ctx.path == '/__csp-report') {
      const agent = String(ctx.get('user-agent'));
      if (ctx.method == 'POST') {
        let body = '';
        for await (const chunk of ctx.req) body += chunk;
        const list = reports.get(agent) ?? [];
        list.push(JSON.parse(body || '{}')['csp-report'] ?? body);
        reports.set(agent, list);
        ctx.status = 204;
      } else if (ctx.method == 'DELETE') {
        reports.delete(agent);
        ctx.status = 204;
      } else ctx.body = reports.get(agent) ?? [];
      return;
    }
    if (!/^\/test\/fixtures\/strict\/[\w-]+\.html$/.test(ctx.path)) return next();
    await next();
    const connect = String(ctx.query.connect ?? '');
    const extra = connect && new URL(connect).origin === connect ? `; connect-src 'self' ${connect}` : '';
    ctx.set('content-security-policy', `${POLICY}${extra}; report-uri /__csp-report`);
  };
}

/** Fault injection for the brokers on the test page's origin (Auth.js, Better Auth), per browser (User-Agent). */
function failNext() {
  /** @type {Map<string, { path: string, status: number }>} */
  const armed = new Map();
  return async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
    const agent = String(ctx.get('user-agent'));
    if (ctx.path == '/__fixture/fail-next' && ctx.method == 'POST') {
      armed.set(agent, { path: String(ctx.query.path), status: Number(ctx.query.status ?? 503) });
      ctx.status = 204;
      return;
    }
    const fault = armed.get(agent);
    if (!fault || ctx.path != fault.path) return next();
    armed.delete(agent);
    ctx.status = fault.status;
    ctx.body = { error: 'simulated_outage', message: 'The test armed a failure here.' };
  };
}

const browsers = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',');

/**
 * Chromium runs windowed, on a virtual X display this config starts: headless Chromium reports every
 * window as focused, and focus is what tells a popup the user closed from one that COOP cut off
 * (Firefox models focus in headless mode too).
 */
async function startVirtualDisplay() {
  if (process.env.DISPLAY || !(browsers.includes('chromium') || browsers.includes('webkit'))) return undefined;
  if (!existsSync('/usr/bin/Xvfb')) {
    throw new Error('Chromium and WebKit tests need a display (real window focus; WebKitGTK has no headless mode): install Xvfb (apt-get install xvfb) or set DISPLAY.');
  }
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3]?.on('data', (d) => (out += d) && out.includes('\n') && resolve(out.trim()));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  process.env.DISPLAY = `:${display}`;
  process.on('exit', () => xvfb.kill());
  if (browsers.includes('webkit')) await startWindowManager();
  return xvfb;
}

/**
 * WebKitGTK leaves window focus to the window manager: on a bare X display a new popup does not take
 * focus and closing it hands none back (only where the X pointer happens to rest decides), and the
 * windows command (test/commands/windows.mjs) activates windows through one. openbox, as on a
 * desktop, focuses each new window and gives focus back to the previous one when a window closes.
 */
async function startWindowManager() {
  if (!existsSync('/usr/bin/openbox') || !existsSync('/usr/bin/xdotool')) {
    throw new Error('WebKit tests need a window manager for real window focus: apt-get install openbox xdotool.');
  }
  const wm = spawn('/usr/bin/openbox', ['--sm-disable'], { stdio: 'ignore' });
  process.on('exit', () => wm.kill());
  // Up once it answers for the EWMH desktops.
  for (let i = 0; spawnSync('/usr/bin/xdotool', ['get_num_desktops'], { stdio: 'ignore' }).status !== 0; i++) {
    if (wm.exitCode !== null || i > 50) throw new Error(`openbox did not start (exit code ${wm.exitCode}).`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const xvfb = await startVirtualDisplay();

/**
 * WebKit (WebKitGTK's MiniBrowser, Safari's engine) through WebKitWebDriver (Debian's
 * webkit2gtk-driver), on a free port of this config's display. One session per driver process: the
 * webdriver launcher keeps one session for the whole run (concurrency 1).
 */
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
async function startWebKitDriver() {
  if (!browsers.includes('webkit')) return undefined;
  if (!existsSync('/usr/bin/WebKitWebDriver') || !existsSync(MINIBROWSER)) {
    throw new Error('WebKit tests need WebKitWebDriver and MiniBrowser: apt-get install webkit2gtk-driver.');
  }
  const driverPort = /** @type {number} */ (await freePort());
  const child = spawn('/usr/bin/WebKitWebDriver', [`--port=${driverPort}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.on('exit', () => child.kill());
  for (let i = 0; ; i++) {
    const ready = await fetch(`http://127.0.0.1:${driverPort}/status`).then((r) => r.json()).then((j) => j.value?.ready, () => false);
    if (ready) break;
    if (child.exitCode !== null || i > 100) throw new Error(`WebKitWebDriver did not start (exit code ${child.exitCode}).`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port: driverPort, child };
}
const webkitDrivers = [await startWebKitDriver(), await startWebKitDriver()];

/** The user agent of Instagram's in-app browser on iOS, for the `in-app` group. */
const IN_APP_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 335.0.1.20.93 (iPhone14,5; iOS 17_5; en_US; en; scale=3.00; 1170x2532; 617012035)';

/**
 * The browsers the suite runs in, each with `userAgent` when given.
 * @param {{ port: number } | undefined} webkitDriver
 * @param {string} [userAgent]
 */
function launchers(webkitDriver, userAgent) {
  return [
    browsers.includes('chromium') &&
      chromeLauncher({
        puppeteer: puppeteerCore,
        concurrency: 1,
        // Keep the popup blocker on, or a "popup blocked" test could never fail. Windowed: see above.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          headless: false,
          args: [...quiet, ...(userAgent ? [`--user-agent=${userAgent}`] : [])],
          ignoreDefaultArgs: ['--disable-popup-blocking'],
        },
      }),
    browsers.includes('firefox') &&
      chromeLauncher({
        puppeteer: puppeteerCore,
        concurrency: 1,
        launchOptions: {
          browser: 'firefox',
          executablePath: '/usr/bin/firefox-esr',
          headless: true,
          extraPrefsFirefox: {
            'dom.disable_open_during_load': true,
            'services.settings.server': 'data:,#remote-settings-dummy/v1',
            ...(userAgent && { 'general.useragent.override': userAgent }),
          },
        },
      }),
    webkitDriver &&
      webdriverLauncher({
        hostname: '127.0.0.1',
        port: webkitDriver.port,
        path: '/',
        // The windows command tries windows that may close under it; it handles those errors itself.
        logLevel: 'silent',
        capabilities: {
          browserName: 'MiniBrowser',
          // Window commands (test/commands/windows.mjs) must answer while a popup is still loading
          // (a login the broker holds): with the default strategy WebKitWebDriver waits for the load.
          pageLoadStrategy: 'none',
          // Plain WebDriver classic: webdriverio 9 otherwise asks for a BiDi socket.
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER,
            // Popup blocker on: a scripted window.open without a user gesture returns null.
            args: ['--automation', '--javascript-can-open-windows-automatically=false', ...(userAgent ? [`--user-agent=${userAgent}`] : [])],
          },
        },
      }),
  ].filter(Boolean);
}

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/in-app/**'],
  nodeResolve: true,
  port,
  hostname: 'localhost',
  concurrency: 1,
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  middleware: [
    // test/security/csp.test.ts: the strict pages' Content-Security-Policy, and their violation reports.
    strictPages(),
    // A host that self-hosts only the classic core, without its chunks (test/fixtures/lonely.html).
    async (ctx, next) => {
      if (!ctx.path.startsWith('/lonely/')) return next();
      if (ctx.path != '/lonely/social-login.min.js') return void (ctx.status = 404);
      ctx.type = 'js';
      ctx.body = readFileSync('dist/social-login.min.js');
    },
    // A site's bundle that never arrives (test/fixtures/callback-relay.html): the request stays open until the page goes.
    async (ctx, next) => {
      if (ctx.path != '/test/fixtures/never.js') return next();
      await new Promise((resolve) => ctx.req.on('close', resolve));
    },
    // The classic script's files byte for byte (the esbuild plugin would reformat them, breaking
    // their Subresource Integrity), as any static host serves them.
    async (ctx, next) => {
      if (!/^\/dist\/[\w.-]+\.min\.js$/.test(ctx.path)) return next();
      ctx.type = 'js';
      ctx.body = readFileSync(`.${ctx.path}`);
    },
    // `POST /__fixture/fail-next?path=P&status=S`: the calling browser's next request to the path P
    // (under /api/) is answered with status S (default 503) instead of reaching the broker there.
    failNext(),
    // Auth.js answers /api/auth, and Better Auth /api/better-auth, themselves (on node's request and response).
    (ctx, next) => {
      const app = ctx.path.startsWith('/api/auth/') ? authjs : ctx.path.startsWith('/api/better-auth/') ? betterAuth : undefined;
      if (!app) return next();
      ctx.respond = false;
      return new Promise((resolve) => {
        ctx.res.on('close', resolve);
        app(ctx.req, ctx.res);
      });
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', define: { __VERSION__: JSON.stringify(version) } }),
    windowsPlugin(),
    figuresPlugin(),
    doubleClickPlugin(),
    {
      name: 'stop-test-servers',
      serverStop: async () => {
        await Promise.all([broker.close(), broker2.close(), hostile.close(), instagram.close(), authing.close()]);
        for (const driver of webkitDrivers) driver?.child.kill();
        xvfb?.kill();
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
    <script>window.__TEST_ENV__ = ${JSON.stringify(env)};</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
  browsers: launchers(webkitDrivers[0]),
  // The same engines, each launched with an in-app browser's user agent (Instagram's on iOS): Chromium
  // by its --user-agent switch, Firefox by the general.useragent.override preference, WebKit by
  // MiniBrowser's --user-agent (a second WebKitWebDriver: one session per driver).
  groups: [{ name: 'in-app', files: ['test/in-app/*.test.ts'], browsers: launchers(webkitDrivers[1], IN_APP_UA) }],
};

