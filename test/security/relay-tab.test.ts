/**
 * A tab that is not the attempt's popup cannot answer for it (login CSRF through the landing page's
 * relay). Any site can open a tab of its own on `redirect-uri?state=<the pending state>&…`, and the
 * host's own script on that page relays what its URL carries: the widget must take nothing from it,
 * while a popup that Cross-Origin-Opener-Policy cut off (closed-looking, `window.opener` gone) must
 * still be heard. The state is assumed known to the attacker (it travels in the authorization URL).
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { SocialLogin } from '../../src/element/social-login.js';
import type { LoginEvent } from '../../src/index.js';
import { COOP, SHOWN, buttonOf, closeWindows, mountWidget, realClick, recordEvents, release, releaseAll, spyOnOpen, testEnv, until, waitForHeld, windows } from '../helpers.js';

const env = testEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let open: ReturnType<typeof spyOnOpen>;
beforeEach(() => {
  open = spyOnOpen();
});
afterEach(async () => {
  open.restore();
  await releaseAll();
  await closeWindows(env.callbacks.module);
  await windows('close', env.issuer);
  await windows('focus-opener');
});

/** Another site's tab on the landing page, carrying `params` with the pending attempt's state. */
async function forgedTab(params: Record<string, string>) {
  expect(await windows('open', `${env.callbacks.module}?${new URLSearchParams(params)}`)).to.equal(true);
  // Its script has run (the landing page strips the response from its address) and had time to relay.
  await sleep(1500);
}

async function start(el: SocialLogin) {
  await realClick(buttonOf(el));
  return waitForHeld();
}

describe('the landing page relay and tabs that are not the popup', () => {
  for (const [what, connection] of [
    ['an ordinary popup', SHOWN],
    ['a popup that COOP cut off', COOP],
  ] as const) {
    it(`ignores a forged response with the pending state while ${what} is still at the broker, and completes the real login`, async () => {
      const el = await mountWidget({ connections: `${connection}:Instagram` });
      const events = recordEvents(el);
      const held = await start(el);
      if (connection == COOP) await until(() => open.calls[0]?.popup?.closed, 'the COOP page to cut the popup off');
      // Focus on the popup, as while the user logs in there (the cut-off popup's closed watch waits for focus).
      await windows('focus', env.issuer);

      await forgedTab({ state: held.state, error: 'access_denied' });
      await forgedTab({ state: held.state, code: 'forged-code', iss: env.issuer });
      expect(events['login-error'], 'no error from a forged tab').to.have.length(0);
      expect(events.login, 'no login from a forged tab').to.have.length(0);
      expect(buttonOf(el).getAttribute('aria-busy')).to.equal('true');

      const login = new Promise<LoginEvent>((resolve) => el.addEventListener('login', resolve as EventListener, { once: true }));
      await release(held.uid);
      expect((await login).detail.user.id).to.equal('github|583231');
      expect(events['login-error']).to.have.length(0);
    });
  }
});
