/**
 * The widget on strict pages: test/fixtures/strict/*.html are served with
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`
 * (web-test-runner.config.mjs), plus only `connect-src 'self' <broker>` when the broker is on another
 * origin (a page cannot call a broker its policy does not let it reach), and a `report-uri`.
 * Logins run end to end on such a page in an iframe, landing on a strict callback page too, and
 * every violation is recorded twice: by a `securitypolicyviolation` listener in the page, and by
 * the reports the browser sends for every strict document (the popup's landing page included).
 * Required: zero. A deliberate `eval` at the end proves both recorders hear a violation.
 * The distributed files are also searched for string-to-code and string-to-HTML sinks.
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import { nextConsent, testEnv, until } from '../helpers.js';

const env = testEnv();

interface StrictLog {
  violations: Array<{ directive: string; blocked: string; sample: string; source: string }>;
  events: Event[];
  ready: boolean;
}
type StrictWindow = Window & { strictLog: StrictLog; eval(code: string): unknown };

/** The frame's window while it shows a strict page whose widget is mounted. */
function strictWindow(frame: HTMLIFrameElement): StrictWindow | undefined {
  try {
    const win = frame.contentWindow as StrictWindow | null;
    return win?.location.origin == location.origin && win.strictLog?.ready ? win : undefined;
  } catch {
    return undefined;
  }
}

const reports = async (): Promise<unknown[]> => (await fetch('/__csp-report')).json();

let frames: HTMLIFrameElement[] = [];
beforeEach(() => fetch('/__csp-report', { method: 'DELETE' }));
afterEach(() => {
  for (const f of frames) f.remove();
  frames = [];
});

/** A strict page (`classic` or `module`) in an iframe with a widget of `cfg`. */
async function strictPage(page: 'classic' | 'module', cfg: Record<string, string>, connect?: string) {
  const frame = document.createElement('iframe');
  frame.dataset.cfg = JSON.stringify(cfg);
  frame.src = `/test/fixtures/strict/${page}.html${connect ? `?connect=${encodeURIComponent(connect)}` : ''}`;
  frame.style.cssText = 'width:420px;height:240px;border:0';
  document.body.prepend(frame);
  frames.push(frame);
  const win = await until(() => strictWindow(frame), 'the strict page to mount its widget');
  return { frame, win };
}

/** A real click on the first button of the widget in the frame (coordinates through the frame). */
async function clickIn(frame: HTMLIFrameElement, win: StrictWindow) {
  const el = win.document.querySelector('social-login')!;
  const button = await until(() => el.shadowRoot?.querySelector('button'), 'the widget to render its button');
  const f = frame.getBoundingClientRect();
  const b = button.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(f.left + b.left + b.width / 2), Math.round(f.top + b.top + b.height / 2)] });
}

const outcome = (win: StrictWindow) =>
  until(() => win.strictLog.events.find((e) => e.type == 'login' || e.type == 'login-error'), 'the login outcome', 15_000);

/** Zero violations heard in the page and reported by any strict document; then the canary. */
async function expectNoViolations(win: StrictWindow, name: string) {
  await new Promise((r) => setTimeout(r, 300));
  expect(win.strictLog.violations, `violations in the page: ${JSON.stringify(win.strictLog.violations)}`).to.deep.equal([]);
  expect(await reports(), 'violation reports').to.deep.equal([]);
  expect('trustedTypes' in win, 'this browser enforces Trusted Types').to.equal(true);
  // The canary: the recorders do hear a violation.
  expect(() => win.eval('1')).to.throw();
  await until(() => win.strictLog.violations.length > 0, 'the page to hear the canary violation');
  await until(async () => (await reports()).length > 0, 'the canary violation report');
  await executeServerCommand('figures', {
    name: `strict CSP, ${name}`,
    figures: { violations: 0, trustedTypesEnforced: 'trustedTypes' in win, canaryHeard: win.strictLog.violations.map((v) => v.directive) },
  });
}

