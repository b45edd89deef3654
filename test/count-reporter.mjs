// @ts-check
/**
 * A web-test-runner reporter that writes the pass/fail totals of the run, per browser, to
 * .cache/test-results.json, for .ci/run's closing line, with the seconds from the run's start until
 * each browser's last test file finished (the browsers run side by side).
 */
import { mkdirSync, writeFileSync } from 'node:fs';

/** @param {any} suite @param {{ passed: number, failed: number, skipped: number }} acc */
function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
}

/** @returns {import('@web/test-runner').Reporter} */
export function countReporter(file = '.cache/test-results.json') {
  let started = Date.now();
  /** @type {Record<string, number>} */
  const finished = {};
  return {
    onTestRunStarted() {
      started = Date.now();
    },
    getTestProgress({ sessions }) {
      const byBrowser = new Map();
      for (const s of sessions) byBrowser.set(s.browser.name, (byBrowser.get(s.browser.name) ?? true) && s.status == 'FINISHED');
      for (const [name, done] of byBrowser) if (done) finished[name] ??= Math.round((Date.now() - started) / 1000);
      return [];
    },
    onTestRunFinished({ sessions }) {
      for (const session of sessions) finished[session.browser.name] ??= Math.round((Date.now() - started) / 1000);
      /** @type {Record<string, { passed: number, failed: number, skipped: number, seconds?: number }>} */
      const byBrowser = {};
      for (const session of sessions) {
        const acc = (byBrowser[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0, seconds: finished[session.browser.name] });
        count(session.testResults, acc);
        // A test file that failed to load or run counts as one failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) acc.failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify(byBrowser, null, 2));
    },
  };
}
