/**
 * The popup's landing page: it relays the response in its URL to the page that opened it. Runs on
 * every page that loads the widget, first thing (relay-first.ts), so it costs the popup no more than
 * parsing the script.
 */
import { takeResponse } from './response-url.js';

/** Every popup attempt's state starts with this, so its landing page knows to relay. @internal */
export const POPUP_STATE_PREFIX = 'slp_';

/** `type` of the message the landing page relays to the opener. @internal */
export const RELAY_TYPE = 'social-login:relay';

/** The BroadcastChannel a popup landing page relays on, named per attempt by its state. @internal */
export const channelName = (state: string): string => `social-login:${state}`;

/**
 * Run on every page that loads the widget (the `define` entry does it for you). When this page is a
 * login popup's landing page — its URL carries a `state` made by a popup attempt and a `code` or
 * `error` — it removes those parameters from the address bar, relays them to the opener (postMessage
 * to this same origin, and the attempt's BroadcastChannel for when Cross-Origin-Opener-Policy cut
 * `window.opener`), and closes the window.
 *
 * @returns whether this page was a popup landing page
 */
export function relayPopupResponse(): boolean {
  const params = takeResponse(POPUP_STATE_PREFIX);
  if (!params) return false;
  const message = { type: RELAY_TYPE, params };
  try {
    opener?.postMessage(message, location.origin);
  } catch {
    // The opener is gone or on another origin: the channel below still carries the response.
  }
  const channel = new BroadcastChannel(channelName(params.state!));
  channel.postMessage(message);
  channel.close();
  // Let the messages leave before the window goes.
  setTimeout(() => close(), 50);
  return true;
}
