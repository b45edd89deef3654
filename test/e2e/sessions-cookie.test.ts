/**
 * Sessions at the brokers that keep a cookie session (issue 18), end to end in every engine: real
 * Auth.js and real Better Auth on this page's origin, federating to the simulated Instagram. A
 * "reload" or "another tab" is a page load of its own in an iframe (a new realm, the same cookies and
 * BroadcastChannels as a tab of the site); "the broker says so" is the broker's own session endpoint.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { LoginErrorEvent, LoginEvent, LogoutErrorEvent, LogoutEvent, SocialLogin } from '../../src/index.js';
import { accountView, buttonOf, hostFrame, hostWindow, mountWidget, realClick, realClickIn, recordEvents, signOutAuthjs, signOutBetterAuth, testEnv, until, type HostWindow } from '../helpers.js';

const env = testEnv();

interface Broker {
  name: string;
  attrs: Record<string, string>;
  /** Who the broker's own endpoint says is signed in (`null`: nobody). */
  signedIn(): Promise<string | null>;
  /** Signs this browser out at the broker, as a test's clean slate. */
  signOut(): Promise<void>;
  /** The sign-out route the widget posts to (for the fault injection). */
  signOutPath: string;
  /** The session read on load. */
  sessionPath: string;
  /** The user the simulated Instagram's default account becomes there. */
  user: { name: string; picture: boolean };
}

const BROKERS: Broker[] = [
  {
    name: 'authjs',
    attrs: { protocol: 'authjs', broker: env.authjs, 'client-id': '', connections: 'instagram:Instagram' },
    signedIn: async () => ((await (await fetch(`${env.authjs}/session`)).json()) as { user?: { id: string } } | null)?.user?.id ?? null,
    signOut: signOutAuthjs,
    signOutPath: '/api/auth/signout',
    sessionPath: '/api/auth/session',
    user: { name: 'ada.codes', picture: false },
  },
  {
    name: 'better-auth',
    attrs: { protocol: 'better-auth', broker: env.betterAuth, 'client-id': '', connections: 'instagram:Instagram' },
    signedIn: async () => ((await (await fetch(`${env.betterAuth}/get-session`)).json()) as { user: { id: string } } | null)?.user.id ?? null,
    signOut: signOutBetterAuth,
    signOutPath: '/api/better-auth/sign-out',
    sessionPath: '/api/better-auth/get-session',
    user: { name: 'Ada Lovelace', picture: true },
  },
];

const frames: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
  sessionStorage.clear();
});

/** The first event of `type` the host page heard. */
const heard = <E extends Event>(win: HostWindow, type: string) => win.hostLog.events.find((e) => e.type == type) as E | undefined;

/** Logs in on this page by the popup (a real click), and returns the element and its login. */
async function popupLogin(attrs: Record<string, string>): Promise<{ el: SocialLogin; login: LoginEvent }> {
  const el = await mountWidget(attrs);
  const events = recordEvents(el);
  const button = await until(() => el.shadowRoot!.querySelector('[part=buttons] button'), 'the buttons');
  await realClick(button);
  const outcome = await until(() => events.login[0] ?? events['login-error'][0], 'the login');
  expect(outcome.type, (outcome as LoginErrorEvent).detail?.message).to.equal('login');
  return { el, login: outcome as LoginEvent };
}

