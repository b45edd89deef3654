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

/** Heap snapshot summary: count and self size per node type and name (constructor, native class…). */
async function census(cdp) {
  const chunks = [];
  const take = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byName = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const key = `${snapshot.meta.node_types[0][nodes[i + type]]} ${String(strings[nodes[i + name]]).slice(0, 60)}`;
    const c = byName.get(key) ?? { count: 0, size: 0 };
    c.count++;
    c.size += nodes[i + size];
    byName.set(key, c);
  }
  return byName;
}

/** Node types of the snapshot that are the page's JavaScript values (a widget leak would be among them). */
const JS_TYPES = /^(object|closure|array|string|concatenated string|sliced string|regexp|number) /;

/**
 * What grew most from census `a` to census `b`, overall and among JavaScript values:
 * `{ name, count, size }` (self sizes in bytes).
 */
function growth(a, b, top = 5) {
  const all = [...b]
    .map(([name, c]) => ({ name, count: c.count - (a.get(name)?.count ?? 0), size: c.size - (a.get(name)?.size ?? 0) }))
    .filter((g) => g.size > 0)
    .sort((x, y) => y.size - x.size);
  return { all: all.slice(0, top), js: all.filter((g) => JS_TYPES.test(g.name)).slice(0, top) };
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
  // Halfway too: a leak grows the heap in both halves alike; warming up (code, caches) only in the first.
  const half = Math.ceil(logins / 2);
  for (let i = 0; i < half; i++) await loginOnce(browser, page, 'social-login >>> button');
  await new Promise((r) => setTimeout(r, 300));
  const middle = await snapshot(page, cdp);
  const middleCensus = await census(cdp);
  for (let i = half; i < logins; i++) await loginOnce(browser, page, 'social-login >>> button');
  await new Promise((r) => setTimeout(r, 300));
  const after = await snapshot(page, cdp);
  // Heap snapshots name what the second half's growth is made of.
  const grown = growth(middleCensus, await census(cdp));
  await page.close();
  return { logins, half, before, middle, after, grown };
}
