import { PopupClosedError } from '../errors.js';
import { randomToken } from '../flow/random.js';
import { isClosedByUser } from './closed-watch.js';
import { channelName, relayedParams } from './message-guard.js';
import { popupFeatures } from './popup-geometry.js';

const POLL = 250;

/**
 * The login popup: it opens (synchronously, inside the click), navigates, hands back what
 * came back, and closes. Nothing about OAuth lives here.
 * @internal
 */
export class PopupWindow {
  /**
   * Opens an empty centred popup under a random name. Call it synchronously in the click handler,
   * before any `await`, or browsers block it.
   * @returns `null` when the browser blocked it
   */
  static open(): PopupWindow | null {
    const win = window.open('about:blank', `social-login-${randomToken(12)}`, popupFeatures(window));
    return win && !win.closed ? new PopupWindow(win) : null;
  }

  /** The response has come: the popup was closed by us, and the login goes on without it. */
  answered = false;

  private constructor(readonly window: Window) {}

  /** Sends the popup to `url`, replacing about:blank in its history. */
  navigate(url: string): void {
    this.window.location.replace(url);
  }

  focus(): void {
    this.window.focus();
  }

  close(): void {
    this.window.close();
  }

  /**
   * Waits for what the popup sends back: a window `message` that `accept` takes (it must check the
   * origin, the source and the state), the attempt's BroadcastChannel (our landing page relays on it
   * when Cross-Origin-Opener-Policy cut `window.opener`), or what `peek` reads off the popup when it
   * is on this origin. Rejects with {@link PopupClosedError} when the user closed the popup (see
   * closed-watch.ts for how a COOP-severed popup is told apart), or with `signal.reason` on abort.
   * Every listener, timer and channel is gone when it settles. The popup is closed as soon as the
   * response is in, so it is gone while the login completes (and the closing is off the critical path).
   */
  response<T>(state: string, signal: AbortSignal, accept: (event: MessageEvent) => T | undefined, peek?: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const channel = new BroadcastChannel(channelName(state));
      const watch = { focusSince: 0, closedSince: 0 };
      const focusEvents = ['focus', 'blur'];
      const settle = (done: () => void) => {
        removeEventListener('message', onMessage);
        for (const type of focusEvents) removeEventListener(type, check);
        signal.removeEventListener('abort', onAbort);
        channel.close();
        clearInterval(poll);
        done();
      };
      const take = (result: T | undefined) =>
        result &&
        settle(() => {
          this.answered = true;
          this.close();
          resolve(result);
        });
      const onMessage = (event: MessageEvent) => take(accept(event));
      const onAbort = () => settle(() => reject(signal.reason));
      // Polled, and also run when focus comes and goes, since focus is what tells a close from COOP.
      const check = () => {
        const seen = peek?.();
        if (seen) return take(seen);
        if (isClosedByUser(watch, this.window.closed, document.hasFocus(), Date.now())) settle(() => reject(new PopupClosedError()));
      };
      const poll = setInterval(check, POLL);
      channel.onmessage = (event) => take(relayedParams(event.data, state) as T | undefined);
      addEventListener('message', onMessage);
      for (const type of focusEvents) addEventListener(type, check);
      signal.addEventListener('abort', onAbort);
      if (signal.aborted) onAbort();
    });
  }
}
