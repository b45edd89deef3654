// @ts-check
/**
 * `node scripts/check-examples.mjs`: type-checks and builds the framework examples in
 * demo/frameworks/ (plain HTML, React, Vue, Svelte) against this repository's build, as a user's
 * project would import it (`social-login` is `file:../..` there).
 *
 * Needs the root built first (`npm ci && npm run build`): the examples read dist/. demo/frameworks
 * is its own npm project (TypeScript 5.9, vue-tsc, svelte-check: the root's TypeScript 7 has no JS
 * compiler API for them); its packages are installed with `npm ci` when node_modules is missing or
 * older than its package-lock.json.
 *
 * First checks that the examples' typings of <social-login> are the ones the custom elements
 * manifest generates (scripts/framework-types.mjs). Prints one line per check, then `examples: N passed, M failed`; exits 1 if any check failed.
 * `--no-build` skips the `vite build` of the React, Vue and Svelte examples.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = fileURLToPath(new URL('../demo/frameworks/', import.meta.url));
const build = !process.argv.includes('--no-build');

/**
 * Runs a command in demo/frameworks, its output collected (printed only when it fails).
 * @param {string} command @param {string[]} args
 * @returns {Promise<{ ok: boolean, output: string }>}
 */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, shell: process.platform == 'win32' });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ ok: false, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The JS file of an installed package's command, to run with this Node (no shell, no npx). */
function bin(/** @type {string} */ pkg, /** @type {string} */ name) {
  const home = `${dir}node_modules/${pkg}/`;
  const bins = JSON.parse(readFileSync(home + 'package.json', 'utf8')).bin;
  return join(home, typeof bins == 'string' ? bins : bins[name]);
}

const seconds = (/** @type {number} */ start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
let passed = 0;
let failed = 0;

/** Checks run as many at a time as there are cores. */
let free = availableParallelism();
/** @type {Array<() => void>} */
const queue = [];
const slot = () => (free > 0 ? (free--, Promise.resolve()) : new Promise((resolve) => queue.push(() => resolve(undefined))));
const release = () => (queue.length ? queue.shift()?.() : free++);

/** Queues a check; {@link report} prints its line (and, on failure, the tool's output). */
function start(/** @type {string} */ label, /** @type {string} */ command, /** @type {string[]} */ args) {
  const result = slot().then(async () => {
    const began = performance.now();
    const r = await run(command, args);
    release();
    return { ...r, time: seconds(began) };
  });
  return { label, result };
}

async function report(/** @type {ReturnType<typeof start>} */ job) {
  const { ok, output, time } = await job.result;
  console.log(`${ok ? 'pass' : 'FAIL'}  ${job.label} (${time})`);
  if (ok) passed++;
  else {
    failed++;
    console.log(output.trimEnd().replace(/^/gm, '      '));
  }
  return ok;
}

function finish() {
  console.log(`examples: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// The library's build, which the examples import.
const missing = ['dist/social-login.d.ts', 'dist/define.d.ts', 'dist/social-login.js', 'dist/social-login.min.js'].filter(
  (f) => !existsSync(root + f),
);
if (missing.length) {
  console.log(`FAIL  library build: ${missing.join(', ')} missing; run \`npm run build\` at the repository root first`);
  failed++;
  finish();
}

// The typings of <social-login> the examples use, generated from the manifest.
if (!(await report(start('typings generated from the manifest (scripts/framework-types.mjs)', process.execPath, [root + 'scripts/framework-types.mjs'])))) finish();

// The examples' packages.
const lock = dir + 'package-lock.json';
const installed = dir + 'node_modules/.package-lock.json';
if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) {
  if (!(await report(start('npm ci in demo/frameworks', 'npm', ['ci', '--no-audit', '--no-fund'])))) finish();
}

// Reported in this order, whatever order they finish in.
const node = process.execPath;
const tsc = bin('typescript', 'tsc');
const jobs = [
  start('html: tsc (checkJs)', node, [tsc, '-p', 'html']),
  start('react: tsc', node, [tsc, '-p', 'react']),
  start('vue: vue-tsc', node, [bin('vue-tsc', 'vue-tsc'), '-p', 'vue']),
  start('svelte: svelte-check', node, [
    bin('svelte-check', 'svelte-check'),
    ...['--workspace', 'svelte', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
  ]),
  ...(build ? ['react', 'vue', 'svelte'] : []).map((example) =>
    start(`${example}: vite build`, node, [bin('vite', 'vite'), 'build', example, '--logLevel', 'warn']),
  ),
];
for (const job of jobs) await report(job);
finish();
