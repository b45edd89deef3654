// @ts-check
/**
 * A web-test-runner reporter that writes the pass/fail totals of the run, per browser, to
 * .cache/test-results.json, for .ci/run's closing line, with the seconds from the run's start until
 * each browser's last test file finished (the browsers run side by side).
 */
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, seconds?: number, failures: string[] }} Counts
 * @param {any} suite @param {Counts} acc @param {string} where
 */
function count(suite, acc, where) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      // Named, so that the tail of a CI log says which test failed and why.
      acc.failures.push(`${where} > ${t.name}: ${String(t.error?.message ?? 'failed').split('\n')[0].slice(0, 300)}`);
    }
  }
  for (const s of suite?.suites ?? []) count(s, acc, `${where} > ${s.name}`);
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
      /** @type {Record<string, Counts>} */
      const byBrowser = {};
      for (const session of sessions) {
        const acc = (byBrowser[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0, seconds: finished[session.browser.name], failures: [] });
        const file = session.testFile.replace(process.cwd() + '/', '');
        count(session.testResults, acc, file);
        // A test file that failed to load or run counts as one failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) {
          acc.failed++;
          acc.failures.push(`${file}: ${String(session.errors?.[0]?.message ?? 'did not run').split('\n')[0].slice(0, 300)}`);
        }
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify(byBrowser, null, 2));
    },
  };
}
