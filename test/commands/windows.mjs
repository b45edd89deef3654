// @ts-check
/**
 * A web-test-runner command that does to the browser's windows what a user would, for windows the
 * page's own script cannot reach (a popup that Cross-Origin-Opener-Policy cut off from its opener):
 * - `{ action: 'close', url }`: closes the window whose address starts with `url`, as its close
 *   button would;
 * - `{ action: 'focus', url }`: brings that window to the front;
 * - `{ action: 'focus-opener' }`: brings the test page's window back to the front;
 * - `{ action: 'find', url }`: only tells whether such a window is open;
 * - `{ action: 'back', url }`: goes back in that window's history, as its back button would;
 * - `{ action: 'open', url }`: opens `url` in a new window of the same browser profile, in the
 *   background, as a tab another site opened would be (no opener, its own sessionStorage);
 * - `{ action: 'click', url, selector }`: clicks the element `selector` picks in that window (a
 *   button of the broker's own page, on its origin), as the user would; `false` when there is none.
 * Answers `true` when it found the window (and, to click, the element). Works with puppeteer in Chromium (CDP) and Firefox (BiDi),
 * and with the webdriver launcher (WebKit through WebKitWebDriver, WebDriver classic).
 */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The test page's window handle, per WebDriver session: the window the launcher navigates. */
const homes = new WeakMap();

/**
 * The command over WebDriver classic. A driver reads a window's address, closes it or runs script in
 * it only while it is the current window, so each look switches to a window and back: the launcher
 * navigates, clicks and types in the current window, which must be the test page's again when the
 * command answers (switching moves no focus in WebKitGTK, and nothing runs in the page meanwhile).
 * WebDriver has no command that focuses a window, and WebKit lets `window.focus()` through only from
 * the window's opener, so focus is given as the user gives it, through the window manager:
 * web-test-runner.config.mjs runs openbox on the display, and xdotool activates the X window that
 * MiniBrowser titles "[Automation] <document.title>", found under a title set for the moment.
 * @param {any} driver webdriverio's browser of the session (the launcher's `driver`)
 * @param {string} action
 * @param {string | undefined} url
 */
async function webdriverWindows(driver, action, url, selector) {
  let home = homes.get(driver);
  if (!home) homes.set(driver, (home = await driver.getWindowHandle()));
  const focus = async () => {
    const mark = `wtr-focus-${Math.random().toString(36).slice(2, 10)}`;
    const title = await driver.execute('const t = document.title; document.title = arguments[0]; return t', mark);
    try {
      // xdotool's search walks the window tree and gives up (BadWindow) when a window closes under
      // it, as a popup closed just before does: it tries again.
      for (let tries = 1; ; tries++) {
        try {
          await promisify(execFile)('xdotool', ['search', '--sync', '--name', `^\\[Automation\\] ${mark}$`, 'windowactivate', '--sync'], { timeout: 5000 });
          break;
        } catch (err) {
          if (tries == 3) throw err;
        }
      }
    } finally {
      await driver.execute('document.title = arguments[0]', title);
    }
  };
  try {
    if (action === 'focus-opener') {
      await focus();
      return true;
    }
    if (action === 'open') {
      // A new top-level window of the session, sent to `url` (the page load strategy is `none`).
      const { handle } = await driver.createWindow('window');
      await driver.switchToWindow(handle);
      await driver.navigateTo(url);
      return true;
    }
    let found = false;
    for (const handle of await driver.getWindowHandles()) {
      if (handle === home) continue;
      // A window may close between the list and the look (the landing page closes its own).
      const href = await driver.switchToWindow(handle).then(() => driver.getUrl()).catch(() => '');
      if ((found = Boolean(url && href.startsWith(url)))) break;
    }
    if (!found) return false;
    // A window that closes itself meanwhile (a landing page does) can make WebKitWebDriver answer
    // the close with no handles at all, which webdriverio reports as an error: the window is gone.
    if (action === 'close') await driver.closeWindow().catch((/** @type {Error} */ err) => { if (!/All window handles were removed/.test(err.message)) throw err; });
    else if (action === 'focus') await focus();
    else if (action === 'back') await driver.execute('history.back()');
    else if (action === 'click') return await driver.execute('const el = document.querySelector(arguments[0]); el?.click(); return !!el', selector).catch(() => false);
    else if (action !== 'find') throw new Error(`windows: unknown action "${action}"`);
    return true;
  } finally {
    await driver.switchToWindow(home);
  }
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function windowsPlugin() {
  return {
    name: 'windows',
    async executeCommand({ command, payload, session }) {
      if (command !== 'windows') return undefined;
      const { action, url, selector } = /** @type {{ action: string, url?: string, selector?: string }} */ (payload);
      if (session.browser.type === 'webdriver') return webdriverWindows(/** @type {any} */ (session.browser).driver, action, url, selector);
      const page = /** @type {any} */ (session.browser).getPage(session.id);
      if (action === 'focus-opener') {
        await page.bringToFront();
        return true;
      }
      const browser = page.browser();
      if (action === 'open') {
        const other = await browser.newPage({ type: 'window', background: true });
        // A landing page that relays (a popup's state) stops its own loading and closes: its load may never complete.
        await other.goto(url).catch((/** @type {Error} */ err) => {
          if (!/detached|closed/i.test(err.message) || !/[?&]state=slp_/.test(url ?? '')) throw err;
        });
        return true;
      }
      const target = browser.targets().find((/** @type {any} */ t) => t.type() === 'page' && t !== page.target() && url && t.url().startsWith(url));
      if (!target) return false;
      if (action === 'find') return true;
      if (action === 'click') {
        // A page that navigates away meanwhile (one that submits itself) has nothing to click.
        return (await target.page())
          .evaluate((/** @type {string} */ s) => {
            const el = /** @type {HTMLElement | null} */ (document.querySelector(s));
            el?.click();
            return !!el;
          }, selector)
          .catch(() => false);
      }
      if (action === 'back') {
        // Run in the window (any origin): the back button's navigation, which may come from the
        // back/forward cache. Over CDP, straight to the target (see below on puppeteer's Page objects).
        if (browser.protocol === 'cdp') {
          // The browser's own back: the previous entry of the tab's history.
          const cdp = await target.createCDPSession();
          const { currentIndex, entries } = await cdp.send('Page.getNavigationHistory');
          await cdp.send('Page.navigateToHistoryEntry', { entryId: entries[currentIndex - 1].id });
          await cdp.detach().catch(() => {});
        } else await (await target.page()).evaluate('history.back()');
        return true;
      }
      if (browser.protocol === 'cdp') {
        // Straight to the browser: puppeteer's Page objects choke on a popup that COOP moved to
        // another browsing context group ("Requesting main frame too early").
        const cdp = await browser.target().createCDPSession();
        // A target that closed meanwhile (a landing page closes its own window) is closed all the same.
        if (action === 'close') await cdp.send('Target.closeTarget', { targetId: target._targetId }).catch((/** @type {Error} */ err) => { if (!/No target with given id/.test(err.message)) throw err; });
        else if (action === 'focus') await cdp.send('Target.activateTarget', { targetId: target._targetId });
        else throw new Error(`windows: unknown action "${action}"`);
        await cdp.detach();
        return true;
      }
      const other = await target.page();
      if (action === 'close') await other.close();
      else if (action === 'focus') await other.bringToFront();
      else throw new Error(`windows: unknown action "${action}"`);
      return true;
    },
  };
}
