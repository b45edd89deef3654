/**
 * Cross-Origin-Opener-Policy: the broker's login page sends `same-origin`, which cuts the popup off
 * from the page (`popup.closed` reads true, `opener` is null on the landing page). The result must
 * still arrive, and only a popup the user really closed may end as `popup_closed`.
 * Chromium runs windowed (Xvfb) for these: headless Chromium reports every window as focused.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { SocialLogin } from '../../src/element/social-login.js';
import { DETACHED_GRACE } from '../../src/protocols/shared/closed-watch.js';
import type { LoginConfig } from '../../src/core/config.js';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import { isPrepared } from '../../src/protocols/oidc/ahead.js';
import { COOP, buttonOf, mountWidget, realClick, realHover, spyOnNavigate, recordEvents, release, releaseAll, spyOnOpen, testEnv, until, waitForHeld, windows } from '../helpers.js';

const env = testEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const widget = () => mountWidget({ connections: `${COOP}:Isolated` });

/** Clicks the button and waits until the broker's COOP page has cut the popup off. */
async function startSevered(el: SocialLogin, open: ReturnType<typeof spyOnOpen>) {
  await realClick(buttonOf(el));
  const held = await waitForHeld();
  // The proof that COOP really severed it: the page's handle reads closed while the login goes on.
  await until(() => open.calls[0]?.popup?.closed, 'the COOP page to cut the popup off');
  return held;
}

let open: ReturnType<typeof spyOnOpen>;
let cleanup: Array<() => void> = [];
beforeEach(() => {
  open = spyOnOpen();
});
afterEach(async () => {
  open.restore();
  for (const undo of cleanup.splice(0)) undo();
  await releaseAll();
  await windows('close', env.issuer);
  await windows('focus-opener');
});

describe('<social-login> with a broker that sends Cross-Origin-Opener-Policy', () => {
  // The popup sent to the broker after the click (its request was not prepared), or within it: either
  // way its landing page finds the popup's mark.
  for (const prepared of [false, true]) {
    it(`completes the login through the relay, with no popup_closed while the cut-off popup is open (${prepared ? 'a request prepared on intent' : 'nothing prepared'})`, async function () {
      // Its graces alone take 3 s, and WebDriver's window commands are slow under load (WebKit's most).
      this.timeout(40_000);
      const sent = spyOnNavigate();
      cleanup.push(() => sent.restore());
      const el = await widget();
      await realHover(buttonOf(el));
      if (prepared) await until(() => isPrepared(el.readConfig() as LoginConfig, { id: COOP, name: 'Isolated' }), 'the hover to prepare a request');
      else {
        // A configuration nothing prepared a request for (the scopes in another order), with the
        // button focused first: the click brings no new sign of intent.
        buttonOf(el).focus();
        el.scope = 'profile openid';
        await el.updateComplete;
      }
      const events = recordEvents(el);
      const held = await startSevered(el, open);
      expect(sent.calls.map((c) => c.inOpen)).to.deep.equal([prepared]);
      // Longer than every grace: a closed-looking popup that keeps focus is not reported.
      await sleep(DETACHED_GRACE + 1000);
      expect(events['login-error']).to.have.length(0);
      expect(buttonOf(el).getAttribute('aria-busy')).to.equal('true');

      const login = oneEvent(el, 'login') as Promise<LoginEvent>;
      await release(held.uid);
      const { detail } = await login;
      expect(detail.user.id).to.equal('github|583231');
      expect(events['login-error']).to.have.length(0);
      // The landing page closed the cut-off popup itself.
      await until(async () => !(await windows('find', env.callbacks.module)), 'the landing page to close its window', 20_000);
    });
  }

  it('reports popup_closed when the user closes a popup that COOP cut off', async () => {
    const el = await widget();
    const events = recordEvents(el);
    await startSevered(el, open);
    // Some time into the login: a close right at the cut (within FOCUS_WINDOW) reads as an ordinary one.
    await sleep(1000);
    const failed = oneEvent(el, 'login-error') as Promise<LoginErrorEvent>;
    const closing = performance.now();
    expect(await windows('close', env.issuer)).to.equal(true);
    // The window is gone once the command returns (which, under load, can take a while itself).
    const closed = performance.now();
    const { detail } = await failed;
    const now = performance.now();
    expect(detail.code).to.equal('popup_closed');
    expect(now - closing, 'not before the grace').to.be.at.least(DETACHED_GRACE - 300);
    expect(now - closed, 'the grace, and not much more').to.be.at.most(DETACHED_GRACE + 1500);
    expect(events.login).to.have.length(0);
    expect(buttonOf(el).getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('closed');
  });

  it('keeps waiting when the user glances back at the page and returns to the cut-off popup', async () => {
    const el = await widget();
    const events = recordEvents(el);
    const held = await startSevered(el, open);
    // A glance some time into the login (focus that comes back with the cut itself reads as a close).
    await sleep(1000);
    await windows('focus-opener');
    await until(() => document.hasFocus(), 'the page to get focus');
    await sleep(DETACHED_GRACE / 2);
    expect(await windows('focus', env.issuer)).to.equal(true);
    await until(() => !document.hasFocus(), 'the popup to take focus back');
    await sleep(DETACHED_GRACE + 500);
    expect(events['login-error']).to.have.length(0);

    const login = oneEvent(el, 'login') as Promise<LoginEvent>;
    await release(held.uid);
    await login;
    expect(events['login-error']).to.have.length(0);
  });
});
