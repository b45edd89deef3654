// The README's API reference, generated from the Custom Elements Manifest: Markdown tables of each
// custom element's attributes and properties, read-only properties and methods, events (with their
// class and `detail` type), CSS parts, CSS custom properties and slots, between the markers
// `<!-- api:start -->` and `<!-- api:end -->`.
//
//   node scripts/api-docs.mjs [--write] [--manifest dist/custom-elements.json] [README.md]
//
// Without --write it checks: exit 1, naming the difference, when the file's section is not what the
// sources give, or the markers are missing. With --write it rewrites the section (the markers must
// be there already: where the section goes is the README's choice). The manifest is analysed afresh
// from src/ with custom-elements-manifest.config.mjs unless --manifest names a built one.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const START = '<!-- api:start -->';
const END = '<!-- api:end -->';
const root = fileURLToPath(new URL('..', import.meta.url));

function usage(message) {
  console.error(`api-docs: ${message}\nusage: node scripts/api-docs.mjs [--write] [--manifest <custom-elements.json>] [<README.md>]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let write = false;
let manifestPath;
let readmePath;
for (let i = 0; i < args.length; i++) {
  if (args[i] == '--write') write = true;
  else if (args[i] == '--manifest') manifestPath = args[++i] ?? usage('--manifest needs a file');
  else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
  else if (readmePath) usage('one README file at most');
  else readmePath = args[i];
}
readmePath ??= `${root}README.md`;

/** The manifest: the built one, or analysed now from the sources (the config's warnings are counted, not shown). */
async function loadManifest() {
  if (manifestPath) return JSON.parse(readFileSync(manifestPath, 'utf8'));
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => warnings++;
  try {
    return await cli({ argv: ['analyze', '--config', `${root}custom-elements-manifest.config.mjs`, '--quiet'], cwd: root, noWrite: true });
  } finally {
    console.warn = warn;
    if (warnings) console.error(`api-docs: the manifest has ${warnings} warning(s); \`npm run analyze\` lists them.`);
  }
}

/** One table cell: one line, pipes escaped (also inside code spans, as GFM tables require). */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
/** JSDoc inline tags as Markdown: `{@link X}` → `X` in code, `{@link X text}` → text. */
const prose = (text) => cell((text ?? '').replace(/\{@link(?:code|plain)?\s+([^\s}]+)(?:\s+([^}]+))?\}/g, (_, target, label) => label ?? `\`${target}\``));
const code = (text) => (text ? `\`${cell(text)}\`` : '—');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const optional = (type) => type?.replace(/\s*\|\s*undefined\b/g, '');

/** The Markdown of one custom element. */
function element(d, declarations) {
  const out = [`### \`<${d.tagName}>\``];
  if (d.summary) out.push(prose(d.summary));

  const members = (d.members ?? []).filter((m) => !m.static && (!m.privacy || m.privacy == 'public'));
  const fields = members.filter((m) => m.kind == 'field' && !m.readonly);
  const rows = fields.map((m) => {
    const attribute = (d.attributes ?? []).find((a) => a.fieldName == m.name);
    const name = attribute ? `${code(attribute.name)}${m.reflects ? ' (reflected)' : ''}` : '—';
    return [name, code(m.name), code(optional(m.type?.text)), code(m.default ?? attribute?.default), prose(m.description ?? attribute?.description)];
  });
  for (const a of d.attributes ?? []) {
    if (!a.fieldName || !fields.some((m) => m.name == a.fieldName)) rows.push([code(a.name), '—', code(optional(a.type?.text)), code(a.default), prose(a.description)]);
  }
  if (rows.length) out.push('#### Attributes and properties', table(['Attribute', 'Property', 'Type', 'Default', 'Description'], rows));

  const api = members.filter((m) => m.kind == 'method' || (m.kind == 'field' && m.readonly));
  if (api.length) {
    const signature = (m) =>
      m.kind == 'method'
        ? `${m.name}(${(m.parameters ?? []).map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ')})${m.return?.type?.text ? `: ${m.return.type.text}` : ''}`
        : `${m.name}: ${m.type?.text ?? 'unknown'}`;
    out.push('#### Read-only properties and methods', table(['Member', 'Description'], api.map((m) => [code(signature(m)), prose(m.description)])));
  }

  if (d.events?.length) {
    const detail = (type) => {
      const generic = /^CustomEvent<(.+)>$/.exec(type ?? '');
      if (generic) return generic[1];
      return declarations.find((x) => x.kind == 'class' && x.name == type)?.members?.find((m) => m.name == 'detail' && !m.static)?.type?.text;
    };
    out.push('#### Events', table(['Event', 'Type', '`detail`', 'Description'], d.events.map((e) => [code(e.name), code(e.type?.text), code(detail(e.type?.text)), prose(e.description)])));
  }
  if (d.cssParts?.length) out.push('#### CSS parts', table(['Part', 'Description'], d.cssParts.map((p) => [code(p.name), prose(p.description)])));
  if (d.cssProperties?.length) {
    out.push(
      '#### CSS custom properties',
      table(['Property', 'Default', 'Description'], d.cssProperties.map((p) => [code(p.name), code(p.default), prose(p.description)])),
    );
  }
  if (d.slots?.length) out.push('#### Slots', table(['Slot', 'Description'], d.slots.map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)])));
  return out.join('\n\n');
}

