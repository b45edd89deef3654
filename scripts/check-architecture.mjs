// @ts-check
/**
 * `node scripts/check-architecture.mjs` (run by `npm test`): the rules of src/'s layout, over the
 * import graph of every non-test module (static imports, `import type` and re-exports included;
 * `import()` is the lazy seam and only the chunk loaders may use it):
 * - no import cycle;
 * - arrows point down the layers: util ← errors/events ← core ← protocols, icons, element ← entries;
 * - no file over 300 lines, and the element's own file at most 250.
 * Prints what breaks a rule and exits 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SRC = 'src';
const MAX_LINES = 300;
const MAX_ELEMENT_LINES = 250;

/**
 * The groups of src/, by path, and which groups each may import (its own always): util ←
 * errors/events ← core ← element and the chunks (protocols/shared ← protocols/<name>; icons) ←
 * entries. The entries reach the chunks only through the core's loaders.
 */
const GROUPS = [
  [/^util\//, 'util', []],
  [/^(errors|events|version)\.ts$/, 'errors/events', ['util']],
  [/^core\//, 'core', ['util', 'errors/events']],
  [/^element\//, 'element', ['util', 'errors/events', 'core']],
  [/^protocols\/shared\//, 'protocols/shared', ['util', 'errors/events', 'core']],
  [/^protocols\/[\w-]+\//, 'protocols/<name>', ['util', 'errors/events', 'core', 'protocols/shared', 'protocols/oidc']],
  [/^icons\//, 'icons', ['util']],
  [/^locales\//, 'locales', ['util', 'errors/events', 'core']],
  [/^diagnostics\//, 'diagnostics', ['util', 'errors/events']],
  [/^[\w.-]+\.ts$/, 'entries', ['util', 'errors/events', 'core', 'element']],
];
/** The chunk loaders: the only modules that reach into another group by `import()`. */
const LOADERS = /^core\/chunk-loader(\.classic)?\.ts$/;

/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const files = walk(SRC).filter((f) => !f.endsWith('.test.ts'));
/** @param {string} file */
const groupOf = (file) => {
  const rel = relative(SRC, file);
  const hit = GROUPS.find(([re]) => /** @type {RegExp} */ (re).test(rel));
  if (!hit) throw new Error(`check-architecture: ${rel} is in no group; add its folder to GROUPS.`);
  // Each protocol is a group of its own: one protocol imports no other, but for the OpenID Connect
  // machinery (protocols/oidc/), which other brokers speak for their standard flows (Authing's redirect).
  const name = hit[1] == 'protocols/<name>' ? dirname(rel) : /** @type {string} */ (hit[1]);
  return { name, kind: /** @type {string} */ (hit[1]), allowed: /** @type {string[]} */ (hit[2]) };
};

/** @type {Map<string, Array<{ to: string, dynamic: boolean }>>} */
const graph = new Map();
const problems = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  // Comments out (they quote imports in prose), strings kept.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const edges = [];
  for (const m of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2];
    const to = join(dirname(file), /** @type {string} */ (spec)).replace(/\.js$/, '.ts');
    edges.push({ to, dynamic: !!m[2] });
  }
  graph.set(file, edges);
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const limit = file == join(SRC, 'element/social-login.ts') ? MAX_ELEMENT_LINES : MAX_LINES;
  if (lines > limit) problems.push(`${file}: ${lines} lines (at most ${limit})`);
}

// Groups.
for (const [file, edges] of graph) {
  const from = groupOf(file);
  for (const { to, dynamic } of edges) {
    if (!graph.has(to)) {
      problems.push(`${file}: imports ${to}, which is not a module of src/`);
      continue;
    }
    const target = groupOf(to);
    if (target.name == from.name) continue;
    if (dynamic) {
      if (!LOADERS.test(relative(SRC, file))) problems.push(`${file}: import() of ${to}: only the core's chunk loaders load another group`);
    } else if (!from.allowed.includes(target.kind) && !from.allowed.includes(target.name)) {
      problems.push(`${file} (${from.name}) imports ${to} (${target.name}): ${from.kind} may import only ${from.allowed.join(', ') || 'its own group'}`);
    }
  }
}

// Cycles (static edges only: the lazy seam is one-way by construction), by Tarjan's strongly connected components.
let index = 0;
/** @type {Map<string, number>} */ const order = new Map();
/** @type {Map<string, number>} */ const low = new Map();
/** @type {string[]} */ const stack = [];
const onStack = new Set();
/** @param {string} v */
function connect(v) {
  order.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const { to, dynamic } of graph.get(v) ?? []) {
    if (dynamic || !graph.has(to)) continue;
    if (!order.has(to)) {
      connect(to);
      low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (low.get(to))));
    } else if (onStack.has(to)) low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (order.get(to))));
  }
  if (low.get(v) == order.get(v)) {
    const component = [];
    let w;
    do {
      w = /** @type {string} */ (stack.pop());
      onStack.delete(w);
      component.push(w);
    } while (w != v);
    if (component.length > 1) problems.push(`import cycle: ${component.sort().join(' ⇄ ')}`);
  }
}
for (const v of graph.keys()) if (!order.has(v)) connect(v);

const largest = [...graph.keys()]
  .map((f) => ({ f, n: readFileSync(f, 'utf8').split('\n').length - 1 }))
  .sort((a, b) => b.n - a.n)[0];
if (problems.length) {
  console.error(`architecture: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`architecture: ${graph.size} modules, no cycle, layers respected; largest ${largest?.f} (${largest?.n} lines)`);
