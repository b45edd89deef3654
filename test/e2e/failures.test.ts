/**
 * Every way a popup login can fail ends in exactly one typed outcome, end to end against the real
 * broker: one `login-error` with the right code (or none, when the host cancelled), the error in the
 * live region, the button usable again, and nothing of the attempt left — no window listener, timer,
 * interval, BroadcastChannel or storage entry.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { SocialLogin } from '../../src/element/social-login.js';
import { BrokerError, STRINGS, type LoginErrorCode, type LoginErrorEvent, type LoginEvent } from '../../src/index.js';
import { leftInStorage,
  HELD,
  SHOWN,
  buttonOf,
  byName,
  consumeUserActivation,
  mountWidget,
  realClick,
  realDoubleClick,
  recordEvents,
  releaseAll,
  spyOnOpen,
  testEnv,
  trackResources,
  until,
  waitForHeld,
  windows,
} from '../helpers.js';

const env = testEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CONNECTIONS = `instagram:Instagram,${HELD}:Held,${SHOWN}:Shown,denied:Denied,nope:Nope`;

const widget = (attrs: Record<string, string> = {}) => mountWidget({ connections: CONNECTIONS, ...attrs });
const armToken = (kind: '500' | 'drop' | 'off', times = 1) => fetch(`${env.issuer}/__fixture/token-failure?kind=${kind}&times=${times}`, { method: 'POST' });

interface Case {
  name: string;
  attrs?: Record<string, string>;
  /** Does what the user (or the world) does; the widget is set up and tracked. */
  act(el: SocialLogin): Promise<void>;
  /** The one outcome: an error code, or `null` for no outcome event at all. */
  code: LoginErrorCode | null;
  /** What else the error must say. */
  check?(event: LoginErrorEvent): void;
  /** Whether to prove the button logs in afterwards. */
  retry?: boolean;
  /** Undoes what the case armed at the broker, before the retry. */
  after?(): Promise<unknown>;
}

const cases: Case[] = [
  {
    name: 'popup blocked with fallback="none"',
    attrs: { fallback: 'none' },
    async act(el) {
      consumeUserActivation();
      byName(el, 'Instagram').click();
    },
    code: 'popup_blocked',
  },
  {
    name: 'popup closed by the user',
    async act(el) {
      await realClick(byName(el, 'Shown'));
      await waitForHeld();
      expect(await windows('close', env.issuer)).to.equal(true);
    },
    code: 'popup_closed',
  },
  {
    name: 'timeout',
    attrs: { timeout: '1' },
    act: (el) => realClick(byName(el, 'Held')),
    code: 'timeout',
  },
  {
    name: 'error=access_denied',
    act: (el) => realClick(byName(el, 'Denied')),
    code: 'access_denied',
    check: (e) => expect(e.detail.error).to.include({ error: 'access_denied', description: 'The user refused to log in.' }),
  },
  {
    name: 'another broker error',
    act: (el) => realClick(byName(el, 'Nope')),
    code: 'broker_error',
    check: (e) => expect(e.detail.error).to.include({ error: 'invalid_request', description: 'Unknown connection "nope".' }),
  },
  {
    name: 'token endpoint answering 500',
    async act(el) {
      await armToken('500');
      await realClick(byName(el, 'Instagram'));
    },
    code: 'network_error',
    check: (e) => expect(e.detail.error).to.include({ status: 500 }),
    retry: true,
  },
  {
    name: 'token endpoint unreachable (connection dropped)',
    async act(el) {
      // Browsers retry a POST whose kept-alive connection drops: every try fails.
      await armToken('drop', 10);
      await realClick(byName(el, 'Instagram'));
    },
    after: () => armToken('off'),
    code: 'network_error',
    check: (e) => expect(e.detail.message).to.contain('could not be reached'),
    retry: true,
  },
  {
    name: 'discovery unreachable at click time',
    // Port 9 (discard) has no listener on loopback.
    attrs: { broker: 'http://localhost:9' },
    act: (el) => realClick(byName(el, 'Instagram')),
    code: 'network_error',
    check: (e) => expect(e.detail.message).to.contain('localhost:9/.well-known/openid-configuration'),
  },
  {
    name: 'element removed from the page during the login',
    async act(el) {
      await realClick(byName(el, 'Held'));
      await waitForHeld();
      el.remove();
    },
    code: 'popup_closed',
  },
  {
    name: 'login-start cancelled by the host',
    async act(el) {
      el.addEventListener('login-start', (e) => e.preventDefault(), { once: true });
      await realClick(byName(el, 'Instagram'));
      await sleep(300);
    },
    code: null,
  },
];

let open: ReturnType<typeof spyOnOpen>;
let tracker: ReturnType<typeof trackResources>;
beforeEach(() => {
  open = spyOnOpen();
  tracker = trackResources();
});
afterEach(async () => {
  tracker.restore();
  open.restore();
  await releaseAll();
});