function render(manifest) {
  const declarations = (manifest.modules ?? []).flatMap((m) => m.declarations ?? []);
  const elements = declarations.filter((d) => d.customElement && d.tagName).sort((a, b) => a.tagName.localeCompare(b.tagName));
  if (!elements.length) throw new Error('the manifest declares no custom element');
  return [
    '<!-- Generated from the Custom Elements Manifest by `npm run api-docs`: edit the JSDoc in src/, not this section. -->',
    ...elements.map((d) => element(d, declarations)),
  ].join('\n\n');
}

/** A short line diff (longest common subsequence) of the section: `-` the file's lines, `+` the generated ones. */
function diff(a, b, limit = 30) {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) (i++, j++);
    else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) lines.push(`  - ${a[i++]}`);
    else lines.push(`  + ${b[j++]}`);
  }
  return lines.length > limit ? [...lines.slice(0, limit), `  … ${lines.length - limit} more changed line(s)`] : lines;
}

const name = readmePath.startsWith(root) ? readmePath.slice(root.length) : readmePath;
let readme;
try {
  readme = readFileSync(readmePath, 'utf8');
} catch (err) {
  console.error(`api-docs: cannot read ${name}: ${err.message}`);
  process.exit(2);
}
const start = readme.indexOf(START);
const end = readme.indexOf(END, start + START.length);
if (start < 0 || end < 0) {
  console.error(
    `api-docs: ${name} has no API section: put the lines ${START} and ${END} where it goes${start < 0 && end >= 0 ? ` (${END} is there, ${START} is not)` : start >= 0 ? ` (${START} is there, ${END} is not after it)` : ''}.`,
  );
  process.exit(1);
}
if (readme.indexOf(START, start + 1) >= 0) {
  console.error(`api-docs: ${name} has ${START} more than once.`);
  process.exit(1);
}

let body;
try {
  body = render(await loadManifest());
} catch (err) {
  console.error(`api-docs: ${err.stack ?? err}`);
  process.exit(2);
}
const current = readme.slice(start + START.length, end);
const wanted = `\n${body}\n`;
const line = readme.slice(0, start).split('\n').length;

if (current == wanted) {
  console.log(`api-docs: ${name} API section (line ${line}) is up to date.`);
} else if (write) {
  writeFileSync(readmePath, readme.slice(0, start + START.length) + wanted + readme.slice(end));
  console.log(`api-docs: wrote ${name} API section (line ${line}, ${wanted.split('\n').length - 2} lines).`);
} else {
  console.error(`api-docs: ${name} API section (line ${line}) is stale; the sources give:`);
  console.error(diff(current.split('\n').slice(1, -1), wanted.split('\n').slice(1, -1)).join('\n'));
  console.error('api-docs: run `npm run api-docs` (node scripts/api-docs.mjs --write) and commit README.md.');
  process.exit(1);
}
