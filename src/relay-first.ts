/**
 * Imported first by the entries that run on load, so that on a popup's landing page the response
 * is relayed (and the window starts closing) before the rest of the script has run.
 * @internal
 */
import { relayPopupResponse } from './core/relay.js';

/** Whether this page was a popup's landing page and relayed its response. @internal */
export const relayed: boolean = relayPopupResponse();
