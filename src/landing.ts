import { redirectReturn } from './core/redirect-return.js';
import { relayPopupResponse } from './core/relay.js';

/**
 * Handles a login response in this page's URL; the `define` entry and the classic script run it
 * when they load, so a callback page needs nothing but the script. A popup's landing page relays
 * the response to the page that opened it and closes. A redirect's response is removed from the
 * address bar and its code exchange starts; when this is not the page the login started on, the
 * response is handed to that page, which completes the login. With the side-effect-free entry, call
 * it once on the page that `redirect-uri` names.
 *
 * @returns whether this page relayed a popup's response, or has a redirect's response or pending
 *   login to handle (the protocol's code then loads to complete, hand on or drop it)
 */
export function handleLoginResponse(): boolean {
  return relayPopupResponse() || redirectReturn.read();
}
