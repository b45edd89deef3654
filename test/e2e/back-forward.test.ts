/**
 * A redirect login abandoned at the broker with the back button, in a top-level window (frames are
 * never kept in the back/forward cache, so the redirect tests' iframes cannot show this). Whether the
 * page comes back from the cache depends on the engine (WebKit keeps it, even with an opener); each
 * way ends the attempt once: restored, with `popup_closed` ("Came back without an answer"); reloaded,
 * silently, the saved attempt dropped as abandoned. Either way nothing of it is left in storage.
 */
import { expect } from '@open-wc/testing';
import type { LoginErrorEvent } from '../../src/index.js';
import type { HostLog } from '../fixtures/redirect-host.js';
import { SHOWN, realClick, releaseAll, testEnv, until, waitForHeld, windows } from '../helpers.js';
import { executeServerCommand } from '@web/test-runner-commands';

const env = testEnv();
type HostWindow = Window & { hostLog: HostLog };

/** The window's page, once it is one of ours and ready (not while it is at the broker). */
function hostPage(win: Window): HostWindow | undefined {
  try {
    const w = win as HostWindow;
    return w.location.origin == location.origin && w.hostLog?.ready ? w : undefined;
  } catch {
    return undefined;
  }
}

let win: Window | null = null;
afterEach(async () => {
  win?.close();
  await releaseAll();
});

describe('a redirect login abandoned with the back button', () => {
  it('ends once, and leaves nothing behind, whether the page comes back from the back/forward cache or not', async () => {
    // A top-level window of this origin that hosts the widget (its attributes in the window's name).
    const cfg = { broker: env.issuer, 'client-id': env.clientId, mode: 'redirect', connections: `${SHOWN}:Instagram`, 'last-used': 'off' };
    const opener = document.createElement('button');
    opener.textContent = 'open the host window';
    opener.onclick = () => (win = window.open(env.callbacks.redirectHost, JSON.stringify(cfg), 'popup,width=500,height=500'));
    document.body.append(opener);
    await realClick(opener);
    opener.remove();
    expect(win, 'the host window').to.not.equal(null);
    const first = await until(() => hostPage(win!), 'the host page to load');
    const log = first.hostLog;
    const el = first.document.querySelector('social-login')!;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    el.shadowRoot!.querySelector('button')!.click();
    await waitForHeld();
    expect(await windows('back', env.issuer), 'the window at the broker').to.equal(true);

    const back = await until(() => hostPage(win!), 'the page to come back');
    const restored = back.hostLog === log;
    // Give a reloaded page's put-off read time to run, and a restored page's pageshow to report.
    await new Promise((r) => setTimeout(r, 1000));
    await executeServerCommand('figures', { name: 'redirect abandoned at the broker', figures: { restoredFromBackForwardCache: restored } });
    const errors = back.hostLog.events.filter((e) => e.type == 'login-error') as LoginErrorEvent[];
    if (restored) {
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['popup_closed']);
      expect(errors[0]!.detail.mode).to.equal('redirect');
    } else {
      expect(errors, 'a reloaded page reports nothing').to.have.length(0);
      expect(back.hostLog.debug.join('\n')).to.contain('Dropped an abandoned redirect login');
    }
    expect(back.hostLog.events.filter((e) => e.type == 'login')).to.have.length(0);
    expect(Object.keys(back.sessionStorage), 'the saved attempt is gone').to.deep.equal([]);
  });
});