describe('<social-login> failures: exactly one typed outcome, nothing left behind', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const el = await widget(c.attrs);
      const events = recordEvents(el);
      const before = tracker.live();
      await c.act(el);
      if (c.code) await until(() => events['login-error'].length, `a login-error (${c.code})`, 15_000);
      // Anything late (a second outcome, a leftover timer firing) would show within this.
      await sleep(600);

      expect(events.login, 'login events').to.have.length(0);
      expect(events['login-error'].map((e) => (e as LoginErrorEvent).detail.code)).to.deep.equal(c.code ? [c.code] : []);
      if (c.code) {
        const error = events['login-error'][0] as LoginErrorEvent;
        expect(error.detail.mode).to.equal('popup');
        expect(error.detail.error.code).to.equal(c.code);
        c.check?.(error);
        // The live region says what failed in the page's language, then the broker's own reason if it gave one.
        const reason = error.detail.error instanceof BrokerError ? error.detail.error.description : undefined;
        expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal(STRINGS.en.errors[c.code] + (reason ? ` ${reason}` : ''));
      }
      const after = tracker.live();
      // A removed element also lets go of its own page listener and its session channel: fewer is fine, more is a leak.
      expect(after.listeners.filter((l) => !before.listeners.includes(l)), 'listeners of the attempt').to.deep.equal([]);
      expect(after.channels, 'channels of the attempt').to.be.at.most(before.channels);
      expect({ ...after, listeners: [], channels: 0 }, 'timers of the attempt').to.deep.equal({ ...before, listeners: [], channels: 0 });
      expect(leftInStorage(), 'storage').to.equal(0);
      for (const popup of open.calls.map((call) => call.popup)) expect(popup === null || popup.closed, 'popup closed').to.equal(true);
      expect(buttonOf(el).getAttribute('aria-busy')).to.equal('false');

      await c.after?.();
      if (c.retry) {
        const login = new Promise<LoginEvent>((resolve) => el.addEventListener('login', resolve, { once: true }));
        await realClick(byName(el, 'Instagram'));
        expect((await login).detail.user.id).to.equal('instagram|17841400000000001');
        expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal('');
      }
    });
  }

  it("loads English's texts of failures with the first report that needs them, keeps the page's own, and settles result after the event", async () => {
    // As on a page where nothing failed yet: English's texts are not in the page-view script.
    const saved = { ...STRINGS.en.errors };
    for (const code of Object.keys(saved) as LoginErrorCode[]) delete STRINGS.en.errors[code];
    STRINGS.en.errors.timeout = 'Custom: too slow.';
    try {
      const el = await widget();
      const order: string[] = [];
      el.addEventListener('login-error', () => order.push('event'));
      await realClick(byName(el, 'Nope'));
      el.result!.catch(() => order.push('result'));
      await until(() => order.length == 2, 'the report and the result');
      expect(order).to.deep.equal(['event', 'result']);
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal(`${saved.broker_error} Unknown connection "nope".`);
      // The texts came with the report, and the page's own stayed.
      expect(STRINGS.en.errors.access_denied).to.equal(saved.access_denied);
      expect(STRINGS.en.errors.timeout).to.equal('Custom: too slow.');
    } finally {
      Object.assign(STRINGS.en.errors, saved);
    }
  });

  it('counts what a running attempt holds (so that "nothing left" above means something)', async () => {
    const el = await widget();
    const before = tracker.live();
    await realClick(byName(el, 'Shown'));
    await waitForHeld();
    const during = tracker.live();
    expect(during.listeners.filter((l) => !before.listeners.includes(l)).map((l) => l.split(':')[0]).sort()).to.deep.equal(['blur', 'focus', 'message']);
    expect(during.intervals - before.intervals, 'the closed-popup poll').to.equal(1);
    expect(during.channels - before.channels, "the relay's channel").to.equal(1);
    expect(during.timeouts.length - before.timeouts.length, "the attempt's timeout").to.be.at.least(1);
  });

  it('success leaves nothing behind either, but the session and its expiry', async () => {
    const el = await widget();
    const events = recordEvents(el);
    const before = tracker.live();
    await realClick(byName(el, 'Instagram'));
    await until(() => events.login.length, 'the login');
    await sleep(300);
    const after = tracker.live();
    // The one new timer ends the session when its access token expires (in about an hour).
    expect(el.session?.expiresAt, 'the session expires').to.be.a('number');
    expect(after.timeouts.filter((t) => !before.timeouts.includes(t))).to.have.length(1);
    expect(after.timeouts.find((t) => !before.timeouts.includes(t))).to.match(/^3\d{6} ms: .*expired/);
    expect({ ...after, timeouts: [] }).to.deep.equal({ ...before, timeouts: [] });
    expect(leftInStorage()).to.equal(0);
    expect(events['login-error']).to.have.length(0);
  });

  it('opens one popup and logs in once on a double click', async () => {
    const el = await widget();
    const events = recordEvents(el);
    await realDoubleClick(byName(el, 'Instagram'));
    await until(() => events.login.length, 'the login');
    await sleep(500);
    expect(open.calls).to.have.length(1);
    expect(events['login-start']).to.have.length(1);
    expect(events.login).to.have.length(1);
    expect(events['login-error']).to.have.length(0);
  });
});
