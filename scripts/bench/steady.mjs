// Part 4: steady state. `logins` consecutive popup logins in one page; the JS heap after a forced GC
// before and after, and what the page holds open: window/document listeners (CDP), intervals, pending
// timeouts and BroadcastChannels (counted by wrappers installed before any script runs).
import { loginOnce } from './latency.mjs';

/** Installed before the page's scripts: counts live intervals, pending timeouts and open channels. */
function instrument() {
  const live = { intervals: new Set(), timeouts: new Set(), channels: new Set() };
  const { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct, BroadcastChannel: BC } = window;
  window.setInterval = (fn, ms, ...a) => { const id = si(fn, ms, ...a); live.intervals.add(id); return id; };
  window.clearInterval = (id) => (live.intervals.delete(id), ci(id));
  window.setTimeout = (fn, ms, ...a) => { const id = st((...x) => (live.timeouts.delete(id), typeof fn == 'function' && fn(...x)), ms, ...a); live.timeouts.add(id); return id; };
  window.clearTimeout = (id) => (live.timeouts.delete(id), ct(id));
  window.BroadcastChannel = class extends BC {
    constructor(name) { super(name); live.channels.add(this); }
    close() { live.channels.delete(this); super.close(); }
  };
  window.__live = () => ({ intervals: live.intervals.size, timeouts: live.timeouts.size, channels: live.channels.size });
}

async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const count = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.length;
  };
  return { heap: usedSize, windowListeners: await count('window'), documentListeners: await count('document'), ...(await page.evaluate(() => window.__live())) };
}

export async function measureSteady(browser, origin, { logins }) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(instrument);
  await page.goto(`${origin}/ours.html?mode=query`);
  const cdp = await page.createCDPSession();
  // One login first: it loads the protocol's code and the discovery document, which stay by design.
  await loginOnce(browser, page, 'social-login >>> button');
  await new Promise((r) => setTimeout(r, 300));
  const before = await snapshot(page, cdp);
  for (let i = 0; i < logins; i++) await loginOnce(browser, page, 'social-login >>> button');
  await new Promise((r) => setTimeout(r, 300));
  const after = await snapshot(page, cdp);
  await page.close();
  return { logins, before, after };
}