for (const broker of BROKERS) {
  describe(`sessions, protocol="${broker.name}"`, () => {
    beforeEach(() => broker.signOut());
    afterEach(() => broker.signOut());

    it('restores the session on the next page load: login with mode "session" once, result, session, and the account view (axe clean)', async () => {
      const { login } = await popupLogin(broker.attrs);
      const userId = login.detail.user.id;
      expect(await broker.signedIn()).to.equal(userId);

      const page = await hostFrame({ ...broker.attrs, 'signed-in': 'account' });
      frames.push(page);
      const restored = await until(() => heard<LoginEvent>(page.win, 'login'), 'the restored session');
      expect(restored.detail).to.include({ mode: 'session', protocol: broker.name });
      expect(restored.detail.user).to.deep.equal(login.detail.user);
      expect(restored.detail.tokens, 'no tokens: the broker keeps them').to.equal(undefined);
      expect(page.el.session).to.deep.include({ protocol: broker.name, user: login.detail.user });
      expect(page.el.session!.expiresAt, "the broker's expiry").to.be.greaterThan(Date.now() / 1000);
      expect(Object.keys(page.el.session!).sort()).to.deep.equal(['expiresAt', 'protocol', 'user']);
      expect(await page.el.result).to.equal(restored.detail);

      const view = accountView(page.el)!;
      expect(view, 'the account view').to.not.equal(undefined);
      expect(page.el.shadowRoot!.querySelector<HTMLElement>('[part=buttons]')!.hidden, 'the buttons, hidden').to.equal(true);
      expect(view.name.textContent).to.equal(`Signed in as ${broker.user.name}`);
      expect(view.signOut.textContent).to.equal('Sign out');
      expect(view.signOut.getAttribute('aria-label'), 'the button says whom it signs out').to.equal(`Sign out ${broker.user.name}`);
      expect(view.avatar.hidden, 'a picture only when the broker has one').to.equal(!broker.user.picture);
      if (broker.user.picture) expect(view.avatar.alt, 'decorative: the name says who').to.equal('');
      // axe runs in its own realm: the same view, restored on this page.
      const here = await mountWidget({ ...broker.attrs, 'signed-in': 'account' });
      await until(() => accountView(here), 'the account view on this page');
      await expect(here).to.be.accessible();

      await new Promise((r) => setTimeout(r, 300));
      expect(page.win.hostLog.events.filter((e) => e.type == 'login'), 'announced once').to.have.length(1);
    });

    it('signs out from the account view: the broker session is gone, logout {reason: "user"}, the buttons come back', async () => {
      await popupLogin(broker.attrs);
      const page = await hostFrame({ ...broker.attrs, 'signed-in': 'account' });
      frames.push(page);
      await until(() => accountView(page.el), 'the account view');
      await realClickIn(page.frame, accountView(page.el)!.signOut);
      const logout = await until(() => heard<LogoutEvent>(page.win, 'logout') ?? heard<LogoutErrorEvent>(page.win, 'logout-error'), 'the sign-out');
      expect(logout.type, (logout as LogoutErrorEvent).detail?.message).to.equal('logout');
      expect((logout as LogoutEvent).detail).to.deep.equal({ protocol: broker.name, reason: 'user' });
      expect(page.el.session).to.equal(null);
      expect(await broker.signedIn(), "the broker's own endpoint").to.equal(null);
      expect(accountView(page.el)).to.equal(undefined);
      expect(buttonOf(page.el).textContent).to.equal('Continue with Instagram');
    });

    it('a failed sign-out reports logout-error with the login-error shape and keeps the session', async () => {
      const { el, login } = await popupLogin({ ...broker.attrs, 'signed-in': 'account' });
      const events = recordEvents(el);
      await fetch(`/__fixture/fail-next?path=${encodeURIComponent(broker.signOutPath)}&status=503`, { method: 'POST' });
      let rejected: unknown;
      await el.logout().catch((err: unknown) => (rejected = err));
      expect(events['logout-error']).to.have.length(1);
      const { detail } = events['logout-error'][0] as LogoutErrorEvent;
      expect(Object.keys(detail).sort()).to.deep.equal(['code', 'error', 'message']);
      expect(detail.code).to.be.oneOf(['network_error', 'broker_error']);
      expect(rejected, 'logout() rejects with the same error').to.equal(detail.error);
      expect(events.logout).to.have.length(0);
      expect(el.session?.user).to.deep.equal(login.detail.user);
      expect(accountView(el), 'still signed in').to.not.equal(undefined);
      expect(await broker.signedIn()).to.equal(login.detail.user.id);
    });

    it('session="off" reads nothing on load (no request for the session, no event)', async () => {
      await popupLogin(broker.attrs);
      const page = await hostFrame({ ...broker.attrs, session: 'off' });
      frames.push(page);
      await new Promise((r) => setTimeout(r, 1000));
      expect(page.win.hostLog.events.map((e) => e.type)).to.deep.equal([]);
      expect(page.el.session).to.equal(null);
      const asked = page.win.performance.getEntriesByType('resource').filter((e) => e.name.includes(broker.sessionPath));
      expect(asked, 'requests for the session').to.have.length(0);
    });

    it('every tab: a login in one reaches the other (login, mode "session"); a sign-out in that other reaches the first (logout, "other-tab")', async () => {
      const page = await hostFrame(broker.attrs);
      frames.push(page);
      // The other tab has read the broker: nobody is signed in yet.
      await new Promise((r) => setTimeout(r, 500));
      expect(page.el.session).to.equal(null);

      const { el, login } = await popupLogin(broker.attrs);
      const loggedInAt = performance.now();
      const told = await until(() => heard<LoginEvent>(page.win, 'login'), 'the other tab to hear of the login', 5000);
      const toOtherTab = performance.now() - loggedInAt;
      expect(told.detail).to.include({ mode: 'session', protocol: broker.name });
      expect(told.detail.user).to.deep.equal(login.detail.user);
      expect(page.el.session?.user).to.deep.equal(login.detail.user);

      const events = recordEvents(el);
      await page.el.logout();
      const signedOutAt = performance.now();
      const ended = await until(() => events.logout[0] as LogoutEvent | undefined, 'this tab to hear of the sign-out', 5000);
      const backToFirst = performance.now() - signedOutAt;
      expect(ended.detail).to.deep.equal({ protocol: broker.name, connection: { id: 'instagram', name: 'Instagram' }, reason: 'other-tab' });
      expect(el.session).to.equal(null);
      await executeServerCommand('figures', { name: `sessions across tabs, ${broker.name}`, figures: { loginToOtherTabMs: Math.round(toOtherTab), logoutToOtherTabMs: Math.round(backToFirst) } });
    });
  });
}

