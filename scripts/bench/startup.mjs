// Part 3: startup on a page with the widget vs the bare Lit floor: from just before the library's
// <script> to its buttons rendered (script evaluation + element definition + first render, from the
// HTTP cache), and the page's first contentful paint. Fresh page per load. A third page renders in
// Japanese: its render waits for the chunks' manifest and the ja pack (from the HTTP cache too).
//
// Each comparison alternates its own two pages (ABBA, so each follows the other as often): a load is
// slowed by the one before it, and a page that loads a language pack slows the next load of either
// page by more than the gap measured (BENCHMARKS.md). Wall time on a small machine also counts
// whatever else its cores ran meanwhile; a second pass reads the renderer's main-thread CPU time
// between the same two marks from a trace (its `tts`), which only the page's own work moves.
import { stats } from './browser.mjs';

/** The pause after each load. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 100);

/** Resolves once the page has marked `t1` (its buttons are rendered). */
export const rendered = (page) =>
  page.evaluate(() => new Promise((resolve) => {
    const read = () => (performance.getEntriesByName('t1').length ? resolve() : requestAnimationFrame(read));
    read();
  }));

/** One load of `path`: render time and first paint, or (traced) the main thread's CPU time for the render. */
async function load(browser, url, traced) {
  const page = await browser.newPage();
  try {
    if (traced) await page.tracing.start({ categories: ['blink.user_timing'] });
    await page.goto(url, { waitUntil: 'load' });
    await rendered(page);
    if (traced) {
      const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
      const [t0, t1] = ['t0', 't1'].map((n) => events.find((e) => e.name == n && e.cat == 'blink.user_timing'));
      return { cpu: (t1.tts - t0.tts) / 1000 };
    }
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          const read = () => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const [t0, t1] = ['t0', 't1'].map((n) => performance.getEntriesByName(n)[0].startTime);
            if (fcp) resolve({ ready: t1 - t0, fcp: fcp.startTime });
            else requestAnimationFrame(read);
          };
          read();
        }),
    );
  } finally {
    await page.close();
    // The closed page's teardown runs in other processes: the next load starts once it is done.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}

/** `loads` paired loads of two pages, alternating which goes first: untraced, then traced. */
async function compare(browser, origin, paths, loads, warmup) {
  const samples = paths.map(() => ({ ready: [], fcp: [], cpu: [] }));
  for (const traced of [false, true]) {
    for (let i = 0; i < warmup + loads; i++) {
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const m = await load(browser, origin + paths[k], traced);
        if (i < warmup) continue;
        for (const [key, value] of Object.entries(m)) samples[k][key].push(value);
      }
    }
  }
  return samples;
}

const summary = (name, samples) => ({ name, samples, ready: stats(samples.ready), fcp: stats(samples.fcp), cpu: stats(samples.cpu) });

/**
 * Ours and the Lit floor in one loop; the Japanese page and ours again in another (`base`: those loads
 * of ours). Each of `sessions` fresh browsers runs both loops with its share of `loads` (a browser's
 * caches settle differently from one launch to the next, and move the figures by more than a loop's
 * own spread); the samples are pooled, and each session's own gap is kept.
 */
export async function measureStartup(launch, origin, { loads, sessions = 3, warmup = 3 }) {
  const pooled = Array.from({ length: 4 }, () => ({ ready: [], fcp: [], cpu: [] }));
  const gaps = [];
  for (let s = 0; s < sessions; s++) {
    const browser = await launch();
    try {
      const share = Math.ceil(loads / sessions);
      const [ours, lit] = await compare(browser, origin, ['/startup-ours.html', '/startup-lit.html'], share, warmup);
      const [ja, base] = await compare(browser, origin, ['/startup-ours-ja.html', '/startup-ours.html'], share, warmup);
      gaps.push({ ready: stats(ours.ready).median - stats(lit.ready).median, cpu: stats(ours.cpu).median - stats(lit.cpu).median });
      [ours, lit, ja, base].forEach((samples, i) => Object.keys(samples).forEach((key) => pooled[i][key].push(...samples[key])));
    } finally {
      await browser.close();
    }
  }
  const [ours, lit, ja, base] = pooled;
  return Object.assign([summary('ours', ours), summary('Lit floor', lit), { ...summary('ours, lang="ja" (a pack)', ja), base: summary('ours (its own loop)', base) }], { gaps });
}
