// Prints raw / gzip -9 / brotli sizes of each dist file (subfolders too) and fails when the classic
// script's core is over budget. `npm test` runs it after the build.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Issue 20's budget: 9 KB gzip for what every page view downloads.
const BUDGET = { 'social-login.min.js': 9 * 1024 };
const files = readdirSync('dist', { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.js') && !f.startsWith('types/'))
  .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
if (!files.length) throw new Error('dist/ has no .js files: run `npm run build` first.');

let over = false;
const rows = files.map((file) => {
  const bytes = readFileSync(`dist/${file}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = BUDGET[file];
  const verdict = budget ? (gzip <= budget ? `ok (budget ${budget})` : `OVER budget ${budget}`) : '';
  if (budget && gzip > budget) over = true;
  return { file, raw: bytes.length, gzip, brotli, verdict };
});
const width = Math.max(...rows.map((r) => r.file.length)) + 2;
console.log('file'.padEnd(width), 'raw'.padStart(8), 'gzip -9'.padStart(8), 'brotli'.padStart(8), ' budget (gzip)');
for (const r of rows) {
  console.log(r.file.padEnd(width), String(r.raw).padStart(8), String(r.gzip).padStart(8), String(r.brotli).padStart(8), '', r.verdict);
}
if (over) {
  console.error('size: over budget');
  process.exit(1);
}
