// `npm run bench`: sizes, click→login latency, startup and steady state, in one run on this machine,
// printed as tables (and written to BENCHMARKS.md with --write). Options: --runs N (latency rounds,
// default 30), --loads N (startup loads, default 40), --sessions N (browser launches they are shared
// over, default 3), --logins N (steady state, default 50),
// --quick (3 / 5 / 5: CI's check that it runs). Exits non-zero when the steady state leaks a listener,
// timer or channel, or any login fails.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { startOidcBroker } from '../../test/broker/oidc-broker.mjs';
import { launch } from './browser.mjs';
import { measureLatency } from './latency.mjs';
import { startBenchServer } from './server.mjs';
import { measureBreakdown } from './breakdown.mjs';
import { measureSizes } from './sizes.mjs';
import { measureStartup } from './startup.mjs';
import { measureSteady } from './steady.mjs';
import { report } from './report.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const plan = { runs: option('runs', quick ? 3 : 30), loads: option('loads', quick ? 5 : 40), sessions: option('sessions', quick ? 1 : 3), logins: option('logins', quick ? 5 : 50) };

// oidc-provider's development notices are not the benchmark's output.
const warn = console.warn;
console.warn = (...a) => (String(a[0]).startsWith('oidc-provider') ? undefined : warn(...a));

const sizes = await measureSizes();
const breakdown = await measureBreakdown();
const server = await startBenchServer();
// One broker for every SDK: node-oidc-provider on Auth0's paths with Auth0's trailing-slash issuer,
// logging the user in at once (the `instagram` connection of the test broker's interaction), and
// putting the profile in the ID token as Auth0 does (so no SDK here needs a userinfo round trip).
// Its request log (wall clock, as the pages' marks) gives the segment table the authorization request's arrival.
const log = [];
const broker = await startOidcBroker({
  onRequest: (method, path) => log.push({ method, path, t: performance.timeOrigin + performance.now() }),
  clients: [{ client_id: 'bench', redirect_uris: server.redirectUris }],
  trailingSlash: true,
  idTokenProfile: true,
  routes: { authorization: '/authorize', token: '/oauth/token', userinfo: '/userinfo', jwks: '/.well-known/jwks.json' },
});
// The reference row's broker: the same, but with the profile only at userinfo (node-oidc-provider's
// default, OpenID Connect Core §5.4), so the widget makes one more round trip. It is on localhost too:
// another site would add a process swap to its popup; its cookies do not mix with the first's (each
// broker finds only its own sessions).
const userinfoBroker = await startOidcBroker({
  onRequest: (method, path) => log.push({ method, path, t: performance.timeOrigin + performance.now() }),
  clients: [{ client_id: 'bench', redirect_uris: server.redirectUris }],
});
server.setBroker({ issuer: broker.issuer, clientId: 'bench', userinfoIssuer: userinfoBroker.issuer });
const browser = await launch();
let results;
try {
  const latency = await measureLatency(browser, server.origin, { runs: plan.runs, log });
  const startup = await measureStartup(launch, server.origin, { loads: plan.loads, sessions: plan.sessions });
  const startupGaps = startup.gaps;
  const steady = await measureSteady(browser, server.origin, { logins: plan.logins });
  results = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    browser: await browser.version(),
    plan,
    sizes,
    breakdown,
    latency,
    startup,
    startupGaps,
    steady,
  };
} finally {
  await browser.close();
  await broker.close();
  await userinfoBroker.close();
  await server.close();
}

const { text, leaks } = report(results);
console.log(text);
if (args.includes('--write')) {
  writeFileSync('BENCHMARKS.md', text);
  console.log('bench: wrote BENCHMARKS.md');
}
if (leaks.length) {
  console.error(`bench: the steady state leaks: ${leaks.join(', ')}`);
  process.exit(1);
}
