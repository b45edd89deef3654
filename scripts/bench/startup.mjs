// Part 3: startup on a page with the widget vs the bare Lit floor: from just before the library's
// <script> to its buttons rendered (script evaluation + element definition + first render, from the
// HTTP cache), and the page's first contentful paint. Fresh page per load, alternating. A third page
// renders in Japanese: its render waits for the chunks' manifest and the ja pack (from the HTTP cache too).
import { stats } from './browser.mjs';

export async function measureStartup(browser, origin, { loads, warmup = 3 }) {
  const pages = { ours: '/startup-ours.html', 'Lit floor': '/startup-lit.html', 'ours, lang="ja" (a pack)': '/startup-ours-ja.html' };
  const times = Object.fromEntries(Object.keys(pages).map((name) => [name, { ready: [], fcp: [] }]));
  for (let i = 0; i < warmup + loads; i++) {
    for (const [name, path] of Object.entries(pages)) {
      const page = await browser.newPage();
      await page.goto(origin + path, { waitUntil: 'load' });
      const m = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const read = () => {
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              if (fcp && Number.isFinite(window.t1)) resolve({ ready: window.t1 - window.t0, fcp: fcp.startTime });
              else requestAnimationFrame(read);
            };
            read();
          }),
      );
      await page.close();
      if (i >= warmup) {
        times[name].ready.push(m.ready);
        times[name].fcp.push(m.fcp);
      }
    }
  }
  return Object.entries(times).map(([name, t]) => ({ name, samples: t, ready: stats(t.ready), fcp: stats(t.fcp) }));
}
