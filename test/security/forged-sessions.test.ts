/**
 * The adversarial suite's session half (issue 18): forged session and sign-out messages, 10,000 per
 * test, from every window a hostile party could post from, on three origins (a cross-origin iframe,
 * second popups on the page's own origin and on the broker's, the page itself by `postMessage`) and, for the brokers that keep a cookie
 * session, the page itself on the session's BroadcastChannel; then forged end-session answers while
 * a real RP-Initiated Logout waits at the broker. Seeded like the login suite (`FUZZ_SEED`).
 *
 * Required: no `login`, `logout` or `logout-error` from any of it; the real sign-out still succeeds.
 *
 * Left out on purpose, as in the login suite: an OpenID Connect session told on the channel by the
 * page itself. The channel is same-origin by construction and carries no token: a script of the
 * page's own origin is the host page. A cookie session is never taken on anyone's word: a message
 * only makes the element ask the broker again, which the channel forgeries below prove.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { LoginErrorEvent, LoginEvent, SocialLogin } from '../../src/index.js';
import { accountView, closeWindows, mountWidget, realClick, recordEvents, signOutAuthjs, testEnv, until, windows } from '../helpers.js';
import { forgeSources, summary, type Tally } from './forge-sources.js';

const env = testEnv();
const TOTAL = 10_000;
const cleanup: Array<() => unknown> = [];
const { frameForger, popupForger, pageForger, channelForger, deliveries } = forgeSources(cleanup);
const SESSIONS = { sessions: true };

// Each test starts signed out at Auth.js (another file may have left a session there).
beforeEach(() => signOutAuthjs());
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
  await closeWindows(`${env.issuer}/session/end`);
  await signOutAuthjs();
});

/** Every event an element can tell about sessions, with a count per type. */
function watch(el: SocialLogin) {
  const events = recordEvents(el);
  return { events, count: () => events.login.length + events['login-error'].length + events.logout.length + events['logout-error'].length };
}

