/**
 * DOM clobbering: markup without script (an HTML injection, a CMS field) placed before the classic
 * script names elements after the `document` and `window` members the widget reads. Each named
 * element here used to break or hijack something: the chunks' origin (`currentScript`), the API
 * global (`SocialLogin`), the closed-popup watch (`hasFocus`), rendering (`createElement`), the
 * start-up (`readyState`, `addEventListener` on the document, `visibilityState`) and the chunks'
 * insertion (`head`). (Window's built-in members cannot be shadowed so: only names it lacks.) The widget must log in, and report a closed popup, all the same.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import { postForm } from '../../src/protocols/shared/form-post.js';
import { SHOWN, realClick, releaseAll, spyOnOpen, testEnv, until, waitForHeld, windows } from '../helpers.js';

const env = testEnv();
const evil = `${env.hostileOrigin}/evil`;

/** The injected markup: plain elements with names, no script. */
const MARKUP = [
  `<img name="currentScript" src="${evil}/currentScript.png">`,
  '<img name="SocialLogin">',
  '<img name="hasFocus">',
  '<img name="createElement">',
  '<img name="createElementNS">',
  '<img name="readyState">',
  '<img name="visibilityState">',
  '<img name="head">',
  '<img name="body">',
  '<form name="addEventListener"></form>',
].join('');

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The page's own script (not the widget) may still use the real methods.
    const script = Document.prototype.createElement.call(document, 'script') as HTMLScriptElement;
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load: run \`npm run build\` before the tests.`));
    (Object.getOwnPropertyDescriptor(Document.prototype, 'head')!.get!.call(document) as HTMLHeadElement).append(script);
  });
}

const holder = Document.prototype.createElement.call(document, 'div') as HTMLDivElement;

describe('the classic script on a page with clobbering markup', () => {
  before(async () => {
    holder.innerHTML = MARKUP;
    document.documentElement.append(holder);
    expect((document as unknown as Record<string, unknown>).currentScript, 'the markup shadows document members').to.be.instanceOf(HTMLImageElement);
    expect((document as unknown as Record<string, unknown>).addEventListener, 'the markup shadows document methods').to.be.instanceOf(HTMLFormElement);
    expect((window as unknown as Record<string, unknown>).SocialLogin, 'the markup stands in for a missing global').to.be.instanceOf(HTMLImageElement);
    await loadScript('/dist/social-login.min.js');
  });
  after(() => holder.remove());

  let open: ReturnType<typeof spyOnOpen>;
  beforeEach(() => (open = spyOnOpen()));
  afterEach(async () => {
    open.restore();
    await releaseAll();
    await windows('close', env.issuer);
    await windows('focus-opener');
    for (const el of document.querySelectorAll('social-login')) el.remove();
  });

  async function widget(connections: string) {
    const el = Document.prototype.createElement.call(document, 'social-login') as HTMLElement & { updateComplete: Promise<unknown> };
    for (const [k, v] of Object.entries({ broker: env.issuer, 'client-id': env.clientId, 'redirect-uri': env.callbacks.script, connections, 'last-used': 'off' })) el.setAttribute(k, v);
    // `document.body` is an injected image here: the page's own code reads the real one too.
    (Object.getOwnPropertyDescriptor(Document.prototype, 'body')!.get!.call(document) as HTMLElement).append(el);
    await el.updateComplete;
    return el;
  }

  it('owns window.SocialLogin, and renders its buttons', async () => {
    expect(window.SocialLogin).to.have.property('SocialLogin').that.equals(customElements.get('social-login'));
    const el = await widget('instagram:Instagram');
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Continue with Instagram');
  });

  it('logs in with its chunks from its own origin, none from the injected one', async () => {
    const el = await widget('instagram:Instagram');
    const login = Promise.race([
      oneEvent(el, 'login') as Promise<LoginEvent>,
      oneEvent(el, 'login-error').then((e) => Promise.reject(new Error(`login-error: ${(e as LoginErrorEvent).detail.message}`))),
    ]);
    await realClick(el.shadowRoot!.querySelector('button')!);
    expect((await login).detail.user.id).to.equal('instagram|17841400000000001');
    const scripts = performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /social-login\.\w+\.min\.js/.test(n));
    expect(scripts.length, 'a chunk was loaded').to.be.greaterThan(0);
    for (const url of scripts) expect(url.startsWith(`${location.origin}/dist/`), url).to.equal(true);
  });

  it('reports a popup the user closes', async () => {
    const el = await widget(`${SHOWN}:Instagram`);
    const failed = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    await realClick(el.shadowRoot!.querySelector('button')!);
    await waitForHeld();
    expect(await windows('close', env.issuer)).to.equal(true);
    const { detail } = await failed;
    expect(detail.code).to.equal('popup_closed');
    await until(() => el.shadowRoot!.querySelector('button')!.getAttribute('aria-busy') == 'false', 'the button to be usable again');
  });
});

describe('postForm on a document with clobbering markup', () => {
  it('builds and submits its form with the document\'s real methods', async () => {
    const frame = Document.prototype.createElement.call(document, 'iframe') as HTMLIFrameElement;
    (Object.getOwnPropertyDescriptor(Document.prototype, 'body')!.get!.call(document) as HTMLElement).append(frame);
    try {
      const doc = frame.contentDocument!;
      doc.body.innerHTML = '<img name="body"><img name="createElement">';
      expect((doc as unknown as Record<string, unknown>).body).to.be.instanceOf((frame.contentWindow as unknown as typeof window).HTMLImageElement);
      const landed = new Promise((resolve) => (frame.onload = resolve));
      postForm(frame.contentWindow!, `${location.origin}/test/fixtures/callback.html`, { a: '1' });
      await landed;
      expect(frame.contentWindow!.location.pathname).to.equal('/test/fixtures/callback.html');
    } finally {
      frame.remove();
    }
  });
});
