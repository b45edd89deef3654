/** The login popup's answer: a message, a relay, or what can be read off the popup; or that it was closed. */
import type { PopupWindow } from '../../core/popup-window.js';
import { channelName } from '../../core/relay.js';
import { PopupBlockedError, PopupClosedError } from '../../errors.js';
import { fromDocument } from '../../util/dom.js';
import { isRecord } from '../../util/is-record.js';
import { isClosedByUser } from './closed-watch.js';
import { relayedParams } from './popup-message.js';

const POLL = 250;

/**
 * The popup's window, while it is open: a popup closed before the flow could send it anywhere was
 * closed by a blocker, and the caller may fall back to a redirect.
 * @throws {PopupBlockedError} when it is closed
 * @internal
 */
export function openWindow(popup: PopupWindow): Window {
  if (popup.window.closed) throw new PopupBlockedError('The popup closed at once.');
  return popup.window;
}

/**
 * Waits for what `popup` sends back: a window `message` that `accept` takes (it must check the
 * origin, the source and the state), the attempt's BroadcastChannel (our landing page relays on it
 * when Cross-Origin-Opener-Policy cut `window.opener`: taken only while the popup reads closed, with
 * the popup's mark and our state), or what `peek` reads off the popup when it is on this origin. Rejects with {@link PopupClosedError} when the user closed the popup (see
 * closed-watch.ts for how a COOP-severed popup is told apart), or with `signal.reason` on abort.
 * Every listener, timer and channel is gone when it settles. The popup is closed as soon as the
 * response is in, so it is gone while the login completes (and the closing is off the critical path).
 * @internal
 */
export function popupResponse<T>(
  popup: PopupWindow,
  state: string,
  signal: AbortSignal,
  accept: (event: MessageEvent) => T | undefined,
  peek?: () => T | undefined,
): Promise<T> {
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
        popup.answered = true;
        popup.close();
        resolve(result);
      });
    const onMessage = (event: MessageEvent) => take(accept(event));
    const onAbort = () => settle(() => reject(signal.reason));
    // Polled, and also run when focus comes and goes, since focus is what tells a close from COOP.
    const check = () => {
      const seen = peek?.();
      if (seen) return take(seen);
      if (isClosedByUser(watch, popup.window.closed, fromDocument('hasFocus')(), Date.now())) settle(() => reject(new PopupClosedError()));
    };
    const poll = setInterval(check, POLL);
    // The channel is for a popup that COOP cut off, and only for the popup this attempt opened: a
    // tab anyone opens on the landing page with our state relays without its mark.
    channel.onmessage = (event) =>
      popup.window.closed && isRecord(event.data) && event.data.popup === popup.mark && take(relayedParams(event.data, state) as T | undefined);
    addEventListener('message', onMessage);
    for (const type of focusEvents) addEventListener(type, check);
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) onAbort();
  });
}
