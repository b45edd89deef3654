// @ts-check
/**
 * A web-test-runner command that does to the browser's windows what a user would, for windows the
 * page's own script cannot reach (a popup that Cross-Origin-Opener-Policy cut off from its opener):
 * - `{ action: 'close', url }`: closes the window whose address starts with `url`, as its close
 *   button would;
 * - `{ action: 'focus', url }`: brings that window to the front;
 * - `{ action: 'focus-opener' }`: brings the test page's window back to the front;
 * - `{ action: 'find', url }`: only tells whether such a window is open;
 * - `{ action: 'open', url }`: opens `url` in a new window of the same browser profile, in the
 *   background, as a tab another site opened would be (no opener, its own sessionStorage).
 * Answers `true` when it found the window. Works with puppeteer in Chromium (CDP) and Firefox (BiDi).
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function windowsPlugin() {
  return {
    name: 'windows',
    async executeCommand({ command, payload, session }) {
      if (command !== 'windows') return undefined;
      const { action, url } = /** @type {{ action: string, url?: string }} */ (payload);
      const page = /** @type {any} */ (session.browser).getPage(session.id);
      if (action === 'focus-opener') {
        await page.bringToFront();
        return true;
      }
      const browser = page.browser();
      if (action === 'open') {
        const other = await browser.newPage({ type: 'window', background: true });
        await other.goto(url);
        return true;
      }
      const target = browser.targets().find((/** @type {any} */ t) => t.type() === 'page' && t !== page.target() && url && t.url().startsWith(url));
      if (!target) return false;
      if (action === 'find') return true;
      if (browser.protocol === 'cdp') {
        // Straight to the browser: puppeteer's Page objects choke on a popup that COOP moved to
        // another browsing context group ("Requesting main frame too early").
        const cdp = await browser.target().createCDPSession();
        if (action === 'close') await cdp.send('Target.closeTarget', { targetId: target._targetId });
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
