/**
 * Sessions at OpenID Connect brokers (issue 18), end to end in every engine against node-oidc-provider
 * with RP-Initiated Logout (its end-session confirmation page answered as the user would, through
 * the windows command), and the Authing simulator's OpenID Connect side. The session lasts as long as
 * the page (the tokens stay in memory), reaches the site's other tabs without them, and ends by a
 * sign-out, its expiry (the access token's) or another tab.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { LoginErrorEvent, LoginEvent, LogoutErrorEvent, LogoutEvent, SocialLogin } from '../../src/index.js';
import { accountView, closeWindows, hostFrame, hostWindow, mountWidget, realClick, recordEvents, spyOnOpen, testEnv, until, windows } from '../helpers.js';

const env = testEnv();
const GITHUB = { id: 'github', name: 'GitHub' };
/** The confirmation page's "Yes, sign me out". */
const YES = 'button[name=logout][value=yes]';

/** Whether this browser is signed in at the broker, as node-oidc-provider's own session store says. */
const brokerSession = async (issuer = env.issuer) => ((await (await fetch(`${issuer}/__fixture/session`, { credentials: 'include' })).json()) as { signedIn: boolean }).signedIn;
/** The query of this browser's last end-session request at the broker. */
const endSessionQuery = async () => (await (await fetch(`${env.issuer}/__fixture/end-session`)).json()) as Record<string, string> | null;

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
  await closeWindows(`${env.issuer}/session/end`);
  sessionStorage.clear();
});

/** Logs in on this page by the popup (a real click), and returns the element, its events and its login. */
async function popupLogin(attrs: Record<string, string>) {
  const el = await mountWidget({ connections: 'github:GitHub', 'signed-in': 'account', ...attrs });
  const events = recordEvents(el);
  await realClick(el.shadowRoot!.querySelector('[part=buttons] button')!);
  const outcome = await until(() => events.login[0] ?? events['login-error'][0], 'the login');
  expect(outcome.type, (outcome as LoginErrorEvent).detail?.message).to.equal('login');
  return { el, events, login: outcome as LoginEvent };
}

/** The sign-out's outcome on `el`'s recorded events. */
const logoutOf = (events: ReturnType<typeof recordEvents>) =>
  until(() => (events.logout[0] ?? events['logout-error'][0]) as LogoutEvent | LogoutErrorEvent | undefined, 'the sign-out', 15_000);

