/**
 * protocol="authing", end to end against the Authing simulator (test/authing/authing-sim.mjs: the
 * wire formats of Authing Guard and authing-js-sdk, and standard OpenID Connect at {host}/oidc by
 * real node-oidc-provider, federating to the simulated Instagram).
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { AccessDeniedError, type LoginErrorEvent, type LoginEvent } from '../../src/index.js';
import { byName, loginInFrame, mountWidget, nextConsent, outcomeIn, outcomeOf, realClick, spyOnNavigate, spyOnOpen, testEnv, until } from '../helpers.js';

const env = testEnv();
const authing = { protocol: 'authing', broker: env.authing.host, 'client-id': env.authing.appId };
const listed = (el: HTMLElement) => until(() => el.shadowRoot!.querySelector('button'), "the application's connections to be listed");

describe('<social-login protocol="authing">', () => {
  it('lists the social connections of the application config by display name', async () => {
    const el = await mountWidget(authing);
    await listed(el);
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
      'Continue with Instagram',
      'Continue with Instagram (members)',
    ]);
  });

  it('logs in through the popup: the user and Authing\'s token, from Authing\'s origin and our popup only', async () => {
    const open = spyOnOpen();
    const sent = spyOnNavigate();
    try {
      const el = await mountWidget(authing);
      await listed(el);
      const outcome = outcomeOf(el);
      await realClick(byName(el, 'Instagram'));
      // The protocol's code is in (it listed the connections): the click opened the popup at the connection's URL.
      expect(sent.calls.map((c) => c.inOpen)).to.deep.equal([true]);
      expect(sent.calls[0]!.url).to.contain('/connections/social/instagram?from_guard=1&app_id=');
      const event = await outcome;
      expect(event.type, (event as LoginErrorEvent).detail?.message).to.equal('login');
      const { detail } = event as LoginEvent;
      expect(detail).to.include({ mode: 'popup', protocol: 'authing' });
      expect(detail.connection).to.deep.equal({ id: 'instagram', name: 'Instagram' });
      expect(detail.user.name).to.equal('Ada Lovelace');
      expect(detail.user.id).to.match(/^[0-9a-f]{24}$/);
      expect(detail.user).to.not.have.property('email');
      expect(detail.tokens!.idToken!.split('.')).to.have.length(3);
      expect(detail.tokens!.expiresAt).to.be.greaterThan(Date.now() / 1000);
      expect(detail.profile).to.not.have.property('token');
      await until(() => open.calls[0]?.popup?.closed, 'the popup to close');
    } finally {
      open.restore();
      sent.restore();
    }
  });

  it('shows the broker\'s refusal when a login-only connection meets an identity without an account', async () => {
    await nextConsent('new.visitor');
    const el = await mountWidget(authing);
    await listed(el);
    const outcome = outcomeOf(el);
    await realClick(byName(el, 'members'));
    const event = (await outcome) as LoginErrorEvent;
    expect(event.type).to.equal('login-error');
    expect(event.detail.code).to.equal('access_denied');
    expect(event.detail.error).to.be.instanceOf(AccessDeniedError);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('only logs in existing members');
  });

  it('ignores a look-alike result posted by another origin, and still logs in', async () => {
    const el = await mountWidget(authing);
    await listed(el);
    const outcome = outcomeOf(el);
    await realClick(byName(el, 'Instagram'));
    // The page itself (wrong origin and wrong source) posts a forged success.
    postMessage({ code: 200, message: '', data: { id: 'forged', name: 'Mallory', token: 'x.y.z' }, event: { source: 'authing', eventType: 'socialLogin' } }, '*');
    const event = (await outcome) as LoginEvent;
    expect(event.type).to.equal('login');
    expect(event.detail.user.id).to.not.equal('forged');
  });

  describe('by redirect, through Authing\'s OpenID Connect issuer ({broker}/oidc) and its hosted login page', () => {
    /** Makes the next hosted login page of this browser pick `identifier`, as the user would by a click there. */
    const pick = async (identifier: string) => void (await fetch(`${env.authing.host}/__fixture/next-pick?identifier=${identifier}`, { method: 'POST' }));
    afterEach(() => sessionStorage.clear());

    it('logs in with mode="redirect", as the popup way would: the same user, Authing\'s ID token', async () => {
      await pick('instagram');
      const back = await loginInFrame({ ...authing, mode: 'redirect', connections: 'instagram:Instagram' });
      const event = outcomeIn(back) as LoginEvent;
      expect(event.type, (event as unknown as LoginErrorEvent).detail?.message).to.equal('login');
      const { detail } = event;
      expect(detail).to.include({ mode: 'redirect', protocol: 'authing' });
      expect(detail.connection).to.deep.equal({ id: 'instagram', name: 'Instagram' });
      expect(detail.user.name).to.equal('Ada Lovelace');
      expect(detail.user.id).to.match(/^[0-9a-f]{24}$/);
      expect(detail.user).to.not.have.property('email');
      const claims = JSON.parse(atob(detail.tokens!.idToken!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
      expect(claims).to.include({ iss: `${env.authing.host}/oidc`, aud: env.authing.appId, sub: detail.user.id });
      expect(back.location.search, 'the response is gone from the URL').to.equal('');
    });

    it('logs the same Authing user in both ways', async () => {
      const open = spyOnOpen();
      let popupId: string;
      try {
        const el = await mountWidget(authing);
        await listed(el);
        const outcome = outcomeOf(el);
        await realClick(byName(el, 'Instagram'));
        popupId = ((await outcome) as LoginEvent).detail.user.id;
      } finally {
        open.restore();
      }
      await pick('instagram');
      const back = await loginInFrame({ ...authing, mode: 'redirect', connections: 'instagram:Instagram' });
      expect((outcomeIn(back) as LoginEvent).detail.user.id).to.equal(popupId);
    });

    it('refuses an identity without an account on a login-only connection, with Authing\'s words', async () => {
      await nextConsent('new.visitor');
      await pick('instagram-members');
      const back = await loginInFrame({ ...authing, mode: 'redirect', connections: 'instagram-members:Instagram (members)' });
      const event = outcomeIn(back) as LoginErrorEvent;
      expect(event.type).to.equal('login-error');
      expect(event.detail).to.include({ code: 'access_denied', mode: 'redirect' });
      expect(event.detail.error.message).to.contain('only logs in existing members');
    });

    it('falls back to it when the popup is blocked', async () => {
      await pick('instagram');
      const back = await loginInFrame({ ...authing, connections: 'instagram:Instagram' }, (win) => (win.open = () => null));
      const event = outcomeIn(back) as LoginEvent;
      expect(event.type, (event as unknown as LoginErrorEvent).detail?.message).to.equal('login');
      expect(event.detail).to.include({ mode: 'redirect', protocol: 'authing' });
    });

    it('reports popup_blocked with fallback="none"', async () => {
      const el = await mountWidget({ ...authing, connections: 'instagram:Instagram', fallback: 'none' });
      const original = window.open;
      window.open = () => null;
      try {
        const outcome = outcomeOf(el);
        byName(el, 'Instagram').click();
        const event = (await outcome) as LoginErrorEvent;
        expect(event.detail.code).to.equal('popup_blocked');
      } finally {
        window.open = original;
      }
    });
  });
});