describe('on a page with a strict Content-Security-Policy and Trusted Types', () => {
  const authjs = { protocol: 'authjs', broker: env.authjs, connections: 'instagram:Instagram', 'redirect-uri': env.callbacks.strict };
  for (const page of ['classic', 'module'] as const) {
    it(`logs in with Auth.js on the page's origin, ${page} script, exactly the strict policy: zero violations`, async () => {
      await nextConsent('ada.codes');
      const { frame, win } = await strictPage(page, authjs);
      await clickIn(frame, win);
      const event = await outcome(win);
      expect(event.type, (event as LoginErrorEvent).detail?.message).to.equal('login');
      expect((event as LoginEvent).detail.user.name).to.equal('ada.codes');
      await expectNoViolations(win, `authjs popup, ${page} script`);
    });
  }

  const oidc = { broker: env.issuer, 'client-id': env.clientId, connections: 'instagram:Instagram', 'redirect-uri': env.callbacks.strict };
  it('logs in with an OpenID Connect broker on another origin (connect-src names it), classic script: zero violations', async () => {
    const { frame, win } = await strictPage('classic', oidc, env.issuer);
    await clickIn(frame, win);
    const event = await outcome(win);
    expect(event.type, (event as LoginErrorEvent).detail?.message).to.equal('login');
    expect((event as LoginEvent).detail.user.id).to.equal('instagram|17841400000000001');
    await expectNoViolations(win, 'oidc popup, classic script');
  });

  it('logs in by redirect and back through the strict callback page, classic script: zero violations', async () => {
    const { frame, win: before } = await strictPage('classic', { ...oidc, mode: 'redirect' }, env.issuer);
    // The frame's window object outlives its pages: keep the first page's log itself.
    const firstLog = before.strictLog;
    await clickIn(frame, before);
    const win = await until(() => {
      const w = strictWindow(frame);
      return w && w.strictLog !== firstLog && w.strictLog.events.length ? w : undefined;
    }, 'the strict page to come back with the outcome', 15_000);
    const event = await outcome(win);
    expect(event.type, (event as LoginErrorEvent).detail?.message).to.equal('login');
    expect((event as LoginEvent).detail.mode).to.equal('redirect');
    expect(firstLog.violations).to.deep.equal([]);
    await expectNoViolations(win, 'oidc redirect, classic script');
  });
});

describe('a language pack on a strict page', () => {
  for (const page of ['classic', 'module'] as const) {
    it(`loads the ja and ar packs, ${page} script (the manifest and the pack through the Trusted Types policy): zero violations`, async () => {
      const { win } = await strictPage(page, { broker: env.issuer, 'client-id': env.clientId, connections: 'instagram:Instagram', lang: 'ja' }, env.issuer);
      const el = win.document.querySelector('social-login')!;
      const label = () => el.shadowRoot?.querySelector('[part=label]')?.textContent;
      await until(() => label() == 'Instagramでログイン', 'the Japanese label');
      el.setAttribute('lang', 'ar');
      await until(() => label() == 'المتابعة باستخدام Instagram', 'the Arabic label');
      await expectNoViolations(win, `language packs, ${page} script`);
    });
  }
});

describe('the distributed files', () => {
  it('hold no string-to-code or string-to-HTML sink', async () => {
    const files = ['social-login.min.js', 'social-login.chunks.min.js', 'social-login.oidc.min.js', 'social-login.authjs.min.js', 'social-login.authing.min.js', 'social-login.better-auth.min.js'];
    const sinks = /\beval\b|\bFunction\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write|setHTMLUnsafe|parseHTMLUnsafe|createContextualFragment|\bsrcdoc\b|setTimeout\(\s*["'`]|setInterval\(\s*["'`]|execScript|javascript:/g;
    for (const file of files) {
      const text = await (await fetch(`/dist/${file}`)).text();
      expect(text.length, file).to.be.greaterThan(300);
      expect(text.match(sinks), file).to.equal(null);
    }
  });
});
