/**
 * The classic script (dist/social-login.min.js, built by `npm run build`): loaded by a plain
 * <script src> it defines <social-login>, exposes window.SocialLogin, and logs in end to end with
 * its own landing page.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import { realClick, spyOnOpen, testEnv, until } from '../helpers.js';

const env = testEnv();

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load: run \`npm run build\` before the tests.`));
    document.head.append(script);
  });
}

describe('dist/social-login.min.js', () => {
  before(async () => {
    await loadScript('/dist/social-login.min.js');
  });

  it('defines <social-login> and window.SocialLogin with the element, events, errors and version', () => {
    const api = window.SocialLogin;
    expect(customElements.get('social-login')).to.equal(api.SocialLogin);
    expect(api.VERSION).to.equal(env.version);
    for (const name of ['LoginEvent', 'LoginStartEvent', 'LoginErrorEvent', 'SocialLoginError', 'PopupBlockedError', 'PopupClosedError', 'LoginTimeoutError', 'AccessDeniedError', 'BrokerError', 'InvalidStateError', 'NetworkError', 'ConfigError']) {
      expect(api, name).to.have.property(name).that.is.a('function');
    }
    expect(new api.PopupBlockedError()).to.be.instanceOf(api.SocialLoginError).and.include({ code: 'popup_blocked' });
  });

  it('carries the element\'s styles as written: the build\'s CSS squeezing changes no rule', async () => {
    const { styles } = await import('../../src/element/styles.js');
    const el = document.createElement('social-login');
    el.setAttribute('broker', env.issuer);
    el.setAttribute('client-id', env.clientId);
    document.body.append(el);
    try {
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      // The browser keeps the spaces written inside values (`var(--x, 8px)`): only those may differ.
      const rules = (sheet: CSSStyleSheet) => [...sheet.cssRules].map((r) => r.cssText.replace(/,\s+/g, ','));
      const shipped = el.shadowRoot!.adoptedStyleSheets.flatMap(rules);
      expect(shipped).to.deep.equal(rules(styles));
    } finally {
      el.remove();
    }
  });

  it('loads under the published Subresource Integrity hash, and not under another', async () => {
    const integrity: Record<string, string> = await (await fetch('/dist/integrity.json')).json();
    const load = (hash: string) =>
      new Promise<boolean>((resolve) => {
        const script = document.createElement('script');
        script.src = `/dist/social-login.min.js?sri=${encodeURIComponent(hash)}`;
        script.integrity = hash;
        script.crossOrigin = 'anonymous';
        script.onload = () => resolve(true);
        script.onerror = () => resolve(false);
        document.head.append(script);
      });
    expect(integrity['social-login.min.js']).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(await load(integrity['social-login.min.js']!)).to.equal(true);
    expect(await load(`sha384-${'A'.repeat(64)}`)).to.equal(false);
  });

  it('names the file it could not load when a page self-hosts the core without its chunks', async () => {
    const frame = document.createElement('iframe');
    const error = new Promise<{ code: string; message: string }>((resolve) =>
      addEventListener('message', function on(e) {
        if (e.source != frame.contentWindow) return;
        removeEventListener('message', on);
        resolve(e.data);
      }),
    );
    frame.src = '/test/fixtures/lonely.html';
    document.body.append(frame);
    try {
      const { code, message } = await error;
      expect(code).to.equal('network_error');
      // The first file it needs is the manifest that pins the chunks.
      expect(message).to.contain(`${location.origin}/lonely/social-login.chunks.min.js`);
    } finally {
      frame.remove();
    }
  });

  it('does not throw or redefine when loaded a second time', async () => {
    const first = window.SocialLogin;
    const errors: ErrorEvent[] = [];
    const onError = (e: ErrorEvent) => errors.push(e);
    addEventListener('error', onError);
    await loadScript('/dist/social-login.min.js?again');
    removeEventListener('error', onError);
    expect(errors).to.have.length(0);
    expect(window.SocialLogin).to.equal(first);
    expect(customElements.get('social-login')).to.equal(first.SocialLogin);
  });

  for (const [landing, what] of [
    ['script', 'with the classic script on the landing page too'],
    ['relay', 'when the landing page runs the relay script first, ahead of a site bundle that never arrives'],
  ] as const) {
    it(`logs in through the popup ${what}`, async () => {
      const open = spyOnOpen();
      const el = document.createElement('social-login');
      el.setAttribute('broker', env.issuer);
      el.setAttribute('client-id', env.clientId);
      el.setAttribute('redirect-uri', env.callbacks[landing]);
      el.setAttribute('connections', 'instagram:Instagram');
      document.body.append(el);
      try {
        await el.updateComplete;
        const login = Promise.race([
          oneEvent(el, 'login') as Promise<LoginEvent>,
          oneEvent(el, 'login-error').then((e) => Promise.reject(new Error(`login-error: ${(e as LoginErrorEvent).detail.message}`))),
        ]);
        await realClick(el.shadowRoot!.querySelector('button')!);
        const { detail } = await login;
        expect(detail.user.id).to.equal('instagram|17841400000000001');
        expect(detail.tokens!.idToken).to.be.a('string');
        await until(() => open.calls[0]?.popup?.closed, 'the popup to close');
      } finally {
        open.restore();
        el.remove();
      }
    });
  }
});
