import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Squeezes the whitespace out of the element's css`` literals (no bundler minifies template text). */
const minifyCss = (): Plugin => ({
  name: 'minify-css-literals',
  transform(code, id) {
    if (!id.endsWith('/styles.ts')) return undefined;
    const out = new MagicString(code);
    // A tagged literal: `css` right after `=`, `(` or `,` (not the word in a comment).
    const literals = [...code.matchAll(/(?<=[=(,]\s*)css`([^`]*)`/g)];
    if (!literals.length) this.error('styles.ts has no css`` literal to squeeze.');
    for (const m of literals) {
      // No space is taken before a ":": in a selector it may be a descendant combinator (`a :not(b)`).
      const text = m[1]!.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').trim();
      out.overwrite(m.index + 4, m.index + 4 + m[1]!.length, text);
    }
    // With a source map, so the size breakdown (npm run bench) sees the styles as styles.ts.
    return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
  },
});

/** Modules only the protocol code uses: each chunk that needs one carries its own copy, the core none. */
const CHUNK_SIDE = ['channel/popup-response', 'channel/closed-watch', 'util/get-json', 'brokers/encoding', 'channel/accept-message', 'flow/leave-page', 'flow/redirect-return', 'flow/complete', 'channel/form-post'];

/** The modules a protocol's chunk contains; every other module of src/ is the core's (through `SocialLogin._k`). */
const chunkModules = (protocol: string) =>
  new RegExp(`/src/(chunks/${protocol}|flow/${protocol}-login|brokers/${protocol}|${protocol == 'icons' ? 'icons/.*|' : ''}${CHUNK_SIDE.join('|')})\\.ts$`);

/** The classic core loads protocols with load-flows.classic.ts instead of dynamic import(). */
const classicLoader = (): Plugin => ({
  name: 'classic-loader',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source.endsWith('/load-flows.js') && importer) return fileURLToPath(new URL('./src/flow/load-flows.classic.ts', import.meta.url));
    return undefined;
  },
});

/**
 * Library builds:
 * - default: the ES module for bundlers (`dist/social-login.js` + `dist/define.js`, each protocol a
 *   dynamically imported chunk), @lit/reactive-element external;
 * - `script-tag`: the classic script's core `dist/social-login.min.js`, Lit's reactive-element
 *   bundled, minified; `CHUNK_INTEGRITY` (set by scripts/build-classic.mjs) pins its chunks;
 * - `chunk-<protocol>`: the classic script's protocol chunk `dist/social-login.<protocol>.min.js`,
 *   which reaches every core module through `SocialLogin._k`.
 */
export default defineConfig(({ mode }) => {
  const chunk = /^chunk-(\w+)$/.exec(mode)?.[1];
  const classic = { emptyOutDir: false, sourcemap: true, target: 'es2022' } as const;
  return {
    define: { __VERSION__: JSON.stringify(version), __CHUNK_INTEGRITY__: process.env.CHUNK_INTEGRITY ?? '{}' },
    plugins: [minifyCss(), ...(mode == 'script-tag' ? [classicLoader()] : [])],
    build: chunk
      ? {
          ...classic,
          lib: { entry: `src/chunks/${chunk}.ts`, formats: ['iife'], name: 'SocialLoginChunk', fileName: () => `social-login.${chunk}.min.js` },
          rolldownOptions: {
            external: (id: string, importer?: string) =>
              !!importer && /\/src\//.test(importer) && id.startsWith('.') && !chunkModules(chunk).test(resolvePath(importer, '..', id).replace(/\.js$/, '.ts')),
            // The error classes are public (window.SocialLogin); everything else the chunks need is in the kit.
            output: { globals: (id: string) => (id.endsWith('/errors.js') ? 'SocialLogin' : 'SocialLogin._k') },
          },
        }
      : mode == 'script-tag'
        ? {
            ...classic,
            lib: { entry: 'src/script-tag.ts', formats: ['iife'], name: 'SocialLoginBundle', fileName: () => 'social-login.min.js' },
          }
        : {
            sourcemap: true,
            target: 'es2022',
            minify: false,
            lib: { entry: { 'social-login': 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
            // Each brand icon is a chunk of its own, under icons/.
            rolldownOptions: {
              external: [/^@lit\//],
              output: { chunkFileNames: (c: { facadeModuleId?: string | null }) => (c.facadeModuleId?.includes('/icons/brand/') ? 'icons/[name].js' : '[name].js') },
            },
          },
  };
});
