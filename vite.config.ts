import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Squeezes the whitespace out of the element's css`` literals (no bundler minifies template text). */
const minifyCss = (): Plugin => ({
  name: 'minify-css-literals',
  transform(code, id) {
    if (!id.endsWith('/styles.ts')) return undefined;
    return code.replace(/css`([^`]*)`/g, (_, text: string) =>
      `css\`${text.replace(/\s+/g, ' ').replace(/\s*([{};:,>])\s*/g, '$1').replace(/;}/g, '}').trim()}\``,
    );
  },
});

/** The modules only a protocol's chunk contains; every other module of src/ is the core's. */
const chunkModules = (protocol: string) =>
  new RegExp(`/src/(chunks/${protocol}|flow/${protocol}-login|brokers/${protocol}${protocol == 'oidc' ? '|flow/complete' : ''}${protocol == 'authjs' ? '|channel/form-post' : ''})\\.ts$`);

/** The classic core loads protocols with load-flows.classic.ts instead of dynamic import(). */
const classicLoader = (): Plugin => ({
  name: 'classic-loader',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source == './load-flows.js' && importer) return fileURLToPath(new URL('./src/flow/load-flows.classic.ts', import.meta.url));
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
              !!importer && /\/src\//.test(importer) && !chunkModules(chunk).test(resolvePath(importer, '..', id).replace(/\.js$/, '.ts')),
            output: { globals: () => 'SocialLogin._k' },
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
            rolldownOptions: { external: [/^@lit\//], output: { chunkFileNames: '[name].js' } },
          },
  };
});
