// Checks the package as `npm publish` would ship it; run after `npm run build` (`npm run check:package`).
//
// 1. tarball: `npm pack --dry-run --json` holds exactly the expected files: the ES entries and the
//    chunks they import, the .d.ts (entry stubs and dist/types/ for every non-test source), the
//    classic script and its chunks (the files dist/integrity.json pins), integrity.json (whose hashes must be
//    the shipped files'), custom-elements.json, README.md, LICENSE, CHANGELOG.md, package.json; no
//    source maps, tests, src/, demo/, .cache/, scripts/. Every `sideEffects` pattern matches shipped
//    (or, for ./src/, repository) files, and the files that register the element or are classic
//    scripts are listed in it.
// 2. publint, strict (warnings are errors); SUPPRESSED below says why any message is accepted.
// 3. attw (@arethetypeswrong/cli) `--pack . --profile esm-only`: the package is ESM-only, so the
//    node10 resolution (no `exports` support: `social-login/define` and `/script` cannot resolve) and
//    node16 from CommonJS (ESM reachable by import() only) are expected to fail and are not counted;
//    ESM in bundlers and node16-esm must be clean.
// 4. manifest: dist/custom-elements.json documents every public attribute, property, event (typed),
//    part, CSS custom property and slot, lists nothing internal, and names shipped module paths;
//    the parts, CSS custom properties and slots the sources use are all documented.
// Prints each check's findings, then one summary line; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** The algorithm of an SRI hash (`sha256-…`, `sha384-…`). */
const alg = (/** @type {string} */ hash) => /^sha(256|384|512)-/.exec(String(hash))?.[0].slice(0, -1) ?? 'sha384';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lintManifest, lintSources } from './cem-lint.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** publint message code → why it is accepted. Empty: every message fails the check. */
const SUPPRESSED = {};
/** The resolutions an ESM-only package fails by design (attw `--profile esm-only` leaves them out). */
const ESM_ONLY_IGNORED = ['node10', 'node16-cjs'];

const results = [];
/** Runs one check (`key`: its name in the summary line): `fn` returns [summary, problems[], notes[]]. */
async function check(key, name, fn) {
  const t0 = performance.now();
  let summary;
  let problems;
  let notes = [];
  try {
    [summary, problems, notes = []] = await fn();
  } catch (err) {
    summary = 'could not run';
    problems = [String(err?.stack ?? err)];
  }
  const ms = performance.now() - t0;
  results.push({ key, name, summary, problems, ms });
  console.log(`${problems.length ? '✗' : '✓'} ${name}: ${summary} (${(ms / 1000).toFixed(1)} s)`);
  for (const n of notes) console.log(`    ${n}`);
  for (const p of problems) console.log(`    ✗ ${p}`);
}

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
/** A package.json path pattern (`./dist/social-login.*.min.js`) as a RegExp over package-relative paths. */
const glob = (pattern) =>
  new RegExp(`^${pattern.replace(/^\.\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(?:.*/)?')}$`);
