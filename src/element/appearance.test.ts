/**
 * How the element looks and reads, in real browsers: light and dark themes, layouts, brand icons and
 * custom ones, the "last used" hint, languages, and an axe check in every state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import { HELD, realClick, release, spyOnOpen, testEnv, trackResources, until as waitFor, waitForHeld } from '../../test/helpers.js';
import { STRINGS } from '../core/strings.js';
import type { SocialLogin } from './social-login.js';

// Loopback brokers need no network for rendering: each test gets its own, so localStorage keys
// (shared by the test files of this origin) never meet.
let n = 0;
const broker = () => `http://localhost:9/${Date.now()}-${++n}`;
const mount = (attrs: Record<string, string>, children = '') => {
  const holder = document.createElement('div');
  holder.innerHTML = `<social-login ${Object.entries({ broker: broker(), 'client-id': 'spa', ...attrs })
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ')}>${children}</social-login>`;
  document.body.append(holder);
  const el = holder.firstElementChild as SocialLogin;
  return el.updateComplete.then(() => el);
};
const buttons = (el: SocialLogin) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
const part = (button: HTMLElement, name: string) => button.querySelector<HTMLElement>(`[part~=${name}]`)!;
const until = async (check: () => unknown, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));

afterEach(() => {
  for (const el of document.querySelectorAll('social-login')) el.parentElement!.remove();
  document.body.style.background = '';
  document.body.style.colorScheme = '';
});

describe('<social-login> appearance', () => {
  it('is light by default on a light page, and dark with theme="dark" (contrast checked by axe in both)', async () => {
    const el = await mount({ connections: 'instagram:Instagram,github:GitHub', theme: 'light' });
    expect(getComputedStyle(buttons(el)[0]!).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
    document.body.style.background = '#0d1117';
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(buttons(el)[0]!).backgroundColor).to.equal('rgb(31, 35, 40)');
    expect(getComputedStyle(buttons(el)[0]!).color).to.equal('rgb(240, 243, 246)');
    await expect(el).to.be.accessible();
  });

  it('reads its documented defaults without adding attributes to the page\'s markup, and again once an attribute is removed', async () => {
    const el = await mount({ mode: 'redirect', theme: 'dark' });
    expect([el.protocol, el.responseMode, el.fallback, el.inApp, el.connectionParam, el.scope, el.timeout, el.layout, el.lastUsed, el.sessionMode, el.signedIn])
      .to.deep.equal(['oidc', 'query', 'redirect', 'redirect', 'connection', 'openid profile', 300, 'vertical', 'on', 'auto', 'buttons']);
    expect(el.getAttributeNames().sort()).to.deep.equal(['broker', 'client-id', 'mode', 'theme']);
    expect([el.mode, el.theme]).to.deep.equal(['redirect', 'dark']);
    el.removeAttribute('mode');
    el.removeAttribute('theme');
    await el.updateComplete;
    expect([el.mode, el.theme]).to.deep.equal(['popup', 'auto']);
    expect(getComputedStyle(el).colorScheme).to.equal('light dark');
    // A property that is set is reflected as before.
    el.layout = 'icons';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('icons');
  });

  it('follows the page\'s colour scheme with theme="auto"', async () => {
    document.body.style.colorScheme = 'dark';
    const el = await mount({ connections: 'x:X' });
    // color-scheme on the host wins over the page's; "auto" is "light dark": the user agent's preference.
    expect(getComputedStyle(el).colorScheme).to.equal('light dark');
  });

  it('lays buttons out horizontally, or as icons whose label stays the accessible name', async () => {
    const el = await mount({ connections: 'instagram:Instagram,github:GitHub', layout: 'horizontal' });
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~=buttons]')!).flexDirection).to.equal('row');
    el.layout = 'icons';
    await until(() => buttons(el).every((b) => b.querySelector('svg')), 'the brand icons');
    await el.updateComplete;
    const [first] = buttons(el);
    expect(part(first!, 'label').getBoundingClientRect().width).to.be.at.most(1);
    expect(part(first!, 'icon').getBoundingClientRect().width).to.equal(20);
    expect(first!.textContent).to.equal('Continue with Instagram');
    await expect(el).to.be.accessible();
  });

  it('shows brand icons only for known brands (by id, suffixes and aliases), and a page\'s own icon by slot', async () => {
    const el = await mount({ connections: 'google-oauth2:Google,twitter:X,corp:Corporate SSO,github:GitHub' }, '<img slot="icon-github" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
    // Each brand's icon is its own module: both must have arrived.
    await until(() => buttons(el).slice(0, 2).every((b) => part(b, 'icon').querySelector('svg')), 'the Google and X icons');
    await el.updateComplete;
    const [google, x, corp, github] = buttons(el);
    // Google's G keeps its four colours.
    expect([...part(google!, 'icon').querySelectorAll('path')].map((p) => p.getAttribute('fill'))).to.deep.equal(['#EA4335', '#FBBC05', '#34A853', '#4285F4']);
    expect(part(x!, 'icon').querySelector('path')!.getAttribute('fill')).to.equal('currentColor');
    expect(part(corp!, 'icon').hidden).to.equal(true);
    const slot = part(github!, 'icon').querySelector('slot')!;
    expect(slot.assignedElements()).to.have.length(1);
    expect(part(github!, 'icon').hidden).to.equal(false);
    expect(part(github!, 'icon').getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
    // Only the brands shown were fetched (the ES module build has one module per brand; no test here shows Discord).
    const fetched = performance.getEntriesByType('resource').map((e) => e.name);
    expect(fetched.some((u) => u.includes('/icons/brand/google'))).to.equal(true);
    expect(fetched.some((u) => u.includes('/icons/brand/discord'))).to.equal(false);
  });

  it('marks the connection used last, read after the first frame; last-used="off" forgets it', async () => {
    const b = broker();
    localStorage.setItem(`social-login:last-used:${b}`, 'github');
    const el = await mount({ broker: b, connections: 'instagram:Instagram,github:GitHub' });
    await frame();
    await el.updateComplete;
    const badge = part(buttons(el)[1]!, 'last-used');
    expect(badge.hidden).to.equal(false);
    expect(badge.textContent).to.equal('Last used');
    expect(part(buttons(el)[0]!, 'last-used').hidden).to.equal(true);
    await expect(el).to.be.accessible();
    const off = await mount({ broker: b, connections: 'instagram:Instagram,github:GitHub', 'last-used': 'off' });
    await frame();
    await off.updateComplete;
    expect(localStorage.getItem(`social-login:last-used:${b}`)).to.equal(null);
    expect(part(buttons(off)[1]!, 'last-used').hidden).to.equal(true);
  });

  it('speaks zh-CN by its own lang or the closest one, and a language added to STRINGS', async () => {
    const holder = await fixture(html`<div lang="zh-CN"><social-login broker="http://localhost:9/" client-id="spa" connections="wechat:微信"></social-login></div>`);
    const zh = holder.querySelector('social-login') as SocialLogin;
    await zh.updateComplete;
    expect(buttons(zh)[0]!.textContent).to.equal('使用微信登录');
    STRINGS.fr = { ...STRINGS.en, continueWith: 'Continuer avec {name}' };
    try {
      const fr = await mount({ connections: 'apple:Apple', lang: 'fr-CA' });
      expect(buttons(fr)[0]!.textContent).to.equal('Continuer avec Apple');
    } finally {
      delete STRINGS.fr;
    }
    // A tag that names something every object has is just an unknown language.
    const odd = await mount({ connections: 'apple:Apple', lang: 'constructor' });
    expect(buttons(odd)[0]!.textContent).to.equal('Continue with Apple');
  });

  it('renders its buttons first, and reads its configuration once that frame is painted (the other tabs\' channel opens then, a wrong attribute is reported then)', async () => {
    const tracker = trackResources();
    try {
      const errors: Event[] = [];
      const el = await mount({ connections: 'apple:Apple', mode: 'sideways' });
      el.addEventListener('login-error', (e) => errors.push(e));
      // The first render is done: the buttons, and nothing else yet.
      expect(buttons(el).map((b) => b.textContent)).to.deep.equal(['Continue with Apple']);
      expect(tracker.live().channels, 'no channel before the first frame').to.equal(0);
      const good = await mount({ connections: 'apple:Apple' });
      expect(tracker.live().channels).to.equal(0);
      await waitFor(() => tracker.live().channels, "the good element's channel to the other tabs");
      await waitFor(() => errors.length, 'the wrong attribute reported');
      expect((errors[0] as Event & { detail: { code: string } }).detail.code).to.equal('invalid_config');
      expect(tracker.live().channels, 'one channel: the wrong configuration follows no broker').to.equal(1);
      good.remove();
    } finally {
      tracker.restore();
    }
  });

  it('reports a wrong attribute once, naming it and saying what it must be (event and console)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await mount({ connections: 'apple:Apple', timeout: 'soon' });
      const event = await new Promise<Event & { detail: { code: string; message: string } }>((resolve) =>
        el.addEventListener('login-error', (e) => resolve(e as Event & { detail: { code: string; message: string } }), { once: true }),
      );
      expect(event.detail.code).to.equal('invalid_config');
      // The property is a number: the attribute "soon" reads as NaN.
      expect(event.detail.message).to.equal('Attribute "timeout": "NaN". It must be: a number of seconds above 0, up to 86400.');
      expect(warnings.filter((w) => w.includes('"timeout"'))).to.deep.equal([`<social-login> ${event.detail.message} (invalid_config)`]);
    } finally {
      console.warn = warn;
    }
  });

  it('works from the keyboard alone: Tab reaches each button with a visible focus ring, Enter and Space start a login', async () => {
    const el = await mount({ connections: 'instagram:Instagram,github:GitHub' });
    const started: string[] = [];
    // Cancelled, so no popup opens: this test is about reaching and activating the buttons.
    el.addEventListener('login-start', (e) => (e.preventDefault(), started.push(e.detail.connection.id)));
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const [first, second] = buttons(el);
    expect(el.shadowRoot!.activeElement).to.equal(first);
    expect(getComputedStyle(first!).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(second);
    await sendKeys({ press: ' ' });
    expect(started).to.deep.equal(['instagram', 'github']);
    before.remove();
  });

  it('keeps a click whose press re-renders the buttons (WebKit drops a click whose pressed node is replaced)', async () => {
    const el = await mount({ connections: 'instagram:Instagram,github:GitHub' });
    let pressed = 0;
    // A re-render in the middle of the press, as when the icons arrive or another login ends.
    el.addEventListener('mousedown', () => (pressed++, el.requestUpdate()));
    const started = new Promise<string>((resolve) =>
      el.addEventListener('login-start', (e) => (e.preventDefault(), resolve((e as CustomEvent).detail.connection.id)), { once: true }),
    );
    await realClick(buttons(el)[0]!);
    expect(pressed).to.equal(1);
    expect(await Promise.race([started, new Promise((r) => setTimeout(() => r('no click'), 2000))])).to.equal('instagram');
  });

  it('passes axe while busy and while showing an error', async () => {
    // A real login that the test broker holds, so the button stays busy.
    const env = testEnv();
    const el = await mount({ broker: env.issuer, 'client-id': env.clientId, 'redirect-uri': env.callbacks.module, connections: `${HELD}:Instagram,github:GitHub` });
    const open = spyOnOpen();
    try {
      await realClick(buttons(el)[0]!);
      await waitFor(() => buttons(el)[0]!.getAttribute('aria-busy') == 'true', 'the busy button');
      expect(buttons(el)[1]!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    } finally {
      // The broker refuses the login it holds: the popup's answer ends it (access_denied).
      await release((await waitForHeld()).uid, 'deny');
      await waitFor(() => buttons(el)[0]!.getAttribute('aria-busy') == 'false', 'the login to end').finally(() => open.restore());
    }
    el.setAttribute('timeout', 'soon');
    await until(() => el.shadowRoot!.querySelector('[part~=error]')!.textContent, 'the error');
    expect(el.shadowRoot!.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });
});
