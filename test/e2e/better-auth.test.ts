/**
 * protocol="better-auth", end to end against real Better Auth (better-auth 1.7 on its memory adapter,
 * on this page's origin at /api/better-auth) whose generic-OAuth Instagram provider federates to the
 * simulated Instagram.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { expectOneSetUpReport } from '../config-errors.js';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import {
  leftInStorage,
  loginInFrame,
  mountWidget,
  nextConsent,
  outcomeIn,
  outcomeOf,
  realClick,
  spyOnOpen,
  testEnv,
  until,
  buttonOf,
  recordEvents,
  windows,
  closeWindows,
  signOutBetterAuth,
} from '../helpers.js';

const env = testEnv();
const betterAuth = { protocol: 'better-auth', broker: env.betterAuth, 'client-id': '', connections: 'instagram:Instagram' };

/** Better Auth's session, as its own endpoint tells it (signed out: `null`). */
const session = async () => (await (await fetch(`${env.betterAuth}/get-session`, { credentials: 'include' })).json()) as { user: { id: string } } | null;

// Each test logs in from scratch (a session left by another file would be restored as a login).
beforeEach(signOutBetterAuth);
afterEach(async () => {
  await signOutBetterAuth();
  sessionStorage.clear();
});

describe('<social-login protocol="better-auth">', () => {
  it('requires connections, naming the attribute (Better Auth publishes no list of its providers)', async () => {
    const el = await mountWidget({ ...betterAuth, connections: '' });
    const failed = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    buttonOf(el).click();
    const { detail } = await failed;
    expect(detail.code).to.equal('invalid_config');
    expect(detail.error).to.have.property('attribute', 'connections');
  });

  it('reports a broker URL that may not carry a login once its code is in, which the session read loads at set-up', async () => {
    // No hover, no click: the session read (session="auto") loaded the code, whose checks refuse the URL.
    await expectOneSetUpReport({ ...betterAuth, broker: 'http://auth.example.com/api/auth' }, 'broker');
  });

  it('logs in through the popup: sign-in URL, relay, then the session; no tokens, no placeholder email', async () => {
    const open = spyOnOpen();
    try {
      const el = await mountWidget(betterAuth);
      const outcome = outcomeOf(el);
      await realClick(buttonOf(el));
      const event = await outcome;
      expect(event.type, (event as LoginErrorEvent).detail?.message).to.equal('login');
      const { detail } = event as LoginEvent;
      expect(detail).to.include({ mode: 'popup', protocol: 'better-auth' });
      expect(detail.connection).to.deep.equal({ id: 'instagram', name: 'Instagram' });
      // Better Auth's user: its own id, Instagram's name; the placeholder on .invalid is no email.
      expect(detail.user.name).to.equal('Ada Lovelace');
      expect(detail.user.id).to.equal((await session())!.user.id);
      expect(detail.user).to.not.have.property('email');
      expect(detail.tokens, 'Better Auth keeps tokens on its server').to.equal(undefined);
      expect(JSON.stringify(detail), 'no session token in the event').to.not.match(/"token"/);
      await until(() => open.calls[0]?.popup?.closed, 'the landing page to close the popup');
      expect(leftInStorage()).to.equal(0);
    } finally {
      open.restore();
    }
  });

  it('reports access_denied with Better Auth\'s description when the user cancels at Instagram', async () => {
    await nextConsent('deny');
    const el = await mountWidget(betterAuth);
    const outcome = outcomeOf(el);
    await realClick(buttonOf(el));
    const event = (await outcome) as LoginErrorEvent;
    expect(event.type).to.equal('login-error');
    expect(event.detail).to.include({ code: 'access_denied', mode: 'popup' });
    expect(event.detail.error.message).to.contain('denied');
    expect(await session(), 'no session').to.equal(null);
  });

  it('reports Better Auth\'s own refusal (an unknown provider) as broker_error with its code', async () => {
    const el = await mountWidget({ ...betterAuth, connections: 'nowhere:Nowhere' });
    const outcome = outcomeOf(el);
    await realClick(buttonOf(el));
    const event = (await outcome) as LoginErrorEvent;
    expect(event.detail.code).to.equal('broker_error');
    expect(event.detail.error).to.have.property('error', 'PROVIDER_NOT_FOUND');
  });

  it('logs in by redirect (mode="redirect") and completes on return', async () => {
    const back = await loginInFrame({ ...betterAuth, mode: 'redirect' });
    const event = outcomeIn(back) as LoginEvent;
    expect(event.type, (event as unknown as LoginErrorEvent).detail.message).to.equal('login');
    expect(event.detail).to.include({ mode: 'redirect', protocol: 'better-auth' });
    expect(event.detail.user.name).to.equal('Ada Lovelace');
    expect(back.location.search, 'state and session are gone from the URL').to.equal('');
    expect(sessionStorage.length).to.equal(0);
  });

  it('reports a refusal on the way back from a redirect', async () => {
    await nextConsent('deny');
    const back = await loginInFrame({ ...betterAuth, mode: 'redirect' });
    const event = outcomeIn(back) as LoginErrorEvent;
    expect(event.type).to.equal('login-error');
    expect(event.detail).to.include({ code: 'access_denied', mode: 'redirect' });
  });

  it('falls back to a redirect when the popup is blocked', async () => {
    const back = await loginInFrame(betterAuth, (win) => (win.open = () => null));
    const event = outcomeIn(back) as LoginEvent;
    expect(event.type).to.equal('login');
    expect(event.detail.mode).to.equal('redirect');
  });

  it('ignores forged answers with the pending state from the page, its channel and another tab, and completes the real login', async () => {
    const open = spyOnOpen();
    // The attempt's state, read off the sign-in request the widget sends (an attacker is assumed to know it).
    const realFetch = window.fetch;
    let state = '';
    window.fetch = (input, init) => {
      const m = /state=(slp_[\w-]+)/.exec(String(init?.body ?? ''));
      if (m) state = m[1]!;
      return realFetch(input, init);
    };
    try {
      await nextConsent('hold');
      const el = await mountWidget(betterAuth);
      const events = recordEvents(el);
      await realClick(buttonOf(el));
      await until(async () => ((await (await realFetch(`${env.instagram}/__fixture/held-consent`)).json()) as { held: boolean }).held, 'Instagram to hold the consent');
      expect(state, 'the state of the sign-in request').to.match(/^slp_/);
      for (const params of [{ state, session: '1' }, { state, error: 'access_denied' }] as Array<Record<string, string>>) {
        const data = { type: 'social-login:relay', params };
        window.postMessage(data, location.origin);
        new BroadcastChannel(`social-login:${state}`).postMessage(data);
        await windows('open', `${env.callbacks.module}?${new URLSearchParams(params)}`);
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect(events['login-error'], 'no error from a forgery').to.have.length(0);
      expect(events.login, 'no login from a forgery').to.have.length(0);
      const login = oneEvent(el, 'login') as Promise<LoginEvent>;
      await realFetch(`${env.instagram}/__fixture/release-consent`, { method: 'POST' });
      expect((await login).detail.protocol).to.equal('better-auth');
    } finally {
      window.fetch = realFetch;
      open.restore();
      await closeWindows(env.callbacks.module);
    }
  });
});
