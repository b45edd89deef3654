// Prints raw / gzip -9 / brotli sizes of each dist file and fails when the classic script is over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET = { 'social-login.min.js': 10 * 1024 };
const files = readdirSync('dist').filter((f) => f.endsWith('.js'));
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
console.log('file'.padEnd(24), 'raw'.padStart(8), 'gzip -9'.padStart(8), 'brotli'.padStart(8), ' budget (gzip)');
for (const r of rows) {
  console.log(r.file.padEnd(24), String(r.raw).padStart(8), String(r.gzip).padStart(8), String(r.brotli).padStart(8), '', r.verdict);
}
if (over) {
  console.error('size: over budget');
  process.exit(1);
}