describe('sessions and the back/forward cache (authjs)', () => {
  const broker = BROKERS[0]!;
  beforeEach(() => broker.signOut());
  afterEach(() => broker.signOut());

  it('a page that comes back from the cache reads the cookie session again (signed out meanwhile: logout "other-tab")', async () => {
    await popupLogin(broker.attrs);
    const host = await hostWindow(broker.attrs);
    try {
      const ready = host.page;
      const first = await until(ready, 'the host page');
      const log = first.hostLog;
      await until(() => log.events.some((e) => e.type == 'login'), 'the restored session');
      // Away to another page of the site, signed out meanwhile, then back.
      first.location.href = '/test/fixtures/probe.html';
      await until(() => {
        try {
          return first.location.pathname.endsWith('probe.html') && first.document.readyState == 'complete';
        } catch {
          return false;
        }
      }, 'the other page');
      await broker.signOut();
      first.history.back();
      const back = await until(ready, 'the page to come back');
      const restored = back.hostLog === log;
      await new Promise((r) => setTimeout(r, 1000));
      await executeServerCommand('figures', { name: 'session page back from the cache', figures: { restoredFromBackForwardCache: restored } });
      const el = back.document.querySelector('social-login') as SocialLogin;
      if (restored) {
        // The same page, as it was: it read the broker again and ended the session it showed.
        const ended = back.hostLog.events.filter((e) => e.type == 'logout') as LogoutEvent[];
        expect(ended.map((e) => e.detail.reason)).to.deep.equal(['other-tab']);
      } else {
        // Reloaded: a page load of its own, which finds nobody signed in.
        expect(back.hostLog.events.map((e) => e.type)).to.deep.equal([]);
      }
      expect(el.session).to.equal(null);
    } finally {
      host.close();
    }
  });
});
