/** Shared helpers for the browser tests: the environment the runner set up, and real user input. */
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { PopupWindow } from '../src/core/popup-window.js';
import type { SocialLogin } from '../src/element/social-login.js';
import type { HostLog } from './fixtures/redirect-host.js';

interface TestEnv {
  issuer: string;
  issuer2: string;
  clientId: string;
  callbacks: { module: string; script: string; relay: string; redirectHost: string; strict: string };
  hostileOrigin: string;
  version: string;
  /** The Auth.js base URL (real Auth.js, on this page's origin). */
  authjs: string;
  /** The Better Auth base URL (real Better Auth, on this page's origin). */
  betterAuth: string;
  /** The Authing simulator's host and the test application's id. */
  authing: { host: string; appId: string };
  /** The simulated Instagram's origin. */
  instagram: string;
  /** The adversarial suite's seed (random per run; `FUZZ_SEED` replays one). */
  fuzzSeed: number;
}

declare global {
  interface Window {
    __TEST_ENV__?: TestEnv;
  }
}

/**
 * WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver) may run each test once more. Under the load
 * of three engines side by side, it has now and then left a login hanging (a popup that never reached
 * the broker, a test timed out) that did not come back alone or in a loop: a second failure still
 * fails. Every retry is printed as a figure (`retried: …`, in CI's log), never hidden.
 */
if (navigator.vendor == 'Apple Computer, Inc.') {
  (globalThis as unknown as { mocha?: { suite: { retries(n: number): void } } }).mocha?.suite.retries(1);
  afterEach(async function () {
    const test = this.currentTest as (Mocha.Test & { currentRetry(): number }) | undefined;
    // A failure mocha will run again has no state yet (a final one reads `failed`, a pass `passed`).
    if (!test || test.state || test.isPending()) return;
    await executeServerCommand('figures', { name: `retried: ${test.fullTitle()}`, figures: { try: test.currentRetry() + 1 } }).catch(() => {});
  });
}

/** What web-test-runner.config.mjs started: fails with a sentence when the page was not set up by it. */
export function testEnv(): TestEnv {
  const env = window.__TEST_ENV__;
  if (!env) throw new Error('window.__TEST_ENV__ is missing: run these tests through web-test-runner.config.mjs, which starts the broker.');
  return env;
}

/** The shadow-root button of a connection (by id), failing loudly when it is not rendered. */
export function buttonOf(el: SocialLogin, index = 0): HTMLButtonElement {
  const button = el.shadowRoot?.querySelectorAll('button')[index];
  if (!button) throw new Error(`<social-login> rendered no button #${index}.`);
  return button;
}

/** A real mouse click (a user gesture, so the popup blocker lets window.open through). */
export async function realClick(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** The real pointer over `target` (the first sign of intent), without a click: it comes from the page's corner, so it enters. */
export async function realHover(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [0, 0] });
  await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  // Chromium hands mouse moves to the page with the next frame: the pointer has entered after two.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** A real double click (test/commands/double-click.mjs): both presses in one input sequence. */