describe('sessions, protocol="oidc"', () => {
  it('signs out in a popup opened in the click (RP-Initiated Logout): the broker asks, the user confirms, the broker session is gone', async () => {
    const open = spyOnOpen();
    cleanup.push(() => open.restore());
    const { el, events, login } = await popupLogin({});
    expect(el.session).to.deep.equal({ protocol: 'oidc', connection: GITHUB, user: login.detail.user, expiresAt: login.detail.tokens!.expiresAt });
    expect(await brokerSession(), 'signed in at the broker').to.equal(true);

    await realClick(accountView(el)!.signOut);
    // The broker's confirmation page, in the popup the click opened.
    await until(() => windows('find', `${env.issuer}/session/end`), 'the confirmation page');
    expect(events.logout, 'nothing before the user answers').to.have.length(0);
    expect(await windows('click', `${env.issuer}/session/end`, YES)).to.equal(true);

    const outcome = await logoutOf(events);
    expect(outcome.type, (outcome as LogoutErrorEvent).detail?.message).to.equal('logout');
    expect((outcome as LogoutEvent).detail).to.deep.equal({ protocol: 'oidc', connection: GITHUB, reason: 'user' });
    expect(el.session).to.equal(null);
    expect(await brokerSession(), "the broker's own session store").to.equal(false);
    const query = (await endSessionQuery())!;
    expect(query.id_token_hint, 'the login ID token as the hint').to.equal(login.detail.tokens!.idToken);
    expect(query).to.include({ client_id: env.clientId, post_logout_redirect_uri: env.callbacks.module });
    expect(query.state).to.match(/^slp_[\w-]{20,}$/);
    // The login's popup may have opened at a request prepared on intent; the sign-out's opens empty, in its click.
    expect(open.calls.length, 'one window each').to.be.at.most(2);
    expect(open.calls.at(-1)!.url, 'the sign-out window, opened in the click').to.equal('about:blank');
    await until(() => open.calls.every((c) => c.popup?.closed), 'the popups to close');
    expect(accountView(el), 'the buttons are back').to.equal(undefined);
  });

  it('a sign-out popup closed before the answer: logout-error popup_closed, still signed in', async () => {
    const { el, events, login } = await popupLogin({});
    await realClick(accountView(el)!.signOut);
    await until(() => windows('find', `${env.issuer}/session/end`), 'the confirmation page');
    await windows('close', `${env.issuer}/session/end`);
    const outcome = await logoutOf(events);
    expect(outcome.type).to.equal('logout-error');
    expect((outcome as LogoutErrorEvent).detail.code).to.equal('popup_closed');
    expect(el.session?.user).to.deep.equal(login.detail.user);
    expect(accountView(el)).to.not.equal(undefined);
    expect(await brokerSession()).to.equal(true);
  });

  it('ends when the access token expires: logout {reason: "expired"}', async () => {
    // spa-short's access tokens last 3 s.
    const { el, events, login } = await popupLogin({ 'client-id': 'spa-short' });
    const left = login.detail.tokens!.expiresAt! * 1000 - Date.now();
    expect(left).to.be.within(0, 3500);
    const ended = await until(() => events.logout[0] as LogoutEvent | undefined, 'the expiry', 8000);
    expect(ended.detail).to.deep.equal({ protocol: 'oidc', connection: GITHUB, reason: 'expired' });
    expect(el.session).to.equal(null);
    expect(accountView(el)).to.equal(undefined);
  });

  it('a broker without an end-session endpoint: the page forgets the session (detail.broker false), the popup opened in the click closes', async () => {
    const open = spyOnOpen();
    cleanup.push(() => open.restore());
    const { el, events } = await popupLogin({ broker: env.issuer2 });
    await realClick(accountView(el)!.signOut);
    const outcome = await logoutOf(events);
    expect(outcome.type, (outcome as LogoutErrorEvent).detail?.message).to.equal('logout');
    expect((outcome as LogoutEvent).detail).to.deep.equal({ protocol: 'oidc', connection: GITHUB, reason: 'user', broker: false });
    expect(el.session).to.equal(null);
    await until(() => open.calls.every((c) => c.popup?.closed), 'the popups to close');
    const discovery = (await (await fetch(`${env.issuer2}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery, 'the broker offers no way to end its session').to.not.have.property('end_session_endpoint');
  });

  it('every tab: a login reaches the others without its tokens; a sign-out reaches them too; session="off" hears neither', async () => {
    const other = await hostFrame({ broker: env.issuer, 'client-id': env.clientId, connections: 'github:GitHub' });
    const deaf = await hostFrame({ broker: env.issuer, 'client-id': env.clientId, connections: 'github:GitHub', session: 'off' });
    cleanup.push(() => other.remove(), () => deaf.remove());
    const { el, login } = await popupLogin({});

    const told = await until(() => other.win.hostLog.events.find((e) => e.type == 'login') as LoginEvent | undefined, 'the other tab to hear of the login', 5000);
    expect(told.detail).to.deep.equal({ protocol: 'oidc', connection: GITHUB, user: login.detail.user, mode: 'session', profile: {} });
    expect(other.el.session).to.deep.equal(el.session);

    await realClick(accountView(el)!.signOut);
    await until(() => windows('find', `${env.issuer}/session/end`), 'the confirmation page');
    await windows('click', `${env.issuer}/session/end`, YES);
    const ended = await until(() => other.win.hostLog.events.find((e) => e.type == 'logout') as LogoutEvent | undefined, 'the other tab to hear of the sign-out', 15_000);
    expect(ended.detail).to.deep.equal({ protocol: 'oidc', connection: GITHUB, reason: 'other-tab' });
    expect(other.el.session).to.equal(null);
    expect(deaf.win.hostLog.events.map((e) => e.type), 'session="off"').to.deep.equal([]);
  });

  it('by redirect (mode="redirect"): the page goes to the end-session endpoint and finishes the sign-out on its way back', async () => {
    // A top-level window (a frame cannot be answered through the windows command).
    const cfg = { broker: env.issuer, 'client-id': env.clientId, mode: 'redirect', connections: 'github:GitHub', 'last-used': 'off' };
    const host = await hostWindow(cfg);
    cleanup.push(() => host.close());
    const page = host.page;
    const first = await until(page, 'the host page');
    const firstLog = first.hostLog;
    const el = first.document.querySelector('social-login') as SocialLogin;
    await el.updateComplete;
    el.shadowRoot!.querySelector('button')!.click();
    const loggedIn = await until(() => {
      const w = page();
      return w && w.hostLog !== firstLog && w.hostLog.events.some((e) => e.type == 'login') ? w : undefined;
    }, 'the redirect login');
    const secondLog = loggedIn.hostLog;
    expect(await brokerSession()).to.equal(true);

    // Called outside a click: the page itself goes to the broker.
    void (loggedIn.document.querySelector('social-login') as SocialLogin).logout();
    await until(() => windows('find', `${env.issuer}/session/end`), 'the confirmation page');
    await windows('click', `${env.issuer}/session/end`, YES);
    const back = await until(() => {
      const w = page();
      return w && w.hostLog !== secondLog && w.hostLog.events.some((e) => e.type == 'logout' || e.type == 'logout-error') ? w : undefined;
    }, 'the page to come back signed out', 15_000);
    const ended = back.hostLog.events.find((e) => e.type == 'logout' || e.type == 'logout-error') as LogoutEvent;
    expect(ended.type, (ended as unknown as LogoutErrorEvent).detail?.message).to.equal('logout');
    // The session itself did not survive the trip (it lives in the page); its connection came back with the saved attempt.
    expect(ended.detail).to.deep.equal({ protocol: 'oidc', connection: GITHUB, reason: 'user' });
    expect(back.location.search, 'the state is gone from the URL').to.equal('');
    expect(await brokerSession()).to.equal(false);
    expect((await endSessionQuery())!.post_logout_redirect_uri).to.equal(env.callbacks.redirectHost);
  });
});

describe('sessions, protocol="authing"', () => {
  it("signs out through Authing's OpenID Connect end-session endpoint, in a popup (simulated Authing)", async () => {
    const attrs = { protocol: 'authing', broker: env.authing.host, 'client-id': env.authing.appId, connections: 'instagram:Instagram', 'signed-in': 'account' };
    const { el, events } = await popupLogin(attrs);
    expect(el.session?.protocol).to.equal('authing');
    await realClick(accountView(el)!.signOut);
    // Authing asks only when its OpenID Connect side has a session of this browser (a redirect login's;
    // the popup's social login is Authing's own): then the user confirms.
    const outcome = await until(
      async () => (events.logout[0] ?? events['logout-error'][0] ?? (await windows('click', `${env.authing.host}/oidc/session/end`, YES), undefined)) as LogoutEvent | LogoutErrorEvent | undefined,
      'the sign-out',
      15_000,
    );
    expect(outcome.type, (outcome as LogoutErrorEvent).detail?.message).to.equal('logout');
    expect((outcome as LogoutEvent).detail).to.deep.equal({ protocol: 'authing', connection: { id: 'instagram', name: 'Instagram' }, reason: 'user' });
    expect(el.session).to.equal(null);
    await closeWindows(`${env.authing.host}/oidc/session/end`);
  });
});