/** Every string leaf of the `exports` map. */
const targets = (value) => (typeof value == 'string' ? [value] : value && typeof value == 'object' ? Object.values(value).flatMap(targets) : []);
const clean = (path) => path.replace(/^\.\//, '');
const sources = walk('src').filter((f) => f.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(f) && !f.endsWith('.d.ts'));

if (!existsSync('dist/custom-elements.json') || !existsSync('dist/integrity.json')) {
  console.error('check:package: dist/ is not built (no dist/custom-elements.json or dist/integrity.json): run `npm run build` first.');
  process.exit(1);
}

/** The package-relative paths `npm pack` ships. */
let packed = new Set();

await check('tarball', 'npm pack --dry-run --json', async () => {
  const res = run('npm', ['pack', '--dry-run', '--json']);
  if (res.status != 0) throw new Error(`npm pack --dry-run --json exited ${res.status}: ${res.stderr.trim()}`);
  const [info] = JSON.parse(res.stdout);
  packed = new Set(info.files.map((f) => f.path));
  const problems = [];

  // What the build makes, and nothing else.
  const entryTargets = [...targets(pkg.exports), pkg.main, pkg.module, pkg.types].filter(Boolean).map(clean);
  const classicCore = clean(pkg.exports?.['./script']?.default ?? pkg.exports?.['./script'] ?? 'dist/social-login.min.js');
  // The classic files are the ones the build pinned: the core and each chunk (dist/integrity.json).
  const pinned = Object.keys(JSON.parse(readFileSync('dist/integrity.json', 'utf8')));
  const classic = [classicCore, ...pinned.filter((f) => `dist/${f}` != classicCore).map((f) => `dist/${f}`)];
  // The ES entries and every chunk they import (statically or dynamically), from the built files.
  const esm = new Set();
  const queue = entryTargets.filter((f) => f.endsWith('.js') && !classic.includes(f));
  while (queue.length) {
    const file = queue.pop();
    if (esm.has(file)) continue;
    esm.add(file);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:from\s*|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
      queue.push(new URL(m[1], `file:///${file}`).pathname.slice(1));
    }
  }
  const types = new Set([...entryTargets.filter((f) => f.endsWith('.d.ts')), ...sources.map((f) => f.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts'))]);
  const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE'].find((f) => existsSync(f)) ?? 'LICENSE';
  const expected = new Set([
    'package.json',
    'README.md',
    license,
    'CHANGELOG.md',
    ...esm,
    ...types,
    ...classic,
    'dist/integrity.json',
    clean(pkg.customElements ?? 'dist/custom-elements.json'),
    ...entryTargets.filter((f) => f != 'package.json'),
  ]);

  for (const f of [...expected].sort()) {
    if (packed.has(f)) continue;
    if (f == license && !existsSync(f)) {
      problems.push(`${f} is missing: package.json says "license": "${pkg.license}", but the repository has no license file, so the package carries no license text (MIT requires its notice). Add LICENSE with the copyright holder's name.`);
    } else problems.push(`missing: ${f}${existsSync(f) ? ' (exists, but not packed: check "files")' : ' (not built)'}`);
  }
  const why = (f) =>
    f.endsWith('.map')
      ? 'source map'
      : /(^|\/)[^/]*\.(test|spec)\.|(^|\/)tests?\//.test(f)
        ? 'test'
        : /^(src|demo|scripts|\.cache|node_modules|coverage)\//.test(f)
          ? `${f.split('/')[0]}/`
          : /\.tgz$/.test(f)
            ? 'tarball'
            : 'not a build output the package needs';
  for (const f of [...packed].sort()) if (!expected.has(f)) problems.push(`unexpected: ${f} (${why(f)})`);

  // integrity.json: one hash per classic file, each the shipped file's.
  const integrity = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
  const names = classic.map((f) => f.replace(/^dist\//, ''));
  for (const n of names) if (!(n in integrity)) problems.push(`dist/integrity.json has no hash for ${n}`);
  for (const [n, hash] of Object.entries(integrity)) {
    if (!names.includes(n)) problems.push(`dist/integrity.json lists ${n}, which is not a classic file of this build`);
    // The core carries sha384 (the README's pin); the chunks sha256 (pinned inside the core).
    else if (existsSync(`dist/${n}`) && hash != `${alg(hash)}-${createHash(alg(hash)).update(readFileSync(`dist/${n}`)).digest('base64')}`) {
      problems.push(`dist/integrity.json: the hash of ${n} is not the file's (stale build?)`);
    }
  }

  // sideEffects: no stale pattern, and the registering entry and classic scripts are in it.
  const patterns = Array.isArray(pkg.sideEffects) ? pkg.sideEffects : [];
  if (!Array.isArray(pkg.sideEffects)) problems.push(`"sideEffects" is ${JSON.stringify(pkg.sideEffects)}: list the files that register the element`);
  const repoFiles = walk('src');
  for (const p of patterns) {
    const re = glob(p);
    const pool = clean(p).startsWith('src/') ? repoFiles : [...packed];
    if (!pool.some((f) => re.test(f))) problems.push(`"sideEffects" pattern ${p} matches no ${clean(p).startsWith('src/') ? 'source' : 'shipped'} file`);
  }
  const registering = [...esm].filter((f) => existsSync(f) && /\bcustomElements\.define\(/.test(readFileSync(f, 'utf8')));
  for (const f of [...registering, ...classic]) if (!patterns.some((p) => glob(p).test(f))) problems.push(`${f} has side effects (registers the element / classic script) but "sideEffects" does not list it`);

  const kinds = { js: esm.size, 'd.ts': types.size, classic: classic.length };
  return [
    `${packed.size} files, ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked (${kinds.js} ES modules, ${kinds['d.ts']} .d.ts, ${kinds.classic} classic scripts)`,
    problems,
  ];
});

await check('publint', 'publint --strict', async () => {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const { messages, pkg: linted } = await publint({ pkgDir: root, strict: true, pack: 'npm', level: 'suggestion' });
  const problems = [];
  const notes = [];
  for (const m of messages) {
    const text = `${m.type} ${m.code}: ${formatMessage(m, linted, { color: false }) ?? ''}`;
    if (SUPPRESSED[m.code]) notes.push(`suppressed ${text} — ${SUPPRESSED[m.code]}`);
    else if (m.type == 'suggestion') notes.push(`suggestion ${text}`);
    else problems.push(text);
  }
  const count = (t) => messages.filter((m) => m.type == t).length;
  return [`${count('error')} errors, ${count('warning')} warnings, ${count('suggestion')} suggestions`, problems, notes];
});

await check('attw', 'attw --pack . --profile esm-only', async () => {
  const bin = require.resolve('@arethetypeswrong/cli/package.json').replace(/package\.json$/, require('@arethetypeswrong/cli/package.json').bin.attw);
  const res = run(process.execPath, [bin, '--pack', '.', '--profile', 'esm-only', '--format', 'json']);
  let json;
  try {
    json = JSON.parse(res.stdout);
  } catch {
    throw new Error(`attw exited ${res.status} without JSON: ${(res.stderr || res.stdout).trim().slice(0, 2000)}`);
  }
  const all = json.analysis.problems ?? [];
  const counted = all.filter((p) => !ESM_ONLY_IGNORED.includes(p.resolutionKind));
  const ignored = all.filter((p) => ESM_ONLY_IGNORED.includes(p.resolutionKind));
  const problems = counted.map((p) => `${p.kind} at ${p.entrypoint ?? '?'} (${p.resolutionKind ?? 'all resolutions'})`);
  if (res.status != 0 && !problems.length) problems.push(`attw exited ${res.status}: ${res.stderr.trim()}`);
  const group = new Map();
  for (const p of ignored) group.set(`${p.resolutionKind} ${p.kind}`, [...(group.get(`${p.resolutionKind} ${p.kind}`) ?? []), p.entrypoint]);
  const notes = [...group].map(([k, e]) => `expected for ESM-only, ignored: ${k} at ${e.join(', ')}`);
  const entrypoints = Object.keys(json.analysis.entrypoints ?? {});
  return [`${entrypoints.length} entrypoints (${entrypoints.join(', ')}), ${counted.length} problems in bundler / node16-esm, ${ignored.length} expected in node10 / node16-cjs`, problems, notes];
});

await check('manifest', 'custom elements manifest', async () => {
  const path = clean(pkg.customElements ?? '');
  const problems = [];
  if (!path) problems.push('package.json has no "customElements" field');
  if (clean(pkg.exports?.['./custom-elements.json'] ?? '') != path) problems.push(`exports["./custom-elements.json"] should be "./${path}"`);
  if (path && !packed.has(path)) problems.push(`${path} is not in the package`);
  const manifest = JSON.parse(readFileSync(path || 'dist/custom-elements.json', 'utf8'));
  problems.push(...lintManifest(manifest, { packed }), ...lintSources(manifest, sources.map((f) => readFileSync(f, 'utf8'))));
  const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement));
  const sum = (k) => elements.reduce((n, d) => n + (d[k]?.length ?? 0), 0);
  return [
    `${elements.map((d) => `<${d.tagName}>`).join(', ')}: ${sum('attributes')} attributes, ${sum('members')} members, ${sum('events')} events, ${sum('cssParts')} parts, ${sum('cssProperties')} CSS properties, ${sum('slots')} slots`,
    problems,
  ];
});

const failed = results.filter((r) => r.problems.length);
const total = results.reduce((n, r) => n + r.ms, 0);
console.log(
  `check:package: ${failed.length ? 'FAIL' : 'ok'} — ${results.map((r) => `${r.key} ${r.problems.length ? `${r.problems.length} problem(s)` : 'ok'}`).join(', ')} (${(total / 1000).toFixed(1)} s)`,
);
process.exit(failed.length ? 1 : 0);