export async function realDoubleClick(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await executeServerCommand('double-click', { position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/**
 * Records where the widget sends its popups, and whether each was sent in the very call that opened
 * the popup (`inOpen`: the click had a prepared request and opened the popup at its URL), not later
 * (`PopupWindow.navigate` after the click).
 */
export function spyOnNavigate() {
  let opening = false;
  const { open, prototype } = PopupWindow;
  const navigate = prototype.navigate;
  const calls: Array<{ url: string; inOpen: boolean }> = [];
  PopupWindow.open = (url?: string) => {
    opening = true;
    const windowOpen = window.open;
    window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
      if (args[0] && String(args[0]) != 'about:blank') calls.push({ url: String(args[0]), inOpen: true });
      return windowOpen.apply(this, args);
    } as typeof window.open;
    try {
      return open.call(PopupWindow, url);
    } finally {
      window.open = windowOpen;
      opening = false;
    }
  };
  prototype.navigate = function (this: PopupWindow, url: string) {
    calls.push({ url, inOpen: opening });
    navigate.call(this, url);
  };
  return {
    calls,
    restore() {
      PopupWindow.open = open;
      prototype.navigate = navigate;
    },
  };
}

/** Records every window.open call and the windows it returned; restore() puts the original back. */
export function spyOnOpen() {
  const original = window.open;
  const calls: Array<{ url: string | URL | undefined; popup: Window | null }> = [];
  window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    const popup = original.apply(this, args);
    calls.push({ url: args[0], popup });
    return popup;
  } as typeof window.open;
  return {
    calls,
    restore() {
      window.open = original;
      for (const c of calls) c.popup?.close();
    },
  };
}

/** Polls `check` every 50 ms until it returns a truthy value, or fails after `ms`. */
export async function until<T>(check: () => T | Promise<T>, what: string, ms = 10_000): Promise<NonNullable<Awaited<T>>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<Awaited<T>>;
    if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A login the broker holds, with the authorization parameters it received. */
export interface Held {
  uid: string;
  state: string;
  connection: string;
  params: Record<string, string>;
}

/**
 * The connection id that makes the broker hold the login until the test releases it; unique per test
 * page, so browsers running in parallel against the one broker never release each other's logins.
 */
export const HELD = `held-${Math.random().toString(36).slice(2, 10)}`;

/** Like {@link HELD}, but the broker's login page shows first, then waits. */
export const SHOWN = HELD.replace('held-', 'shown-');

/** Like {@link SHOWN}, with `Cross-Origin-Opener-Policy: same-origin` on the broker's page. */
export const COOP = HELD.replace('held-', 'coop-');

/**
 * Like {@link HELD}, but the login popup first shows the broker's forging page, which posts forged
 * responses to the opener from the popup itself (test/fixtures/forge/).
 */
export const FUZZ = HELD.replace('held-', 'fuzz-');

/** The broker's held (waiting) interactions of this page, with the state of each authorization request. */
export async function heldInteractions(issuer = testEnv().issuer): Promise<Held[]> {
  const all: Held[] = await (await fetch(`${issuer}/__fixture/held`)).json();
  return all.filter((h) => [HELD, SHOWN, COOP, FUZZ].includes(h.connection));
}

/** Waits for the broker to hold one interaction and returns it. */
export async function waitForHeld(issuer = testEnv().issuer) {
  const [first] = await until(async () => ((await heldInteractions(issuer)).length ? heldInteractions(issuer) : undefined), 'the broker to hold a login');
  return first!;
}

/**
 * Acts on a browser window as the user would (test/commands/windows.mjs), for windows this page's
 * script cannot reach: `close`, `focus`, `find` or go `back` in the one whose address starts with
 * `url`, `focus-opener`, or `open` a new window at `url` as another site's tab would be.
 */
export async function windows(action: 'close' | 'focus' | 'find' | 'open' | 'back', url: string): Promise<boolean>;
export async function windows(action: 'click', url: string, selector: string): Promise<boolean>;
export async function windows(action: 'focus-opener'): Promise<boolean>;
export async function windows(action: string, url?: string, selector?: string): Promise<boolean> {
  return (await executeServerCommand<boolean, { action: string; url?: string; selector?: string }>('windows', { action, url, selector })) ?? false;
}

/** Closes every window whose address starts with `url` (the `windows` command closes one at a time). */
export async function closeWindows(url: string): Promise<void> {
  for (let i = 0; i < 10 && (await windows('close', url)); i++);
}

/** Lets a held interaction finish: `login` logs the user in, `deny` refuses. */
export async function release(uid: string, outcome: 'login' | 'deny' = 'login', issuer = testEnv().issuer): Promise<void> {
  await fetch(`${issuer}/__fixture/release/${uid}?outcome=${outcome}`, { method: 'POST' });
}

/** Releases (denies) everything both brokers still hold, so tests cannot leak into each other. */
export async function releaseAll(): Promise<void> {
  for (const issuer of [testEnv().issuer, testEnv().issuer2]) {
    for (const h of await heldInteractions(issuer)) await release(h.uid, 'deny', issuer);
  }
}

/**
 * Uses up the page's transient user activation (a real click grants it for about 5 s in Chromium),
 * so that a following synthetic click really has no user gesture.
 */
export function consumeUserActivation(): void {
  if ((navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive) window.open('about:blank')?.close();
}

/** Collects the element's events by type. */
export function recordEvents(el: EventTarget) {
  const events: Record<'login-start' | 'login' | 'login-error' | 'logout' | 'logout-error', Event[]> = {
    'login-start': [],
    login: [],
    'login-error': [],
    logout: [],
    'logout-error': [],
  };
  for (const type of Object.keys(events) as Array<keyof typeof events>) el.addEventListener(type, (e) => events[type].push(e));
  return events;
}

/**
 * Counts what a page holds open: window and document listeners of the types the widget uses,
 * intervals, pending timeouts and BroadcastChannels, by wrapping the globals of `win`. `live()` tells what is open now;
 * `restore()` unwraps. Used to prove an attempt leaves nothing behind.
 */
export function trackResources(win: Window & typeof globalThis = window as Window & typeof globalThis) {
  const types = new Set(['message', 'focus', 'blur', 'pageshow', 'DOMContentLoaded']);
  const listeners = new Set<string>();
  const intervals = new Set<number>();
  const timeouts = new Map<number, string>();
  const channels = new Set<BroadcastChannel>();
  const key = (type: string, fn: unknown) => `${type}:${String(fn)}`;
  const { setInterval, clearInterval, setTimeout, clearTimeout, BroadcastChannel: BC } = win;
  const originals = { setInterval, clearInterval, setTimeout, clearTimeout, BroadcastChannel: BC };
  // Listeners are counted at EventTarget's own methods, which the widget calls (markup cannot shadow them there).
  const target = win.EventTarget.prototype;
  const { addEventListener, removeEventListener } = target;
  // A bare `addEventListener(…)` call has no `this`: it is the window's.
  const ours = (t: unknown) => t === undefined || t === win || t === win.document;
  target.addEventListener = function (this: EventTarget, type: string, fn: unknown, ...rest: unknown[]) {
    if (ours(this) && types.has(type) && !(rest[0] as AddEventListenerOptions)?.once) listeners.add(key(type, fn));
    return addEventListener.call(this, type, fn as EventListener, ...(rest as []));
  } as typeof target.addEventListener;
  target.removeEventListener = function (this: EventTarget, type: string, fn: unknown, ...rest: unknown[]) {
    if (ours(this)) listeners.delete(key(type, fn));
    return removeEventListener.call(this, type, fn as EventListener, ...(rest as []));
  } as typeof target.removeEventListener;
  win.setInterval = ((fn: () => void, ms?: number) => {
    const id = setInterval.call(win, fn, ms) as unknown as number;
    intervals.add(id);
    return id;
  }) as typeof win.setInterval;
  win.clearInterval = ((id: number) => (intervals.delete(id), clearInterval.call(win, id))) as typeof win.clearInterval;
  win.setTimeout = ((fn: () => void, ms?: number) => {
    const id = setTimeout.call(win, () => (timeouts.delete(id), fn()), ms) as unknown as number;
    // The test runner's own command guards (sendMouse, executeServerCommand) are not the widget's.
    if (!String(fn).includes('webSocket')) timeouts.set(id, `${ms} ms: ${String(fn).slice(0, 80)}`);
    return id;
  }) as typeof win.setTimeout;
  win.clearTimeout = ((id: number) => (timeouts.delete(id), clearTimeout.call(win, id))) as typeof win.clearTimeout;
  win.BroadcastChannel = class extends BC {
    constructor(name: string) {
      super(name);
      channels.add(this);
    }
    override close() {
      channels.delete(this);
      super.close();
    }
  };
  return {
    live: () => ({ listeners: [...listeners], intervals: intervals.size, timeouts: [...timeouts.values()], channels: channels.size }),
    restore: () => void (Object.assign(win, originals), Object.assign(target, { addEventListener, removeEventListener })),
  };
}

/**
 * A `<social-login>` on the test page, set up against the test broker (popup landing on the module
 * callback page) with `attrs` over those defaults; {@link settled} unless `settle` is false (a test
 * that listens for what the set-up reports).
 */
export async function mountWidget(attrs: Record<string, string>, settle = true): Promise<SocialLogin> {
  const el = await fixture<SocialLogin>(html`<social-login></social-login>`);
  // No "last used" hint unless a test asks: test files share this origin's localStorage.
  const all = { broker: testEnv().issuer, 'client-id': testEnv().clientId, 'redirect-uri': testEnv().callbacks.module, 'last-used': 'off', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  return settle ? settled(el) : el.updateComplete.then(() => el);
}

/**
 * `el` once set up: after its first frame it reads its configuration and follows the session (and
 * opens the channel to the site's other tabs). That step comes at the latest 100 ms after the first
 * render (a timer the element sets then), so a longer timer set later fires after it.
 */
export async function settled<T extends SocialLogin>(el: T): Promise<T> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 120));
  await el.updateComplete;
  return el;
}