describe('adversarial session messages', () => {
  it(`${TOTAL.toLocaleString('en')} forged sessions and sign-outs change no element's session`, async function () {
    this.timeout(180_000);
    const seed = env.fuzzSeed + 300;
    // Signed in at Auth.js (a real login), signed out at Better Auth and at the OpenID Connect broker.
    const authjs = await mountWidget({ protocol: 'authjs', broker: env.authjs, 'client-id': '', connections: 'instagram:Instagram', 'signed-in': 'account' });
    const first = recordEvents(authjs);
    await realClick(await until(() => authjs.shadowRoot!.querySelector('[part=buttons] button'), 'the buttons'));
    const login = await until(() => first.login.find((e) => (e as LoginEvent).detail.mode == 'popup') ?? first['login-error'][0], 'the real login');
    expect(login.type, (login as LoginErrorEvent).detail?.message).to.equal('login');
    const signedIn = authjs.session;
    const betterAuth = await mountWidget({ protocol: 'better-auth', broker: env.betterAuth, 'client-id': '', connections: 'instagram:Instagram' });
    const oidc = await mountWidget({ connections: 'github:GitHub' });
    await new Promise((r) => setTimeout(r, 500));
    const watched = [authjs, betterAuth, oidc].map(watch);

    const delivered = deliveries();
    const state = `slp_${crypto.randomUUID()}`;
    // Second popups on the page's own origin and on the broker's.
    const tallies: Tally[] = [
      await popupForger(`${location.origin}/test/fixtures/forge/forge.html`, state, 1000, seed + 1, SESSIONS),
      await popupForger(`${env.issuer}/__forge/forge.html`, state, 1000, seed + 6, SESSIONS),
    ];
    tallies.push(
      ...(await Promise.all([
        frameForger(env.hostileOrigin, state, 3000, seed + 2, SESSIONS),
        pageForger(state, 2000, seed + 3, SESSIONS),
        channelForger(state, 1500, seed + 4, { ...SESSIONS, name: `social-login:session:${env.authjs}` }),
        channelForger(state, 1500, seed + 5, { ...SESSIONS, name: `social-login:session:${env.betterAuth}` }),
      ])),
    );
    // The cookie brokers' elements read their broker again after the channel's news: let them.
    await new Promise((r) => setTimeout(r, 1500));

    const sum = summary(tallies);
    expect(sum.sent).to.equal(TOTAL);
    expect(sum.origins).to.be.at.least(3);
    expect(delivered.count.window, JSON.stringify(delivered.count.byOrigin)).to.be.at.least(7000);
    expect(watched.map((w) => w.count()), 'events of the authjs, better-auth and oidc elements').to.deep.equal([0, 0, 0]);
    // The real session stays (its expiry may move: Auth.js rolls it at each read).
    const { expiresAt: _, ...still } = authjs.session!;
    const { expiresAt: __, ...was } = signedIn!;
    expect(still, 'the real session stays').to.deep.equal(was);
    expect(accountView(authjs)).to.not.equal(undefined);
    expect(betterAuth.session).to.equal(null);
    expect(oidc.session).to.equal(null);
    const reads = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(`${env.authjs}/session`)).length;
    await executeServerCommand('figures', { name: 'forged sessions', figures: { seed, ...sum, deliveredWindow: delivered.count.window, falseEvents: 0, authjsSessionReads: reads } });
  });

  it(`${TOTAL.toLocaleString('en')} forged end-session answers while the broker asks the user change nothing; the real sign-out succeeds`, async function () {
    this.timeout(180_000);
    const seed = env.fuzzSeed + 400;
    const el = await mountWidget({ connections: 'github:GitHub', 'signed-in': 'account' });
    const { events, count } = watch(el);
    await realClick(el.shadowRoot!.querySelector('[part=buttons] button')!);
    await until(() => events.login[0], 'the real login');
    const before = count();

    await realClick(accountView(el)!.signOut);
    await until(() => windows('find', `${env.issuer}/session/end`), 'the confirmation page');
    const { state } = (await (await fetch(`${env.issuer}/__fixture/end-session`)).json()) as { state: string };
    expect(state).to.match(/^slp_/);
    const delivered = deliveries();
    delivered.listen(`social-login:${state}`);
    // The relay's origin is the page's own: a second popup there is the right origin, the wrong window;
    // another on the broker's.
    const tallies: Tally[] = [
      await popupForger(`${location.origin}/test/fixtures/forge/forge.html`, state, 1000, seed + 1),
      await popupForger(`${env.issuer}/__forge/forge.html`, state, 1000, seed + 5),
    ];
    tallies.push(
      ...(await Promise.all([frameForger(env.hostileOrigin, state, 3000, seed + 2), pageForger(state, 3000, seed + 3), channelForger(state, 2000, seed + 4)])),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(count() - before, 'events from forgeries').to.equal(0);
    expect(el.session, 'still signed in').to.not.equal(null);

    await windows('click', `${env.issuer}/session/end`, 'button[name=logout][value=yes]');
    await until(() => events.logout[0] ?? events['logout-error'][0], 'the real sign-out', 15_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(events.logout, 'one sign-out').to.have.length(1);
    expect(events['logout-error']).to.have.length(0);
    expect(el.session).to.equal(null);
    const sum = summary(tallies);
    expect(sum.sent).to.equal(TOTAL);
    expect(sum.origins).to.be.at.least(3);
    await until(() => delivered.count.channel >= 2000, 'the channel forgeries to arrive');
    await executeServerCommand('figures', {
      name: 'forged end-session answers',
      figures: { seed, ...sum, deliveredWindow: delivered.count.window, deliveredChannel: delivered.count.channel, falseLogout: events.logout.length - 1, falseLogoutError: events['logout-error'].length },
    });
  });
});
