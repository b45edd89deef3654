// Builds the classic script: each chunk first, then the manifest that pins them
// (social-login.chunks.min.js: each chunk's Subresource Integrity hash), then the core, which pins
// the manifest. Fails when the chunks and the kit (src/kit.ts, the core's hand-off
// to them) disagree: a core member a chunk imports must be in the kit, and every kit member must be
// used by a chunk. Writes dist/integrity.json with every classic file's hash: the core's sha384 for
// the README's <script integrity> snippet; the chunks are pinned inside the core by sha256, whose
// shorter digests cost every page view 60 B less than sha384 for the same collision resistance an
// SRI check needs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

// Each protocol's flows (src/protocols/<name>/), the brand icons, the configuration errors'
// explanations (src/diagnostics/), and each built-in language (src/locales/).
const CHUNKS = [
  ...readdirSync('src/protocols').filter((d) => d != 'shared'),
  'icons',
  'diagnostics',
  ...readdirSync('src/locales').map((f) => f.replace(/\.ts$/, '')),
];
const sri = (file, alg = 'sha384') => `${alg}-${createHash(alg).update(readFileSync(`dist/${file}`)).digest('base64')}`;

const chunks = {};
for (const chunk of CHUNKS) {
  await build({ configFile: 'vite.config.ts', mode: `chunk-${chunk}`, logLevel: 'warn' });
  chunks[chunk] = sri(`social-login.${chunk}.min.js`, 'sha256');
}

// The core's list of built-in languages (src/core/strings.ts, PACKS) must be the packs in src/locales/.
const packs = /PACKS[^=]*=\s*'([^']*)'/.exec(readFileSync('src/core/strings.ts', 'utf8'))?.[1].split(' ').sort() ?? [];
const files = readdirSync('src/locales').map((f) => f.replace(/\.ts$/, '')).sort();
if (packs.join() != files.join()) {
  console.error(`languages: src/core/strings.ts lists ${packs.join(', ')}, but src/locales/ has ${files.join(', ')}`);
  process.exit(1);
}

// The kit check: what the chunk builds recorded (vite.config.ts, recordKitUse) against what kit.ts exports.
const uses = globalThis.kitUses ?? {};
const kit = [...readFileSync('src/kit.ts', 'utf8').matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim()).filter(Boolean));
const missing = Object.keys(uses).filter((name) => !kit.includes(name));
const unused = kit.filter((name) => !uses[name]);
// A core module copied into the chunks must hold no state: a second instance of it would diverge.
const stateful = [...(globalThis.copiedCore ?? [])].filter((m) => /^(export\s+)?(let|var)\s|^(export\s+)?const\s+\w+\s*(:[^=]+)?=\s*new\s/m.test(readFileSync(m, 'utf8')));
if (missing.length || unused.length || stateful.length) {
  for (const name of missing) console.error(`kit: ${name} is imported from the core by ${[...uses[name]].join(', ')}, but src/kit.ts does not export it`);
  for (const name of unused) console.error(`kit: src/kit.ts exports ${name}, which no chunk uses`);
  for (const m of stateful) console.error(`kit: ${m} holds module state, so the chunks may not carry a copy of it: export what they need from src/kit.ts`);
  process.exit(1);
}

// The manifest is a chunk like the others: it hands its exports (the hashes) to the core's kit.
writeFileSync(
  'dist/social-login.chunks.min.js',
  `(function(k){if(typeof k?.chunkLoaded!="function")throw new Error("social-login: window.SocialLogin is not the social-login core; the chunks manifest cannot start.");k.chunkLoaded("chunks",${JSON.stringify(chunks)})})(window.SocialLogin?._k);
`,
);
process.env.CHUNK_MANIFEST = sri('social-login.chunks.min.js', 'sha256');
await build({ configFile: 'vite.config.ts', mode: 'script-tag', logLevel: 'warn' });

// The relay alone, for the top of a redirect-uri page (src/relay-script.ts): a script of its own, pinned by the page like the core.
await build({ configFile: 'vite.config.ts', mode: 'relay', logLevel: 'warn' });

const integrity = {
  'social-login.min.js': sri('social-login.min.js'),
  'social-login.relay.min.js': sri('social-login.relay.min.js'),
  'social-login.chunks.min.js': process.env.CHUNK_MANIFEST,
};
for (const chunk of CHUNKS) integrity[`social-login.${chunk}.min.js`] = chunks[chunk];
writeFileSync('dist/integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);
console.log(`classic script, Subresource Integrity (README snippet: npm run sri):
  <script src=".../social-login.min.js" integrity="${integrity['social-login.min.js']}" crossorigin="anonymous"></script>`);