/** The button whose label mentions `name`, failing loudly when there is none. */
export function byName(el: SocialLogin, name: string): HTMLButtonElement {
  const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(name));
  if (!button) throw new Error(`no button for ${name}`);
  return button;
}

/**
 * Arms the simulated Instagram's next consent for this browser: `deny` (the user cancels) or a
 * simulated account's username.
 */
export async function nextConsent(answer: string): Promise<void> {
  const response = await fetch(`${testEnv().instagram}/__fixture/next-consent?answer=${encodeURIComponent(answer)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`the simulated Instagram refused to arm "${answer}": HTTP ${response.status}`);
}

/** The next `login` or `login-error` of `el`, whichever comes first. */
export function outcomeOf(el: EventTarget): Promise<Event> {
  return new Promise((resolve) => {
    const done = (e: Event) => {
      el.removeEventListener('login', done);
      el.removeEventListener('login-error', done);
      resolve(e);
    };
    el.addEventListener('login', done);
    el.addEventListener('login-error', done);
  });
}

/** The one localStorage entry the widget writes on purpose: the "last used" hint (a connection id per broker). */
export const LAST_USED_PREFIX = 'social-login:last-used:';

/**
 * What a login left in storage besides the "last used" hint, whose entries are checked to hold
 * nothing but a connection id: a count that must stay 0.
 */
export function leftInStorage(): number {
  const hints = Object.keys(localStorage).filter((k) => k.startsWith(LAST_USED_PREFIX));
  for (const k of hints) if (!/^[\w.:-]*$/.test(localStorage.getItem(k)!)) throw new Error(`${k} holds more than a connection id`);
  return sessionStorage.length + localStorage.length - hints.length;
}

/** The window of a host page (test/fixtures/redirect-host.html), with what it heard. */
export type HostWindow = Window & { hostLog: HostLog };

/**
 * Logs in from a host page in an iframe (a redirect takes the whole page away) whose widget has
 * `attrs`: clicks the button of `connection` (a synthetic click: a redirect needs no user gesture)
 * after `prepare(window)`, and returns the page that came back with an outcome. The frame is removed
 * afterwards; the page's log stays readable.
 */
export async function loginInFrame(attrs: Record<string, string>, prepare?: (win: HostWindow) => void, connection = 0): Promise<HostWindow> {
  const frame = document.createElement('iframe');
  frame.dataset.cfg = JSON.stringify(attrs);
  frame.src = testEnv().callbacks.redirectHost;
  frame.style.cssText = 'width:400px;height:300px';
  document.body.append(frame);
  const host = () => {
    try {
      const win = frame.contentWindow as HostWindow;
      return win.location.origin == location.origin && win.hostLog?.ready ? win : undefined;
    } catch {
      return undefined; // At the broker's or Instagram's pages.
    }
  };
  try {
    const first = await until(host, 'the host page');
    // The frame's Window stays the same object across navigations: each page has its own log.
    const firstLog = first.hostLog;
    prepare?.(first);
    const el = first.document.querySelector('social-login') as SocialLogin;
    await el.updateComplete;
    const button = await until(() => el.shadowRoot!.querySelectorAll('button')[connection], 'the buttons');
    button.click();
    return await until(() => {
      const win = host();
      return win && win.hostLog !== firstLog && win.hostLog.events.some((e) => e.type == 'login' || e.type == 'login-error') ? win : undefined;
    }, 'the host page to come back with an outcome');
  } finally {
    setTimeout(() => frame.remove(), 0);
  }
}

/** The outcome a host page heard (`login` or `login-error`). */
export const outcomeIn = (win: HostWindow): Event => win.hostLog.events.find((e) => e.type == 'login' || e.type == 'login-error')!;

/**
 * A host page (test/fixtures/redirect-host.html) in an iframe, a page load of its own (as a reload or
 * another tab of the site would be), whose widget has `attrs`; ready once its script ran. `remove()`
 * takes the frame away.
 */
export async function hostFrame(attrs: Record<string, string>): Promise<{ win: HostWindow; el: SocialLogin; frame: HTMLIFrameElement; remove(): void }> {
  const frame = document.createElement('iframe');
  frame.dataset.cfg = JSON.stringify(attrs);
  frame.src = testEnv().callbacks.redirectHost;
  frame.style.cssText = 'width:300px;height:100px;border:0;display:block';
  document.body.append(frame);
  const win = await until(() => {
    try {
      const w = frame.contentWindow as HostWindow;
      return w.location.origin == location.origin && w.hostLog?.ready ? w : undefined;
    } catch {
      return undefined;
    }
  }, 'the host page in the frame');
  const el = win.document.querySelector('social-login') as SocialLogin;
  await el.updateComplete;
  return { win, el, frame, remove: () => frame.remove() };
}

/** A real mouse click on `target` inside the iframe `frame` (its coordinates are the frame's). */
export async function realClickIn(frame: HTMLIFrameElement, target: Element): Promise<void> {
  const f = frame.getBoundingClientRect();
  const r = target.getBoundingClientRect();
  const x = f.left + frame.clientLeft + r.left + r.width / 2;
  const y = f.top + frame.clientTop + r.top + r.height / 2;
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}

/** The element's account view parts (`signed-in="account"`), or `undefined` while it shows the buttons. */
export function accountView(el: SocialLogin) {
  const root = el.shadowRoot!;
  const account = root.querySelector<HTMLElement>('[part=account]');
  if (!account || account.hidden) return undefined;
  return {
    avatar: root.querySelector<HTMLImageElement>('[part=avatar]')!,
    name: root.querySelector<HTMLElement>('[part=account-name]')!,
    signOut: root.querySelector<HTMLButtonElement>('[part=sign-out]')!,
  };
}

/**
 * A host page (test/fixtures/redirect-host.html) in a top-level window of its own, opened by a real
 * click, whose widget has `attrs` (in the window's name). `page()` is the window while it shows a ready
 * host page (not while it is at the broker, nor while it loads); `close()` closes it.
 */
export async function hostWindow(attrs: Record<string, string>): Promise<{ page(): HostWindow | undefined; close(): void }> {
  let win: HostWindow | null = null;
  const opener = document.createElement('button');
  opener.textContent = 'open the host window';
  opener.onclick = () => (win = window.open(testEnv().callbacks.redirectHost, JSON.stringify(attrs), 'popup,width=500,height=500') as HostWindow | null);
  document.body.append(opener);
  try {
    await realClick(opener);
  } finally {
    opener.remove();
  }
  if (!win) throw new Error('the host window was blocked');
  const opened: HostWindow = win;
  return {
    page: () => {
      try {
        return opened.location.pathname.endsWith('redirect-host.html') && opened.hostLog?.ready ? opened : undefined;
      } catch {
        return undefined; // At the broker's pages.
      }
    },
    close: () => opened.close(),
  };
}

/** Signs this browser out at Auth.js (on this origin), as its own client does: a test's clean slate. */
export async function signOutAuthjs(): Promise<void> {
  const { csrfToken } = (await (await fetch(`${testEnv().authjs}/csrf`)).json()) as { csrfToken: string };
  await fetch(`${testEnv().authjs}/signout`, { method: 'POST', body: new URLSearchParams({ csrfToken }), redirect: 'manual' });
}

/** Signs this browser out at Better Auth (on this origin): a test's clean slate. */
export async function signOutBetterAuth(): Promise<void> {
  await fetch(`${testEnv().betterAuth}/sign-out`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' });
}
