/**
 * The windows a hostile party could post from, for the adversarial suites (forged-messages,
 * forged-sessions): each runs the forging page (test/fixtures/forge/) or the stream itself and
 * reports what it sent, by kind.
 */
import { postForgeries, type ForgeReport } from '../fixtures/forge/forgeries.js';
import { realClick } from '../helpers.js';

/** What one source sent. */
export interface Tally extends ForgeReport {
  source: string;
  origin: string;
}

/** What a forging page is asked to send besides its target, state, count and seed. */
export interface ForgeOptions {
  /** Session and logout shapes (the session channel's messages) instead of login responses. */
  sessions?: boolean;
}

/** The sources, each registering its undo (frame removed, window closed, listener off) in `cleanup`. */
export function forgeSources(cleanup: Array<() => unknown>) {
  /** The `{ forger: 'done' }` report of the forging page in the window `source()` answers. */
  function doneFrom(source: () => Window | null | undefined, label: string): Promise<Tally> {
    return new Promise((resolve) => {
      const on = (e: MessageEvent) => {
        if (e.data?.forger != 'done' || !e.source || e.source !== source()) return;
        removeEventListener('message', on);
        resolve({ source: label, origin: e.origin, sent: e.data.sent, kinds: e.data.kinds });
      };
      addEventListener('message', on);
      cleanup.push(() => removeEventListener('message', on));
    });
  }

  const forgeQuery = (target: string, state: string, n: number, seed: number, options: ForgeOptions = {}) =>
    new URLSearchParams({ target, state, n: String(n), seed: String(seed), ...(options.sessions && { sessions: '1' }) });

  /** A cross-origin iframe that forges `n` messages to this page. */
  function frameForger(origin: string, state: string, n: number, seed: number, options?: ForgeOptions): Promise<Tally> {
    const frame = document.createElement('iframe');
    frame.src = `${origin}/__forge/forge.html?${forgeQuery('parent', state, n, seed, options)}`;
    const done = doneFrom(() => frame.contentWindow, 'cross-origin iframe');
    document.body.append(frame);
    cleanup.push(() => frame.remove());
    return done;
  }

  /** A second popup (opened by a real click on the page) that forges `n` messages to its opener. */
  async function popupForger(page: string, state: string, n: number, seed: number, options?: ForgeOptions): Promise<Tally> {
    let win: Window | null = null;
    const button = document.createElement('button');
    button.textContent = 'open the forger';
    button.onclick = () => (win = window.open(`${page}?${forgeQuery('opener', state, n, seed, options)}`, '_blank', 'popup,width=320,height=240,left=0,top=0'));
    document.body.prepend(button);
    const done = doneFrom(() => win, 'second popup');
    await realClick(button);
    button.remove();
    if (!win) throw new Error('the second popup was blocked');
    cleanup.push(() => win?.close());
    return done;
  }

  /** The page itself forging `n` messages to itself by `window.postMessage`. */
  async function pageForger(state: string, n: number, seed: number, options: ForgeOptions = {}): Promise<Tally> {
    const report = await postForgeries({ post: (data) => window.postMessage(data, '*'), count: n, seed, state, ...options });
    return { source: 'page itself (postMessage)', origin: location.origin, ...report };
  }

  /**
   * The page itself forging `n` messages on a BroadcastChannel: by default the login attempt's
   * (`social-login:<state>`, never the real state), or the one named `name`.
   */
  async function channelForger(state: string, n: number, seed: number, options: ForgeOptions & { name?: string } = {}): Promise<Tally> {
    const { name = `social-login:${state}`, ...rest } = options;
    const channel = new BroadcastChannel(name);
    try {
      const report = await postForgeries({ post: (data) => channel.postMessage(data), count: n, seed, state, rightState: false, ...rest });
      return { source: `page itself (BroadcastChannel ${name})`, origin: location.origin, ...report };
    } finally {
      channel.close();
    }
  }

  /** Counts every window message and, once the state is known, every message on its channel. */
  function deliveries() {
    const count = { window: 0, channel: 0, byOrigin: {} as Record<string, number> };
    const onMessage = (e: MessageEvent) => {
      count.window++;
      count.byOrigin[e.origin] = (count.byOrigin[e.origin] ?? 0) + 1;
    };
    addEventListener('message', onMessage);
    addEventListener('messageerror', (e) => (count.byOrigin[`error ${e.origin}`] = (count.byOrigin[`error ${e.origin}`] ?? 0) + 1));
    let channel: BroadcastChannel | undefined;
    cleanup.push(() => (removeEventListener('message', onMessage), channel?.close()));
    return {
      count,
      listen(name: string) {
        channel = new BroadcastChannel(name);
        channel.onmessage = () => count.channel++;
      },
    };
  }

  return { doneFrom, frameForger, popupForger, pageForger, channelForger, deliveries };
}

/** Sums the tallies: sent per kind, and per delivery path. */
export function summary(tallies: Tally[]) {
  const kinds: Record<string, number> = {};
  for (const t of tallies) for (const [k, n] of Object.entries(t.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
  const sent = tallies.reduce((sum, t) => sum + t.sent, 0);
  const bySource: Record<string, number> = {};
  for (const t of tallies) bySource[`${t.source} @ ${t.origin}`] = (bySource[`${t.source} @ ${t.origin}`] ?? 0) + t.sent;
  return { sent, bySource, kinds, origins: new Set(tallies.map((t) => t.origin)).size };
}
