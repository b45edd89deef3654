// Checks that every README snippet of the classic script names this version and the Subresource
// Integrity hash of the file just built (dist/integrity.json); `--write` updates them instead.
// Run by `npm test` after the build, so the published snippet can never go stale.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
let integrity;
try {
  integrity = JSON.parse(readFileSync('dist/integrity.json', 'utf8'))['social-login.min.js'];
} catch {
  throw new Error('dist/integrity.json is missing: run `npm run build` first.');
}
const SNIPPET = /social-login@([^/"]+)\/dist\/social-login\.min\.js"(\s+)integrity="(sha384-[^"]+)"/g;
const readme = readFileSync('README.md', 'utf8');
const found = [...readme.matchAll(SNIPPET)];
if (!found.length) throw new Error('README.md has no <script src=".../social-login@<version>/dist/social-login.min.js" integrity="sha384-…"> snippet.');

const stale = found.filter((m) => m[1] != version || m[3] != integrity);
if (process.argv.includes('--write')) {
  writeFileSync('README.md', readme.replace(SNIPPET, (_m, _v, space) => `social-login@${version}/dist/social-login.min.js"${space}integrity="${integrity}"`));
  console.log(`sri: README.md now pins social-login@${version} ${integrity} (${found.length} snippet(s)).`);
} else if (stale.length) {
  console.error(`sri: ${stale.length} README snippet(s) pin ${stale.map((m) => `${m[1]} ${m[3]}`).join(', ')}, but this build is ${version} ${integrity}.`);
  console.error('sri: run `npm run sri -- --write` and commit README.md.');
  process.exit(1);
} else console.log(`sri: README.md pins social-login@${version} ${integrity}.`);
