/**
 * Redirect mode and the popup→redirect fallback, end to end against node-oidc-provider. The host page
 * runs in an iframe (a redirect takes the whole page away), same origin as this test page, so they
 * share sessionStorage and the test can see the one entry the widget keeps.
 */
import { expect } from '@open-wc/testing';
import type { SocialLogin } from '../../src/element/social-login.js';
/** The one sessionStorage key the README documents for a redirect in flight. */
const TRANSACTION_KEY = 'social-login:transaction';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import type { HostLog } from '../fixtures/redirect-host.js';
import { COOP, HELD, SHOWN, realClick, release, releaseAll, testEnv, until, waitForHeld } from '../helpers.js';

const env = testEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type HostWindow = Window & { hostLog: HostLog };

/** The frame's window while it shows one of our pages (undefined while it is at the broker). */
function hostWindow(frame: HTMLIFrameElement): HostWindow | undefined {
  try {
    const win = frame.contentWindow as HostWindow | null;
    return win?.location.origin == location.origin && win.hostLog?.ready ? win : undefined;
  } catch {
    return undefined;
  }
}

let frames: HTMLIFrameElement[] = [];

/**
 * Loads the host page (at `url`, by default the bare redirect-uri) with a widget of these attributes
 * in a new iframe.
 */
async function host(attrs: Record<string, string> = {}, url = env.callbacks.redirectHost) {
  const frame = document.createElement('iframe');
  frame.dataset.cfg = JSON.stringify({ broker: env.issuer, 'client-id': env.clientId, mode: 'redirect', connections: `instagram:Instagram,${HELD}:Held,${COOP}:Broker page`, ...attrs });
  frame.src = url;
  frame.style.cssText = 'width:400px;height:300px';
  document.body.append(frame);
  frames.push(frame);
  const win = await until(() => hostWindow(frame), 'the host page to load');
  return { frame, win, log: win.hostLog, url: frame.src };
}

const widgetIn = (win: HostWindow) => win.document.querySelector('social-login') as SocialLogin;
const clickIn = (win: HostWindow, name: string) =>
  [...widgetIn(win).shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(name))!.click();

/**
 * The frame's window once it shows a host page other than `previous`'s (a frame keeps one Window
 * object across navigations; each page has its own log).
 */
function nextPage(frame: HTMLIFrameElement, previous?: HostLog) {
  const win = hostWindow(frame);
  return win && win.hostLog !== previous ? win : undefined;
}

/** Waits for the frame to show a new host page that heard an outcome. */
async function outcome(frame: HTMLIFrameElement, previous?: HostLog) {
  return until(() => {
    const win = nextPage(frame, previous);
    return win?.hostLog.events.some((e) => e.type == 'login' || e.type == 'login-error') ? win : undefined;
  }, 'the host page to report the outcome');
}

/** Waits for a new host page in the frame, then gives a redirect result time to arrive. */
async function settledPage(frame: HTMLIFrameElement, previous: HostLog, ms = 700) {
  const win = await until(() => nextPage(frame, previous), 'a new host page');
  await sleep(ms);
  return win;
}

const storedKeys = () => Object.keys(sessionStorage);

afterEach(async () => {
  for (const f of frames) f.remove();
  frames = [];
  await releaseAll();
  sessionStorage.clear();
});

