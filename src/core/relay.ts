/**
 * The popup's landing page: it relays the response in its URL to the page that opened it. Runs on
 * every page that loads the widget, first thing (relay-first.ts), so it costs the popup no more than
 * parsing the script.
 */
import { quietly } from '../util/quietly.js';
import { takeResponse } from './response-url.js';

/** Every popup attempt's state starts with this, so its landing page knows to relay. @internal */
export const POPUP_STATE_PREFIX = 'slp_';

/** `type` of the message the landing page relays to the opener. @internal */
export const RELAY_TYPE = 'social-login:relay';

/** The BroadcastChannel a popup landing page relays on, named per attempt by its state. @internal */
export const channelName = (state: string): string => `social-login:${state}`;

/**
 * The sessionStorage key of a popup's mark: the opener writes a random mark there just while
 * `window.open` copies its sessionStorage into the new popup, then removes it. So only the popup the
 * attempt opened finds it on its landing page, even after Cross-Origin-Opener-Policy cut it off (a
 * COOP swap clears `window.name`, but keeps the tab's sessionStorage); a tab anyone else opens on the
 * landing page has none.
 * @internal
 */
export const POPUP_MARK = 'social-login:popup';

/**
 * Run on every page that loads the widget (the `define` entry does it for you). When this page is a
 * login popup's landing page — its URL carries a `state` made by a popup attempt and a `code` or
 * `error` — it removes those parameters from the address bar and relays them to the opener by
 * postMessage to this same origin (the opener checks that it comes from its popup), and on the
 * attempt's BroadcastChannel with the popup's mark when this window holds one (for when
 * Cross-Origin-Opener-Policy cut `window.opener`: at once without an opener, else as the window
 * closes). Then it stops loading the page and closes the window (or, when the window may not close,
 * loads the page again without the response).
 *
 * @returns whether this page was a popup landing page
 */
export function relayPopupResponse(): boolean {
  const params = takeResponse(POPUP_STATE_PREFIX);
  if (!params) return false;
  const message = { type: RELAY_TYPE, params };
  // The channel, with the popup's mark, for a popup that COOP cut off: the opener takes its message
  // only while the popup reads closed, with that mark and its state.
  const onChannel = () => {
    const popup = quietly(() => sessionStorage.getItem(POPUP_MARK));
    quietly(() => sessionStorage.removeItem(POPUP_MARK));
    if (popup) {
      const channel = new BroadcastChannel(channelName(params.state!));
      channel.postMessage({ ...message, popup });
      channel.close();
    }
  };
  // The opener, when there is one, takes the window message (it checks its source) at once. The
  // channel follows as the window closes, once the login is on its way (a page's first sessionStorage
  // access and the channel cost a millisecond or two of the main thread a same-site opener shares),
  // in case the opener is not the page that waits; without an opener (the cut), the channel goes now.
  const posted = quietly(() => (opener.postMessage(message, location.origin), true));
  if (!posted) onChannel();
  // The page's own loading stops (a site's bundle would hold the main thread, which a same-site
  // opener shares). A window that may not close (an in-app browser's tab) loads the page again,
  // without the response, rather than stay half-loaded.
  stop();
  setTimeout(() => (posted && onChannel(), close(), setTimeout(() => closed || location.reload(), 100)), 50);
  return true;
}
