// The benchmark's browser: Debian's Chromium through puppeteer-core (nothing is downloaded).
import puppeteer from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless Chromium with the popup blocker on (every login here starts from a real click). */
export function launch() {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
}

/** Median and 90th percentile (nearest rank) of `values`. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { n: s.length, median: at(0.5), p90: at(0.9), min: s[0], max: s.at(-1) };
}

/**
 * A 95% bootstrap interval of `compare(median(a), median(b))` (by default their ratio), resampling
 * the rounds (index i of `a` and `b` ran in the same round) with a fixed-seed generator so a report
 * is reproducible from its samples.
 */
export function bootstrapInterval(a, b, compare = (x, y) => x / y, resamples = 2000) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const median = (v) => stats(v).median;
  const n = Math.min(a.length, b.length);
  const ratios = [];
  for (let k = 0; k < resamples; k++) {
    const pick = Array.from({ length: n }, () => Math.floor(random() * n));
    ratios.push(compare(median(pick.map((i) => a[i])), median(pick.map((i) => b[i]))));
  }
  ratios.sort((x, y) => x - y);
  return [ratios[Math.floor(0.025 * resamples)], ratios[Math.ceil(0.975 * resamples) - 1]];
}

/** Waits until `check()` is truthy, polling every 10 ms, or throws naming `what`. */
export async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