describe('<social-login mode="redirect"> against node-oidc-provider', () => {
  it('sends the page to the broker with PKCE, state and nonce, keeping one sessionStorage entry', async () => {
    const { win } = await host();
    clickIn(win, 'Held');
    const held = await waitForHeld();
    expect(held.state).to.match(/^slr_[\w-]{43}$/);
    expect(held.params).to.include({ code_challenge_method: 'S256', response_type: 'code', connection: HELD, redirect_uri: env.callbacks.redirectHost });
    expect(held.params.nonce).to.match(/^[\w-]{43}$/);
    expect(held.params).to.not.have.property('response_mode');
    // One namespaced entry, with an expiry, holding the attempt and nothing else.
    expect(storedKeys()).to.deep.equal([TRANSACTION_KEY]);
    const tx = JSON.parse(sessionStorage.getItem(TRANSACTION_KEY)!);
    expect(Object.keys(tx).sort()).to.deep.equal(
      ['broker', 'clientId', 'connection', 'element', 'expiresAt', 'nonce', 'protocol', 'redirectUri', 'returnTo', 'state', 'verifier'].sort(),
    );
    expect(tx.state).to.equal(held.state);
    expect(tx.expiresAt).to.be.within(Date.now() + 290_000, Date.now() + 300_000);
    expect(tx.connection).to.deep.equal({ id: HELD, name: 'Held' });
    expect(tx.returnTo).to.equal(env.callbacks.redirectHost);
  });

  it('completes the login on return by itself: one login event, a result promise, a clean URL, nothing stored', async () => {
    // A redirect-uri with a query of its own: the response is stripped and the rest of the URL kept.
    const url = `${env.callbacks.redirectHost}?tab=login`;
    const { frame, win: before, log } = await host({ 'redirect-uri': url }, url);
    clickIn(before, 'Held');
    const held = await waitForHeld();
    await release(held.uid);
    const win = await outcome(frame);

    const events = win.hostLog.events;
    expect(events.map((e) => e.type)).to.deep.equal(['login']);
    const { detail } = events[0] as LoginEvent;
    expect(detail.mode).to.equal('redirect');
    expect(detail.connection).to.deep.equal({ id: HELD, name: 'Held' });
    expect(detail.user.id).to.equal('github|583231');
    expect(detail.tokens!.idToken!.split('.')).to.have.length(3);
    // Late readers get the same outcome.
    expect(await widgetIn(win).result).to.equal(detail);
    // The response came in the URL and left it; everything else of the URL stayed.
    const arrived = new URL((win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name);
    expect(arrived.searchParams.get('state')).to.equal(held.state);
    expect(arrived.searchParams.get('code')).to.be.a('string');
    expect(arrived.searchParams.get('tab')).to.equal('login');
    expect(win.location.href).to.equal(url);
    expect(storedKeys()).to.deep.equal([]);
    expect(widgetIn(win).shadowRoot!.querySelector('button')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('falls back from a blocked popup to a redirect in the same attempt', async () => {
    const { frame, win: before, log } = await host({ mode: 'popup' });
    const opened: Array<Window | null> = [];
    const open = before.open.bind(before);
    before.open = (...args: Parameters<Window['open']>) => {
      const w = open(...args);
      opened.push(w);
      return w;
    };
    // A synthetic click in a frame the user never touched: the popup blocker refuses window.open.
    clickIn(before, 'Instagram');
    const win = await outcome(frame, log);
    expect(opened).to.deep.equal([null]);
    const { detail } = win.hostLog.events[0] as LoginEvent;
    expect(detail.mode).to.equal('redirect');
    expect(detail.user.id).to.equal('instagram|17841400000000001');
    expect(storedKeys()).to.deep.equal([]);
  });

  it('comes back to the page as it was (query and all) when redirect-uri is its bare path', async () => {
    const url = `${env.callbacks.redirectHost}?view=cart&page=2`;
    const { frame, win: before, log } = await host({}, url);
    clickIn(before, 'Instagram');
    const win = await outcome(frame, log);
    expect(win.location.href).to.equal(url);
    expect(win.hostLog.events.map((e) => e.type)).to.deep.equal(['login']);
    expect(storedKeys()).to.deep.equal([]);
  });

  it('completes on the page that started it when redirect-uri is a separate callback page', async () => {
    const { frame, win: before, log } = await host({ 'redirect-uri': env.callbacks.module });
    clickIn(before, 'Instagram');
    const win = await outcome(frame, log);
    expect(win.location.pathname).to.equal(new URL(env.callbacks.redirectHost).pathname);
    expect(win.hostLog.events.map((e) => e.type)).to.deep.equal(['login']);
    expect((win.hostLog.events[0] as LoginEvent).detail.user.id).to.equal('instagram|17841400000000001');
    // The callback page handed over with location.replace: it is not in the frame's history.
    expect(new URL(win.location.href).searchParams.has('code')).to.equal(false);
    expect(storedKeys()).to.deep.equal([]);
  });

  it('never follows a return page on another origin: a tampered attempt is dropped where it lands', async () => {
    const { frame, win: before } = await host({ 'redirect-uri': env.callbacks.module });
    clickIn(before, 'Held');
    const held = await waitForHeld();
    const tx = JSON.parse(sessionStorage.getItem(TRANSACTION_KEY)!);
    sessionStorage.setItem(TRANSACTION_KEY, JSON.stringify({ ...tx, returnTo: `${env.hostileOrigin}/phish` }));
    await release(held.uid);
    const landed = await until(() => {
      try {
        const w = frame.contentWindow!;
        return w.location.pathname == new URL(env.callbacks.module).pathname && w.document.readyState == 'complete' ? w : undefined;
      } catch {
        return undefined; // at the broker
      }
    }, 'the callback page');
    await sleep(700);
    // Still ours (a cross-origin frame would throw here), on the callback page, and nothing stored.
    expect(frame.contentWindow!.location.origin).to.equal(location.origin);
    expect(landed.location.pathname).to.equal(new URL(env.callbacks.module).pathname);
    expect(storedKeys()).to.deep.equal([]);
  });

  it('is no open redirect: a crafted response link with foreign targets and state leaves the page and the pending login alone', async () => {
    const { frame: hostFrame, win: before, log } = await host({ 'redirect-uri': env.callbacks.module });
    clickIn(before, 'Held');
    const held = await waitForHeld();
    const pending = sessionStorage.getItem(TRANSACTION_KEY);
    const evil = encodeURIComponent(`${env.hostileOrigin}/phish`);
    for (const page of [env.callbacks.module, env.callbacks.redirectHost]) {
      const frame = document.createElement('iframe');
      frame.src = `${page}?state=slr_${'B'.repeat(43)}&code=x&returnTo=${evil}&redirect_uri=${evil}&callbackUrl=${evil}&next=${evil}`;
      document.body.append(frame);
      frames.push(frame);
      await until(() => frame.contentWindow!.document.readyState == 'complete' && frame.contentWindow!.location.href != 'about:blank', 'the page to load');
      await sleep(500);
      expect(frame.contentWindow!.location.origin).to.equal(location.origin);
      expect(frame.contentWindow!.location.pathname).to.equal(new URL(page).pathname);
      expect(sessionStorage.getItem(TRANSACTION_KEY), 'the pending login is untouched').to.equal(pending);
    }
    // The real response still completes the login.
    await release(held.uid);
    const win = await outcome(hostFrame, log);
    expect(win.hostLog.events.map((e) => e.type)).to.deep.equal(['login']);
  });

  it('does not log in twice on reload, nor on a replayed response URL, and says so only in a debug message', async () => {
    const { frame, win: before, log } = await host();
    clickIn(before, 'Instagram');
    const win = await outcome(frame, log);
    const responseUrl = (win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name;
    expect(responseUrl).to.contain('code=');

    win.location.reload();
    const reloaded = await settledPage(frame, win.hostLog);
    expect(reloaded.hostLog.events).to.deep.equal([]);

    frame.src = responseUrl;
    const replayed = await settledPage(frame, reloaded.hostLog);
    expect(replayed.hostLog.events).to.deep.equal([]);
    expect(replayed.hostLog.debug.join()).to.contain('Ignored a used or foreign login response');
    expect(new URL(replayed.location.href).searchParams.has('code')).to.equal(false);
    expect(storedKeys()).to.deep.equal([]);
  });

  it('drops the attempt without an event when the page is reloaded while the code is being redeemed', async () => {
    await fetch(`${env.issuer}/__fixture/token-failure?kind=delay&ms=2500`, { method: 'POST' });
    const { frame, win: before, log } = await host();
    clickIn(before, 'Instagram');
    const returned = await until(() => nextPage(frame, log), 'the page to come back from the broker');
    expect(storedKeys(), 'the transaction is deleted as it is used').to.deep.equal([]);
    returned.location.reload();
    const reloaded = await settledPage(frame, returned.hostLog, 3000);
    expect(reloaded.hostLog.events).to.deep.equal([]);
    expect(new URL(reloaded.location.href).searchParams.has('code')).to.equal(false);
  });

  it('drops an attempt abandoned at the broker when the page is loaded again', async () => {
    const { frame, win: before, log, url } = await host();
    // A broker page that shows (the Held one keeps the navigation pending, so the page would stay).
    clickIn(before, 'Broker page');
    await waitForHeld();
    expect(storedKeys()).to.deep.equal([TRANSACTION_KEY]);
    frame.src = url;
    const back = await settledPage(frame, log, 300);
    // The put-off read loads the manifest and the protocol's code before it can say so.
    await until(() => back.hostLog.debug.join().includes('abandoned'), 'the abandoned attempt to be dropped', 5000);
    expect(back.hostLog.events).to.deep.equal([]);
    expect(storedKeys()).to.deep.equal([]);
  });

  it('reports invalid_state for a response whose state is not the pending attempt\'s, and deletes the attempt', async () => {
    const { frame, win: before, log, url } = await host();
    clickIn(before, 'Held');
    await waitForHeld();
    frame.src = `${url}?code=forged-code&state=slr_${'A'.repeat(43)}`;
    const win = await outcome(frame, log);
    const [event] = win.hostLog.events as LoginErrorEvent[];
    expect(win.hostLog.events).to.have.length(1);
    expect(event!.detail).to.deep.include({ code: 'invalid_state', mode: 'redirect', connection: { id: HELD, name: 'Held' } });
    expect(new URL(win.location.href).searchParams.has('state')).to.equal(false);
    expect(storedKeys()).to.deep.equal([]);
    expect(widgetIn(win).shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('could not be verified');
    await widgetIn(win).result!.then(
      () => expect.fail('result resolved'),
      (error: Error) => expect(error.name).to.equal('InvalidStateError'),
    );
  });

  it('reports invalid_state for a response that arrives after the attempt expired', async () => {
    const { frame, win: before, log } = await host({ timeout: '1' });
    clickIn(before, 'Broker page');
    const held = await waitForHeld();
    await sleep(1200);
    await release(held.uid);
    const win = await outcome(frame, log);
    const { detail } = win.hostLog.events[0] as LoginErrorEvent;
    expect(detail.code).to.equal('invalid_state');
    expect(detail.message).to.contain('expired');
    expect(storedKeys()).to.deep.equal([]);
  });

  it('reports broker errors on return (access_denied) with mode redirect', async () => {
    const { frame, win: before, log } = await host({ connections: 'denied:Denied' });
    clickIn(before, 'Denied');
    const win = await outcome(frame, log);
    const { detail } = win.hostLog.events[0] as LoginErrorEvent;
    expect(detail).to.deep.include({ code: 'access_denied', mode: 'redirect' });
    expect(detail.message).to.contain('The user refused to log in.');
    expect(new URL(win.location.href).searchParams.has('error')).to.equal(false);
    expect(storedKeys()).to.deep.equal([]);
  });
});

describe('two tabs logging in at once', () => {
  const tabs: Window[] = [];
  afterEach(() => {
    for (const t of tabs.splice(0)) t.close();
  });

  it('keeps each tab\'s redirect login apart (sessionStorage is per tab)', async () => {
    // Each tab is a top-level window with a session storage of its own, opened by a real click. Each
    // tab uses its own broker: node-oidc-provider ties a pending login to the browser's session
    // cookie, so two logins pending at one broker in one browser would collide there, not here.
    const opener = document.createElement('button');
    opener.textContent = 'open a tab';
    opener.style.cssText = 'position:fixed;left:0;top:0;width:200px;height:40px';
    const broker = [env.issuer, env.issuer2];
    opener.onclick = () => {
      const cfg = { broker: broker[tabs.length], 'client-id': env.clientId, mode: 'redirect', connections: `${SHOWN}:Shown` };
      const tab = window.open(env.callbacks.redirectHost, JSON.stringify(cfg));
      if (tab) tabs.push(tab);
    };
    document.body.append(opener);
    try {
      await realClick(opener);
      await realClick(opener);
    } finally {
      opener.remove();
    }
    expect(tabs).to.have.length(2);
    const [a, b] = (await Promise.all(tabs.map((t) => until(() => (t as HostWindow).hostLog?.ready && (t as HostWindow), 'the tab to load')))) as HostWindow[];
    const logs = [a!.hostLog, b!.hostLog];
    clickIn(a!, 'Shown');
    clickIn(b!, 'Shown');
    const heldA = await waitForHeld(env.issuer);
    const heldB = await waitForHeld(env.issuer2);
    expect(heldA.state).to.not.equal(heldB.state);
    // Both in flight; the second tab finishes first.
    await release(heldB.uid, 'login', env.issuer2);
    await release(heldA.uid, 'login', env.issuer);
    const done = await Promise.all(
      tabs.map((t, i) =>
        until(() => {
          let log: HostLog | undefined;
          try {
            log = (t as HostWindow).hostLog;
          } catch {
            // At the broker: another origin.
          }
          return log && log !== logs[i] && log.events.length ? log : undefined;
        }, `tab ${i} to report`),
      ),
    );
    for (const [i, log] of done.entries()) {
      expect(log.events.map((e) => e.type)).to.deep.equal(['login']);
      const { detail } = log.events[0] as LoginEvent;
      expect(JSON.parse(atob(detail.tokens!.idToken!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).iss).to.equal(broker[i]);
    }
    for (const t of tabs) expect(t.sessionStorage.length).to.equal(0);
  });
});
