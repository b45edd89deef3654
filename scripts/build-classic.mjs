// Builds the classic script: each protocol's chunk first, then the core, which carries the chunks'
// Subresource Integrity hashes. Writes dist/integrity.json with the sha384 of every classic file
// (the README's <script integrity> snippet uses the core's).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

// Each protocol's flows, and the brand icons.
const PROTOCOLS = ['oidc', 'authjs', 'authing', 'icons'];
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(`dist/${file}`)).digest('base64')}`;

const chunks = {};
for (const protocol of PROTOCOLS) {
  await build({ configFile: 'vite.config.ts', mode: `chunk-${protocol}`, logLevel: 'warn' });
  chunks[protocol] = sri(`social-login.${protocol}.min.js`);
}
process.env.CHUNK_INTEGRITY = JSON.stringify(chunks);
await build({ configFile: 'vite.config.ts', mode: 'script-tag', logLevel: 'warn' });

const integrity = { 'social-login.min.js': sri('social-login.min.js') };
for (const protocol of PROTOCOLS) integrity[`social-login.${protocol}.min.js`] = chunks[protocol];
writeFileSync('dist/integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);
console.log(`classic script, Subresource Integrity (README snippet: npm run sri):
  <script src=".../social-login.min.js" integrity="${integrity['social-login.min.js']}" crossorigin="anonymous"></script>`);
