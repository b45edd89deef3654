// Part 1b: where the bytes of dist/social-login.min.js go, by source (source-map-explorer over the
// shipped source map). Minified bytes are exact per source; gzip does not split by source, so each
// group's gzip figure is its share of the minified bytes applied to the file's gzip size (an estimate).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { explore } from 'source-map-explorer';

/** Groups a source path of the map: a dependency by package, our code by folder. */
function group(source) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (pkg) return pkg[1];
  const ours = /src\/(?:(\w+)\/)?([\w.-]+)\.ts$/.exec(source);
  if (!ours) return 'bundler output: the API and kit namespaces, chunk hashes, IIFE (unmapped)';
  if (!ours[1]) return /^(errors|events)$/.test(ours[2]) ? 'src/errors.ts + events.ts (public classes)' : 'src/*.ts (entries, landing, kit)';
  return `src/${ours[1]}/`;
}

/**
 * @param {string} file the minified bundle (its .map beside it)
 * @returns {Promise<{ file: string, raw: number, gzip: number, groups: Array<{ name: string, raw: number, gzip: number, sources: string[] }> }>}
 */
export async function measureBreakdown(file = 'dist/social-login.min.js') {
  const result = await explore(file, { output: { format: 'json' }, noBorderChecks: true });
  const bundle = result.bundles[0];
  if (!bundle || 'error' in bundle) throw new Error(`bench: source-map-explorer could not read ${file}`);
  const raw = bundle.totalBytes;
  const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
  const groups = new Map();
  for (const [source, { size }] of Object.entries(bundle.files)) {
    const name = group(source);
    const g = groups.get(name) ?? { name, raw: 0, sources: [] };
    g.raw += size;
    if (!source.startsWith('[')) g.sources.push(source.replace(/^.*?(src\/|node_modules\/)/, '$1'));
    groups.set(name, g);
  }
  return {
    file,
    raw,
    gzip,
    groups: [...groups.values()].map((g) => ({ ...g, gzip: Math.round((gzip * g.raw) / raw) })).sort((a, b) => b.raw - a.raw),
  };
}
