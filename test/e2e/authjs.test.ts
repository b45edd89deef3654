/**
 * protocol="authjs", end to end against real Auth.js (@auth/express, on this page's origin at
 * /api/auth) whose built-in Instagram provider federates to the simulated Instagram.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import { expectOneSetUpReport } from '../config-errors.js';
import { leftInStorage, loginInFrame as inFrame, signOutAuthjs, mountWidget, nextConsent, outcomeOf, realClick, spyOnOpen, testEnv, until, type HostWindow } from '../helpers.js';

const env = testEnv();
const authjs = { protocol: 'authjs', broker: env.authjs, 'client-id': '' };

/** {@link loginInFrame} with Auth.js and an Instagram button. */
const loginInFrame = (attrs: Record<string, string>, prepare?: (win: HostWindow) => void) =>
  inFrame({ ...authjs, connections: 'instagram:Instagram', ...attrs }, prepare);

// Each test logs in from scratch (a session left by another file would be restored as a login).
beforeEach(signOutAuthjs);
afterEach(async () => {
  await signOutAuthjs();
  sessionStorage.clear();
});

describe('<social-login protocol="authjs">', () => {
  it('lists the buttons from GET {broker}/providers, labelled with their name', async () => {
    const el = await mountWidget(authjs);
    await until(() => el.shadowRoot!.querySelector('button'), 'the providers to be listed');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Continue with Instagram']);
  });

  it('logs in through the popup: sign-in form, relay, then the session; no email invented', async () => {
    const open = spyOnOpen();
    try {
      const el = await mountWidget(authjs);
      const button = await until(() => el.shadowRoot!.querySelector('button'), 'the providers to be listed');
      const outcome = outcomeOf(el);
      await realClick(button);
      const event = await outcome;
      expect(event.type, (event as LoginErrorEvent).detail?.message).to.equal('login');
      const { detail } = event as LoginEvent;
      expect(detail).to.include({ mode: 'popup', protocol: 'authjs' });
      expect(detail.connection).to.deep.equal({ id: 'instagram', name: 'Instagram' });
      // Auth.js's Instagram provider: id = Instagram's app-scoped id, name = the username, no email.
      expect(detail.user).to.deep.equal({ id: '17841400000000001', name: 'ada.codes' });
      expect(detail.tokens, 'Auth.js keeps tokens on its server').to.equal(undefined);
      expect(detail.profile).to.have.property('expires');
      await until(() => open.calls[0]?.popup?.closed, 'the landing page to close the popup');
      expect(leftInStorage()).to.equal(0);
    } finally {
      open.restore();
    }
  });

  it("reports access_denied when the user cancels at Instagram (read off Auth.js's page on this origin)", async () => {
    await nextConsent('deny');
    const el = await mountWidget(authjs);
    const button = await until(() => el.shadowRoot!.querySelector('button'), 'the providers to be listed');
    const outcome = outcomeOf(el);
    await realClick(button);
    const event = (await outcome) as LoginErrorEvent;
    expect(event.type).to.equal('login-error');
    expect(event.detail).to.include({ code: 'access_denied', mode: 'popup' });
    expect(event.detail.error.message).to.contain('OAuthCallbackError');
  });

  it('reports a broker URL that may not carry a login once, when its code is in (the listing loads it at set-up)', async () => {
    // Both the element's check (with the code in) and the listing's own refuse it: one report.
    await expectOneSetUpReport({ ...authjs, broker: 'http://auth.example.com/api/auth' }, 'broker');
  });

  it('reports network_error naming the URL when Auth.js is not there', async () => {
    const el = await mountWidget({ ...authjs, broker: `${location.origin}/api/nowhere` }, false);
    const event = (await outcomeOf(el)) as LoginErrorEvent;
    expect(event.detail.code).to.be.oneOf(['network_error', 'broker_error']);
    expect(event.detail.message).to.contain('/api/nowhere/providers');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  it('logs in by redirect (mode="redirect"): the page posts the form and completes on return', async () => {
    const back = await loginInFrame({ mode: 'redirect' });
    const event = back.hostLog.events.find((e) => e.type == 'login' || e.type == 'login-error') as LoginEvent;
    expect(event.type, (event as unknown as LoginErrorEvent).detail.message).to.equal('login');
    expect(event.detail).to.include({ mode: 'redirect', protocol: 'authjs' });
    expect(event.detail.user.id).to.equal('17841400000000001');
    expect(back.location.search, 'state and session are gone from the URL').to.equal('');
    expect(sessionStorage.length).to.equal(0);
  });

  it('falls back to a redirect when the popup is blocked', async () => {
    const back = await loginInFrame({}, (win) => (win.open = () => null));
    const event = back.hostLog.events.find((e) => e.type == 'login' || e.type == 'login-error') as LoginEvent;
    expect(event.type).to.equal('login');
    expect(event.detail.mode).to.equal('redirect');
  });
});
