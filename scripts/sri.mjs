// Checks that every README snippet of a classic script (the core, and the relay alone) names this
// version and the Subresource Integrity hash of the file just built (dist/integrity.json); `--write`
// updates them instead. Run by `npm test` after the build, so a published snippet can never go stale.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
let integrity;
try {
  integrity = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
} catch {
  throw new Error('dist/integrity.json is missing: run `npm run build` first.');
}
const FILES = ['social-login.min.js', 'social-login.relay.min.js'];
const SNIPPET = /social-login@([^/"]+)\/dist\/(social-login(?:\.relay)?\.min\.js)"(\s+)integrity="([^"]+)"/g;
const readme = readFileSync('README.md', 'utf8');
const found = [...readme.matchAll(SNIPPET)];
for (const file of FILES) {
  if (!found.some((m) => m[2] == file)) throw new Error(`README.md has no <script src=".../social-login@<version>/dist/${file}" integrity="sha384-…"> snippet.`);
}

const stale = found.filter((m) => m[1] != version || m[4] != integrity[m[2]]);
if (process.argv.includes('--write')) {
  writeFileSync('README.md', readme.replace(SNIPPET, (_m, _v, file, space) => `social-login@${version}/dist/${file}"${space}integrity="${integrity[file]}"`));
  console.log(`sri: README.md now pins social-login@${version}: ${FILES.map((f) => `${f} ${integrity[f]}`).join(', ')} (${found.length} snippet(s)).`);
} else if (stale.length) {
  console.error(`sri: ${stale.length} README snippet(s) pin ${stale.map((m) => `${m[2]} ${m[1]} ${m[4]}`).join(', ')}, but this build is ${version} ${FILES.map((f) => `${f} ${integrity[f]}`).join(', ')}.`);
  console.error('sri: run `npm run sri -- --write` and commit README.md.');
  process.exit(1);
} else console.log(`sri: README.md pins social-login@${version}: ${FILES.map((f) => `${f} ${integrity[f]}`).join(', ')}.`);
