import { PopupClosedError } from '../errors.js';
import { randomToken } from '../flow/random.js';
import { acceptMessage, channelName, relayedParams } from './message-guard.js';
import { popupFeatures } from './popup-geometry.js';

/** How long a popup may read as closed before the attempt gives up on a late relay, in ms. */
const CLOSED_GRACE = 400;
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
   * Waits for the authorization response with our state: relayed by our landing page (postMessage
   * from our popup, or the attempt's BroadcastChannel when COOP cut the opener), or posted by the
   * broker (`web_message`). Rejects with {@link PopupClosedError} when the popup closes without one,
   * or with `signal.reason` on abort. Every listener, timer and channel is gone when it settles.
   */
  response(state: string, brokerOrigin: string | undefined, signal: AbortSignal): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      const expect = { source: this.window, state, relayOrigin: location.origin, brokerOrigin };
      const channel = new BroadcastChannel(channelName(state));
      let closedSince = 0;
      const settle = (done: () => void) => {
        removeEventListener('message', onMessage);
        signal.removeEventListener('abort', onAbort);
        channel.close();
        clearInterval(poll);
        done();
      };
      const accept = (params: Record<string, string> | undefined) => params && settle(() => resolve(params));
      const onMessage = (event: MessageEvent) => accept(acceptMessage(event, expect));
      const onAbort = () => settle(() => reject(signal.reason));
      const poll = setInterval(() => {
        if (!this.window.closed) closedSince = 0;
        else if (!closedSince) closedSince = Date.now();
        else if (Date.now() - closedSince >= CLOSED_GRACE) settle(() => reject(new PopupClosedError()));
      }, POLL);
      channel.onmessage = (event) => accept(relayedParams(event.data, state));
      addEventListener('message', onMessage);
      signal.addEventListener('abort', onAbort);
      if (signal.aborted) onAbort();
    });
  }
}
