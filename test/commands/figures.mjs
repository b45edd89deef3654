// @ts-check
/**
 * A web-test-runner command for tests that measure something the closing note must quote (the
 * adversarial suite's message counts): `executeServerCommand('figures', { name, figures })` prints
 * one line per call and keeps them all, per browser, in `.cache/test-figures.json` (.ci/run prints it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';

/** @param {string} [file] @returns {import('@web/test-runner').TestRunnerPlugin} */
export function figuresPlugin(file = '.cache/test-figures.json') {
  /** @type {Record<string, Record<string, unknown>>} */
  const all = {};
  return {
    name: 'figures',
    serverStart() {
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, '{}\n');
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'figures') return undefined;
      const { name, figures } = /** @type {{ name: string, figures: unknown }} */ (payload);
      const browser = session.browser.name;
      (all[browser] ??= {})[name] = figures;
      writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
      console.log(`[figures] ${browser} · ${name}: ${JSON.stringify(figures)}`);
      return true;
    },
  };
}
