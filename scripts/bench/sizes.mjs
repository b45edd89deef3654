// Part 1 of the benchmark: bundle sizes. Each competitor's minimal real import (entries/*.js) is
// bundled and minified by the same bundler that builds ours (Vite, as an IIFE for a script tag), and
// measured raw / gzip -9 / brotli -11 beside dist/social-login.min.js.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The bundles, in the table's order: ours first, the Lit floor last. */
export const BUNDLES = [
  { name: 'social-login (ours)', file: 'dist/social-login.min.js' },
  { name: 'auth0-spa-js 2.27.0 (createAuth0Client)', entry: 'auth0', pkg: '@auth0/auth0-spa-js' },
  { name: 'oidc-client-ts (UserManager)', entry: 'oidc-client-ts', pkg: 'oidc-client-ts' },
  { name: '@azure/msal-browser (PublicClientApplication)', entry: 'msal', pkg: '@azure/msal-browser' },
  { name: '@authing/web (Authing)', entry: 'authing', pkg: '@authing/web' },
  { name: 'bare Lit element (the floor)', entry: 'lit-floor', pkg: 'lit' },
];

const OUT = '.cache/bench';

/** Builds `scripts/bench/entries/<entry>.js` to `.cache/bench/<entry>.js` (minified IIFE). */
export async function bundle(entry) {
  await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: OUT,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: `scripts/bench/entries/${entry}.js`, formats: ['iife'], name: 'BenchEntry', fileName: () => `${entry}.js` },
    },
  });
  return `${OUT}/${entry}.js`;
}

const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;

/** Sizes of every bundle: `{ name, version, raw, gzip, brotli }`. */
export async function measureSizes() {
  const rows = [];
  for (const b of BUNDLES) {
    const file = b.file ?? (await bundle(b.entry));
    const bytes = readFileSync(file);
    rows.push({
      name: b.name,
      version: b.pkg ? version(b.pkg) : JSON.parse(readFileSync('package.json', 'utf8')).version,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}
