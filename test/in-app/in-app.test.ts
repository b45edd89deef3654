/**
 * In-app browsers (here Instagram's, by the user agent each engine is launched with: see the `in-app`
 * group of web-test-runner.config.mjs): a popup-mode login goes straight to a redirect, without
 * `window.open`, and comes back as one; `in-app="popup"` keeps the popup. Against the real broker.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { SocialLogin } from '../../src/element/social-login.js';
import type { LoginEvent, LoginStartEvent } from '../../src/index.js';
import type { HostLog } from '../fixtures/redirect-host.js';
import { mountWidget, realClick, spyOnOpen, testEnv, until, buttonOf } from '../helpers.js';

const env = testEnv();
type HostWindow = Window & { hostLog: HostLog };

/** The host page in `frame` once it is one of ours again and ready (not while it is at the broker). */
function hostWindow(frame: HTMLIFrameElement, previous?: HostLog): HostWindow | undefined {
  try {
    const win = frame.contentWindow as HostWindow | null;
    return win?.location.origin == location.origin && win.hostLog?.ready && win.hostLog !== previous ? win : undefined;
  } catch {
    return undefined;
  }
}

let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  sessionStorage.clear();
});

describe('<social-login> in an in-app browser', () => {
  it('runs with an in-app user agent (the group launches every engine as Instagram\'s browser)', () => {
    expect(navigator.userAgent).to.contain('Instagram');
  });

  it('logs in by redirect, without a popup, when mode is popup', async () => {
    frame = document.createElement('iframe');
    // mode is left at its default, popup.
    frame.dataset.cfg = JSON.stringify({ broker: env.issuer, 'client-id': env.clientId, connections: 'instagram:Instagram' });
    frame.src = env.callbacks.redirectHost;
    frame.style.cssText = 'width:400px;height:300px';
    document.body.append(frame);
    const first = await until(() => hostWindow(frame!), 'the host page to load');
    // The frame's window object stays the same across its navigations: keep this page's log itself.
    const firstLog = first.hostLog;
    const opened: unknown[] = [];
    first.open = (...args: unknown[]) => (opened.push(args), null);
    const el = first.document.querySelector('social-login') as SocialLogin;
    await el.updateComplete;
    const start = oneEvent(el, 'login-start') as Promise<LoginStartEvent>;
    el.shadowRoot!.querySelector('button')!.click();
    expect((await start).detail.mode).to.equal('redirect');

    // The whole frame went to the broker, which logs the user in at once, and came back.
    const back = await until(() => {
      const win = hostWindow(frame!, firstLog);
      return win?.hostLog.events.some((e) => e.type == 'login' || e.type == 'login-error') ? win : undefined;
    }, 'the login to come back');
    const login = back.hostLog.events.find((e) => e.type == 'login') as LoginEvent | undefined;
    expect(login, `login, not ${back.hostLog.events.map((e) => e.type)}`).to.not.equal(undefined);
    expect(login!.detail.mode).to.equal('redirect');
    expect(login!.detail.user.id).to.equal('instagram|17841400000000001');
    expect(opened).to.have.length(0);
  });

  it('keeps the popup with in-app="popup"', async () => {
    const open = spyOnOpen();
    try {
      const el = await mountWidget({ connections: 'instagram:Instagram', 'in-app': 'popup' });
      const start = oneEvent(el, 'login-start') as Promise<LoginStartEvent>;
      const login = oneEvent(el, 'login') as Promise<LoginEvent>;
      await realClick(buttonOf(el));
      expect((await start).detail.mode).to.equal('popup');
      expect((await login).detail.mode).to.equal('popup');
      expect(open.calls).to.have.length(1);
    } finally {
      open.restore();
    }
  });
});
