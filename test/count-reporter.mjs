// @ts-check
/**
 * A web-test-runner reporter that writes the pass/fail totals of the run, per browser, to
 * .cache/test-results.json, for .ci/run's closing line.
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
  return {
    onTestRunFinished({ sessions }) {
      /** @type {Record<string, { passed: number, failed: number, skipped: number }>} */
      const byBrowser = {};
      for (const session of sessions) {
        const acc = (byBrowser[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        count(session.testResults, acc);
        // A test file that failed to load or run counts as one failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) acc.failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify(byBrowser, null, 2));
    },
  };
}
