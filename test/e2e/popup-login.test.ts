/**
 * End to end: <social-login> in a real browser logs in through a real node-oidc-provider on
 * loopback, in a real popup opened by a real click, with the popup blocker on.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { SocialLogin } from '../../src/element/social-login.js';
import type { LoginConfig } from '../../src/core/config.js';
import { sendMouse } from '@web/test-runner-commands';
import { loaded } from '../../src/core/load-protocol.js';
import { ConfigError, PopupBlockedError, type LoginErrorEvent, type LoginEvent } from '../../src/index.js';
import { isPrepared } from '../../src/protocols/oidc/ahead.js';
import { leftInStorage, buttonOf, byName, mountWidget, consumeUserActivation, realHover, spyOnNavigate, HELD, heldInteractions, realClick, recordEvents, release, releaseAll, spyOnOpen, testEnv, until, waitForHeld } from '../helpers.js';

const env = testEnv();

const widget = (attrs: Record<string, string> = {}) =>
  mountWidget({ connections: `instagram:Instagram,github:GitHub,${HELD}:Held,denied:Denied,nope:Nope`, ...attrs });

let open: ReturnType<typeof spyOnOpen>;
beforeEach(() => {
  open = spyOnOpen();
});
afterEach(async () => {
  open.restore();
  await releaseAll();
});

describe('<social-login> popup login against node-oidc-provider', () => {
  for (const mode of ['query', 'web_message'] as const) {
    it(`logs in with response-mode=${mode} and emits a typed login event`, async () => {
      const el = await widget({ 'response-mode': mode });
      const events = recordEvents(el);
      const login = oneEvent(el, 'login') as Promise<LoginEvent>;
      await realClick(byName(el, 'Instagram'));
      const { detail } = await login;

      expect(detail.connection).to.deep.equal({ id: 'instagram', name: 'Instagram' });
      expect(detail.mode).to.equal('popup');
      expect(detail.protocol).to.equal('oidc');
      // Instagram gives no email: the user has none, rather than an invented one.
      expect(detail.user).to.deep.equal({ id: 'instagram|17841400000000001', name: 'Ada Lovelace', picture: 'https://example.invalid/ada.jpg' });
      expect(detail.profile).to.include({ sub: 'instagram|17841400000000001', preferred_username: 'ada.codes' });
      expect(detail.tokens!.accessToken).to.be.a('string').and.not.empty;
      expect(detail.tokens!.idToken!.split('.')).to.have.length(3);
      expect(detail.tokens!.tokenType.toLowerCase()).to.equal('bearer');
      expect(detail.tokens!.expiresAt).to.be.greaterThan(Date.now() / 1000);

      expect(events['login-start']).to.have.length(1);
      expect(events['login-error']).to.have.length(0);
      expect(open.calls).to.have.length(1);
      await until(() => open.calls[0]!.popup!.closed, 'the popup to close');
      expect(buttonOf(el).getAttribute('aria-busy')).to.equal('false');
      // Nothing of the attempt is stored.
      expect(leftInStorage()).to.equal(0);
    });
  }

  it('remembers the connection that logged in (last-used="on"): only its id, and marks its button', async () => {
    const el = await widget({ 'last-used': 'on' });
    const key = `social-login:last-used:${env.issuer}`;
    // Read in the task of the event (other test files of this origin share localStorage): the hint is
    // stored just after the event is dispatched, so that the event does not wait for the write.
    let stored: string | null = null;
    el.addEventListener('login', () => queueMicrotask(() => (stored = localStorage.getItem(key))));
    const login = oneEvent(el, 'login');
    await realClick(byName(el, 'GitHub'));
    await login;
    expect(stored).to.equal('github');
    await el.updateComplete;
    const badge = byName(el, 'GitHub').querySelector('[part~=last-used]') as HTMLElement;
    expect(badge.hidden).to.equal(false);
    expect(badge.textContent).to.equal('Last used');
  });

  it('opens an empty popup in the click when no request is prepared for it yet, and sends it to the broker after the click', async () => {
    const sent = spyOnNavigate();
    try {
      const el = await widget();
      // The signs of intent (the pointer on the button, then its focus) prepare requests for the
      // configuration as it is...
      await realHover(byName(el, 'GitHub'));
      byName(el, 'GitHub').focus();
      // ...and then it changes (the scopes in an order nothing else here uses): nothing is prepared for
      // that, and the click brings no new sign (the pointer is there, the focus too).
      el.scope = 'openid email profile';
      await el.updateComplete;
      const login = oneEvent(el, 'login');
      await realClick(byName(el, 'GitHub'));
      // window.open ran in the click handler itself, with about:blank.
      expect(open.calls).to.have.length(1);
      expect(open.calls[0]!.url).to.equal('about:blank');
      expect(open.calls[0]!.popup).to.not.equal(null);
      expect(byName(el, 'GitHub').getAttribute('aria-busy')).to.equal('true');
      expect(byName(el, 'GitHub').textContent).to.contain('GitHub');
      const { detail } = (await login) as LoginEvent;
      expect(detail.user).to.deep.include({ id: 'github|583231', email: 'grace@example.com' });
      // The broker's URL came later, once the request was made.
      expect(sent.calls.map((c) => c.inOpen)).to.deep.equal([false]);
      expect(new URL(sent.calls[0]!.url).searchParams.get('scope')).to.equal('openid email profile');
    } finally {
      sent.restore();
    }
  });

  it('prepares again at a later sign of intent when the configuration changed after the first', async () => {
    const sent = spyOnNavigate();
    try {
      const el = await widget();
      const github = { id: 'github', name: 'GitHub' };
      await realHover(byName(el, 'GitHub'));
      await until(() => isPrepared(el.readConfig() as LoginConfig, github), 'the hover to prepare a request');
      // The scopes change (in an order nothing else here uses); the button's focus is the next sign.
      el.scope = 'email openid profile';
      await el.updateComplete;
      expect(isPrepared(el.readConfig() as LoginConfig, github), 'nothing prepared for it yet').to.equal(false);
      byName(el, 'GitHub').focus();
      await until(() => isPrepared(el.readConfig() as LoginConfig, github), 'the focus to prepare a request');
      const login = oneEvent(el, 'login');
      await realClick(byName(el, 'GitHub'));
      expect(sent.calls.map((c) => c.inOpen), 'opened at the broker, in the click').to.deep.equal([true]);
      expect(new URL(sent.calls[0]!.url).searchParams.get('scope')).to.equal('email openid profile');
      await login;
    } finally {
      sent.restore();
    }
  });

  it('opens the popup at the authorization URL in the click once intent prepared the request, with new secrets every attempt', async () => {
    const sent = spyOnNavigate();
    try {
      const el = await widget({ scope: 'openid profile email' });
      await realHover(byName(el, 'GitHub'));
      // What the hover started (discovery, then a hash): a person's click finds it done.
      await until(() => isPrepared(el.readConfig() as LoginConfig, { id: 'github', name: 'GitHub' }), 'the hover to prepare a request');
      const urls: URL[] = [];
      for (const _ of [1, 2]) {
        const login = oneEvent(el, 'login');
        await realClick(byName(el, 'GitHub'));
        const call = open.calls.at(-1)!;
        expect(call.popup, 'a popup, opened in the click').to.not.equal(null);
        const navigation = sent.calls.at(-1)!;
        expect(navigation.inOpen, 'opened at the broker, in the click').to.be.true;
        const url = new URL(navigation.url);
        expect(url.href.startsWith(`${env.issuer.replace(/\/$/, '')}/auth?`), url.href).to.equal(true);
        expect(url.searchParams.get('state')).to.match(/^slp_[\w-]{43}$/);
        expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
        expect(url.searchParams.get('scope')).to.equal('openid profile email');
        urls.push(url);
        const { detail } = (await login) as LoginEvent;
        expect(detail.user).to.deep.include({ id: 'github|583231', email: 'grace@example.com' });
        await until(() => call.popup!.closed, 'the popup to close');
      }
      expect(sent.calls, 'one navigation per attempt').to.have.length(2);
      // Taking a prepared request prepares the next one, with its own state, nonce and verifier.
      for (const param of ['state', 'nonce', 'code_challenge']) {
        expect(urls[0]!.searchParams.get(param), param).to.not.equal(urls[1]!.searchParams.get(param));
      }
    } finally {
      sent.restore();
    }
  });

  it('redeems the code and reads userinfo with CORS-simple requests (no preflight round trip)', async () => {
    // What the page sends the broker, as the Fetch standard decides whether a preflight goes first.
    const sent: Array<{ url: string; method: string; headers: string[]; type: string }> = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, method: request.method, headers: [...request.headers.keys()], type: request.headers.get('content-type') ?? '' });
      return realFetch(input, init);
    };
    try {
      const el = await widget({ scope: 'openid profile email' });
      const login = oneEvent(el, 'login');
      await realClick(byName(el, 'GitHub'));
      const { detail } = (await login) as LoginEvent;
      // The test broker keeps the email out of the ID token: it came from userinfo.
      expect(detail.user).to.deep.include({ email: 'grace@example.com' });
    } finally {
      window.fetch = realFetch;
    }
    const toBroker = sent.filter((r) => /\/(token|me)$/.test(new URL(r.url).pathname));
    expect(toBroker.map((r) => new URL(r.url).pathname)).to.deep.equal(['/token', '/me']);
    for (const r of toBroker) {
      expect(['GET', 'HEAD', 'POST'], r.url).to.include(r.method);
      expect(r.headers.filter((h) => !['accept', 'accept-language', 'content-language', 'content-type'].includes(h)), r.url).to.deep.equal([]);
      if (r.type) expect(r.type.split(';')[0], r.url).to.be.oneOf(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
    }
  });

  it('sends the connection id in connection-param and nothing secret in the URL', async () => {
    const el = await widget({ 'connection-param': 'connection' });
    await realClick(byName(el, 'Held'));
    const held = await waitForHeld();
    expect(held.connection).to.equal(HELD);
    expect(held.state).to.match(/^slp_[\w-]{43}$/);
    // Exactly these reached the broker: no verifier, no token, nothing else of the attempt.
    expect(Object.keys(held.params).sort()).to.deep.equal(
      ['client_id', 'code_challenge', 'code_challenge_method', 'connection', 'nonce', 'redirect_uri', 'response_type', 'scope', 'state', 'ui_locales'],
    );
    expect(held.params).to.include({ code_challenge_method: 'S256', response_type: 'code', redirect_uri: env.callbacks.module });
    expect(held.params.code_challenge).to.match(/^[\w-]{43}$/);
    expect(held.params.nonce).to.match(/^[\w-]{43}$/).and.not.equal(held.state.slice(4));
    const login = oneEvent(el, 'login');
    await release(held.uid);
    await login;
  });

  it('reports popup_closed within about a second when the user closes the popup', async () => {
    const el = await widget();
    const events = recordEvents(el);
    await realClick(byName(el, 'Held'));
    await waitForHeld();
    const closedAt = performance.now();
    const failed = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    open.calls[0]!.popup!.close();
    const error = await failed;
    expect(performance.now() - closedAt).to.be.lessThan(1500);
    expect(error.detail.code).to.equal('popup_closed');
    expect(error.detail.connection).to.deep.equal({ id: HELD, name: 'Held' });
    expect(error.detail.error.name).to.equal('PopupClosedError');
    expect(events.login).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('closed');
    expect(buttonOf(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('reports access_denied with the broker\'s description', async () => {
    const el = await widget();
    const error = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    await realClick(byName(el, 'Denied'));
    const { detail } = await error;
    expect(detail.code).to.equal('access_denied');
    expect(detail.message).to.contain('The user refused to log in.');
    expect(detail.error.name).to.equal('AccessDeniedError');
  });

  it('reports other broker errors as broker_error with error and description', async () => {
    const el = await widget();
    const error = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    await realClick(byName(el, 'Nope'));
    const { detail } = await error;
    expect(detail.code).to.equal('broker_error');
    expect(detail.error).to.include({ error: 'invalid_request', description: 'Unknown connection "nope".' });
  });

  it('times out after the timeout attribute, closing the popup', async () => {
    const el = await widget({ timeout: '1' });
    const error = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    await realClick(byName(el, 'Held'));
    const { detail } = await error;
    expect(detail.code).to.equal('timeout');
    expect(detail.error.name).to.equal('LoginTimeoutError');
    await until(() => open.calls[0]!.popup!.closed, 'the popup to be closed by the widget');
  });

  it('ignores forged responses from other origins and windows, then completes the real login', async () => {
    const el = await widget();
    const events = recordEvents(el);
    await realClick(byName(el, 'Held'));
    const held = await waitForHeld();
    const state = held.state;
    const forged = [
      { type: 'social-login:relay', params: { code: 'forged', state } },
      { type: 'authorization_response', response: { code: 'forged', state } },
      { type: 'social-login:relay', params: { error: 'access_denied', state } },
    ];
    // Right state, right shape, our own origin, but the page itself (not the popup) as source.
    for (const data of forged) window.postMessage(data, location.origin);
    // Right state, right shape, from a cross-origin iframe.
    const frame = document.createElement('iframe');
    frame.src = `${env.hostileOrigin}/forge.html?state=${encodeURIComponent(state)}`;
    const forgerDone = new Promise<number>((resolve) =>
      addEventListener('message', function done(e) {
        if (e.origin == env.hostileOrigin && e.data?.forger == 'done') {
          removeEventListener('message', done);
          resolve(e.data.sent);
        }
      }),
    );
    document.body.append(frame);
    expect(await forgerDone).to.equal(4);
    // The right channel name, with a wrong state inside.
    const channel = new BroadcastChannel(`social-login:${state}`);
    channel.postMessage({ type: 'social-login:relay', params: { code: 'forged', state: `${state}x` } });
    channel.close();
    await new Promise((r) => setTimeout(r, 300));
    frame.remove();

    expect(events.login).to.have.length(0);
    expect(events['login-error']).to.have.length(0);
    const login = oneEvent(el, 'login') as Promise<LoginEvent>;
    await release(held.uid);
    const { detail } = await login;
    expect(detail.user.id).to.equal('github|583231');
    expect(events['login-error']).to.have.length(0);
  });

  it('focuses the open popup on a second click instead of opening another', async () => {
    const el = await widget();
    const events = recordEvents(el);
    await realClick(byName(el, 'Held'));
    await waitForHeld();
    await realClick(byName(el, 'Held'));
    await realClick(byName(el, 'Instagram'));
    expect(open.calls).to.have.length(1);
    expect(events['login-start']).to.have.length(1);
    expect(await heldInteractions()).to.have.length(1);
    const login = oneEvent(el, 'login');
    await release((await heldInteractions())[0]!.uid);
    await login;
    expect(events.login).to.have.length(1);
  });

  it('keeps two widgets on one page apart, both in flight through the same landing page', async () => {
    const a = await widget();
    const b = await widget({ broker: env.issuer2 });
    const ea = recordEvents(a);
    const eb = recordEvents(b);
    await realClick(byName(a, 'Held'));
    const held = await waitForHeld();
    const bLogin = oneEvent(b, 'login') as Promise<LoginEvent>;
    await realClick(byName(b, 'Instagram'));
    const { detail } = await bLogin;
    expect(detail.user.id).to.equal('instagram|17841400000000001');
    expect(ea.login).to.have.length(0);
    const aLogin = oneEvent(a, 'login') as Promise<LoginEvent>;
    await release(held.uid);
    const other = await aLogin;
    expect(other.detail.user.id).to.equal('github|583231');
    expect(eb.login).to.have.length(1);
    expect(ea.login).to.have.length(1);
    expect(ea['login-error'].length + eb['login-error'].length).to.equal(0);
  });

  it('keeps the login running when the element is moved in the page', async () => {
    const el = await widget();
    const events = recordEvents(el);
    await realClick(byName(el, 'Held'));
    const held = await waitForHeld();
    const box = document.createElement('div');
    document.body.append(box);
    box.append(el);
    await new Promise((r) => setTimeout(r, 300));
    const login = oneEvent(el, 'login');
    await release(held.uid);
    await login;
    expect(events['login-error']).to.have.length(0);
    box.remove();
  });

  it('stops the attempt when the host cancels login-start', async () => {
    const el = await widget();
    const events = recordEvents(el);
    el.addEventListener('login-start', (e) => e.preventDefault());
    await realClick(byName(el, 'Instagram'));
    await new Promise((r) => setTimeout(r, 200));
    expect(events['login-start']).to.have.length(1);
    expect(open.calls).to.have.length(0);
    expect(events.login.length + events['login-error'].length).to.equal(0);
  });

  it('reports popup_blocked when the browser blocks the popup and fallback is none', async () => {
    const el = await widget({ fallback: 'none' });
    // A synthetic click carries no user gesture: the real popup blocker refuses window.open.
    consumeUserActivation();
    const error = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    byName(el, 'Instagram').click();
    const { detail } = await error;
    expect(detail.code).to.equal('popup_blocked');
    expect(detail.error).to.be.instanceOf(PopupBlockedError);
    expect(open.calls.at(-1)!.popup).to.equal(null);
  });
});

describe('<social-login> invalid configuration', () => {
  it('reports a missing client-id on click, naming the attribute, with one console warning and no popup', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await fixture<SocialLogin>(html`<social-login broker=${env.issuer} connections="instagram:Instagram"></social-login>`);
      const events = recordEvents(el);
      await realClick(buttonOf(el));
      await realClick(buttonOf(el));
      expect(open.calls).to.have.length(0);
      // Reported once the explanation of the attribute is in (src/diagnostics/): a moment after the click.
      await until(() => events['login-error'].length == 2, 'the two login-errors');
      const { detail } = events['login-error'][0] as LoginErrorEvent;
      expect(detail.code).to.equal('invalid_config');
      expect(detail.error).to.be.instanceOf(ConfigError).with.property('attribute', 'client-id');
      expect(detail.message).to.contain('client-id');
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('client-id');
    } finally {
      console.warn = warn;
    }
  });

  it('reports bad connections as soon as the element is set up', async () => {
    const el = document.createElement('social-login');
    el.setAttribute('broker', env.issuer);
    el.setAttribute('client-id', env.clientId);
    el.setAttribute('connections', 'instagram');
    const error = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    document.body.append(el);
    try {
      const { detail } = await error;
      expect(detail.code).to.equal('invalid_config');
      expect((detail.error as ConfigError).attribute).to.equal('connections');
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.not.equal('');
    } finally {
      el.remove();
    }
  });

  // The URL checks are the protocol's code's (src/protocols/shared/check-config.ts): page views do not carry them.
  it('reports a bad broker at the first sign of intent, and its click then opens no popup', async () => {
    // Authing with its connections given: nothing loads its code before the hover (no other test here uses it).
    expect(loaded.authing, 'the authing code not loaded yet').to.equal(undefined);
    // The pointer away, so that the element does not appear under it (which would count as a hover).
    await sendMouse({ type: 'move', position: [0, 0] });
    const el = await fixture<SocialLogin>(html`<social-login protocol="authing" broker="http://id.example.com" client-id="app-1" connections="instagram:Instagram"></social-login>`);
    const events = recordEvents(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(events['login-error'].map((e) => (e as LoginErrorEvent).detail.message), 'nothing before the code that checks URLs is in').to.deep.equal([]);
    await realHover(buttonOf(el));
    await until(() => events['login-error'].length == 1, 'the login-error of the hover');
    const { detail } = events['login-error'][0] as LoginErrorEvent;
    expect(detail.code).to.equal('invalid_config');
    expect((detail.error as ConfigError).attribute).to.equal('broker');
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.not.equal('');
    await realClick(buttonOf(el));
    await until(() => events['login-error'].length == 2, 'the login-error of the click');
    expect(open.calls).to.have.length(0);
  });

  it('does not report a required attribute that is not set yet', async () => {
    const el = document.createElement('social-login');
    const events = recordEvents(el);
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    el.broker = env.issuer;
    el.clientId = env.clientId;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    el.remove();
    expect(events['login-error']).to.have.length(0);
  });
});

describe('<social-login> rendering', () => {
  it('renders one accessible button per connection', async () => {
    const el = await widget({ connections: 'instagram:Instagram,github:GitHub' });
    const buttons = el.shadowRoot!.querySelectorAll('button[part=button]');
    expect([...buttons].map((b) => b.textContent!.trim())).to.deep.equal(['Continue with Instagram', 'Continue with GitHub']);
    await expect(el).to.be.accessible();
  });

  it('renders zh-CN text for lang="zh-CN" and a plain sign-in button without connections', async () => {
    const el = await fixture<SocialLogin>(html`<social-login lang="zh-CN" broker=${env.issuer} client-id="x" connections="instagram:Instagram"></social-login>`);
    expect(buttonOf(el).textContent).to.contain('使用Instagram登录');
    el.removeAttribute('connections');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(buttonOf(el).textContent!.trim()).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('accepts connections as a property array', async () => {
    const el = await widget();
    el.connections = [{ id: 'github', name: 'GitHub' }];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(1);
    expect(buttonOf(el).textContent).to.contain('GitHub');
  });
});
