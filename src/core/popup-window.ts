import { quietly } from '../util/quietly.js';
import { popupFeatures } from './popup-geometry.js';
import { POPUP_MARK } from './relay.js';

/** 96 random bits as text, for the popup's name and its mark (the page-view script needs no base64url for them). */
const token = (): string => String(crypto.getRandomValues(new Uint32Array(3)));

/**
 * The login popup: it opens (synchronously, inside the click), navigates, hands back what
 * came back, and closes. Nothing about OAuth lives here.
 * @internal
 */
export class PopupWindow {
  /**
   * Opens a centred popup at `url` when the click has one (a request prepared ahead of it), else
   * empty, under a random name, with a random mark in its copy of this tab's sessionStorage (see
   * `POPUP_MARK`). Call it synchronously in the click handler, before any `await`, or browsers
   * block it.
   * @returns `null` when the browser blocked it
   */
  static open(url = 'about:blank'): PopupWindow | null {
    const mark = token();
    quietly(() => sessionStorage.setItem(POPUP_MARK, mark));
    const win = window.open(url, token(), popupFeatures(window));
    quietly(() => sessionStorage.removeItem(POPUP_MARK));
    return win && !win.closed ? new PopupWindow(win, mark) : null;
  }

  /** The response has come: the popup was closed by us, and the login goes on without it. */
  answered = false;

  private constructor(
    readonly window: Window,
    /** What its landing page relays with the response, to tell it from any other tab. */
    readonly mark: string,
  ) {}

  /** Sends the popup to `url`, replacing about:blank in its history. */
  navigate(url: string): void {
    this.window.location.replace(url);
  }

  close(): void {
    this.window.close();
  }
}
