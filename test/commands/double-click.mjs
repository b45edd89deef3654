// @ts-check
/**
 * A web-test-runner command for a real double click: `{ position: [x, y] }` presses and releases the
 * left button twice at that point of the test page's viewport in one input sequence, as a user's
 * double click arrives (two `click` events a few ms apart). Two `sendMouse` commands would not do:
 * each is a round trip to the browser, and through WebDriver (WebKit) the second one can come
 * hundreds of ms later, after a fast login has already finished.
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function doubleClickPlugin() {
  return {
    name: 'double-click',
    async executeCommand({ command, payload, session }) {
      if (command !== 'double-click') return undefined;
      const [x, y] = /** @type {{ position: [number, number] }} */ (payload).position;
      const browser = /** @type {any} */ (session.browser);
      if (browser.type === 'webdriver') {
        const press = [{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }];
        await browser.driver.performActions([
          { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', duration: 0, x, y }, ...press, ...press] },
        ]);
        await browser.driver.releaseActions();
        return true;
      }
      // puppeteer (Chromium over CDP, Firefox over BiDi): two presses, the second with clickCount 2.
      await browser.getPage(session.id).mouse.click(x, y, { count: 2 });
      return true;
    },
  };
}
