import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Squeezes the comments and whitespace out of the element's css`` literals (no bundler minifies template text). */
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
      const text = m[1]!
        .replace(/\/\*[^]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        // `[a='b']` → `[a=b]` for an identifier value, `0.7` → `.7`.
        .replace(/='([a-z][\w-]*)'\]/g, '=$1]')
        .replace(/([:\s(,])0\.(\d)/g, '$1.$2')
        .trim();
      out.overwrite(m.index + 4, m.index + 4 + m[1]!.length, text);
    }
    // With a source map, so the size breakdown (npm run bench) sees the styles as styles.ts.
    return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
  },
});

/**
 * A second minifier over the classic files: Terser (two passes) after Vite's own finds what the first
 * left (about 1% of the core's gzip), with the source map carried through for the size breakdown.
 */
const terserAfter = (): Plugin => ({
  name: 'terser-after',
  async generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type != 'chunk') continue;
      const mapFile = bundle[`${file.fileName}.map`];
      const out = await minify(file.code, {
        ecma: 2020,
        // Concise methods for `{ m: function () {} }` (nothing here calls such a method with `new`), and
        // function declarations hoisted: both keep behaviour, and save some 30 B of the core's gzip.
        compress: { passes: 2, unsafe_methods: true, hoist_funs: true },
        sourceMap: file.map ? { content: JSON.stringify(file.map), url: `${file.fileName}.map`, includeSources: true } : false,
      });
      file.code = out.code!;
      if (mapFile?.type == 'asset' && typeof out.map == 'string') mapFile.source = out.map;
    }
  },
});

/**
 * The classic core returns right after the landing page's relay when it relayed (src/relay-first.ts):
 * that page is closing, and its message is delivered only once this task ends, so the rest of the
 * bundle is not evaluated (about 2 ms of a main thread that a same-site opener shares, measured).
 * The build fails when the relay's statement is not where the bundle starts.
 */
const relayedReturn = (): Plugin => ({
  name: 'relayed-return',
  renderChunk(code) {
    const at = /\n\s*var relayed = relayPopupResponse\(\);\n/.exec(code);
    if (!at) return this.error('relayed-return: the statement of src/relay-first.ts is not in the classic bundle');
    const out = new MagicString(code);
    out.appendLeft(at.index + at[0].length, '\tif (relayed) return;\n');
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
});

/**
 * The seam, as folders: what every page view downloads (the core) and what loads on intent (the
 * chunks). src/protocols/<name>/ is one protocol's chunk, with what it uses of src/protocols/shared/
 * copied in; src/icons/ is the brand icons' chunk; each file of src/locales/ is a language's;
 * src/diagnostics/ explains a configuration error (loaded only to report one). Everything else is
 * the core.
 */
const CHUNK_FOLDERS = /\/src\/(protocols|icons|locales|diagnostics)\//;
/**
 * A classic chunk also carries its own copy of the leaves of src/util/ and of these core modules,
 * which hold no state (build-classic.mjs checks it): the same source in both files, pinned together
 * by SRI. Whatever else of the core it needs must be the core's own instance: it comes through
 * `SocialLogin._k` (src/kit.ts), and the error classes through the public `SocialLogin`.
 */
const COPIED_CORE = ['transaction', 'relay', 'response-url', 'last-used'].map((m) => `/src/core/${m}.ts`);
const inChunk = (path: string) => CHUNK_FOLDERS.test(path) || path.includes('/src/util/') || COPIED_CORE.some((m) => path.endsWith(m));
/** The public module the chunks take from `SocialLogin` instead of the kit. */
const PUBLIC = /\/src\/(errors|events)\.ts$/;
/** A classic chunk's module, and the export it hands the core (the value itself: the core unwraps nothing). */
const chunkExport = (chunk: string): [string, string] =>
  existsSync(`src/protocols/${chunk}/index.ts`)
    ? [`protocols/${chunk}/index.ts`, 'flows']
    : chunk == 'icons'
      ? ['icons/brands.ts', 'brandIcon']
      : chunk == 'diagnostics'
        ? ['diagnostics/index.ts', 'explain']
        : [`locales/${chunk}.ts`, 'strings'];

const SRC = fileURLToPath(new URL('./src/', import.meta.url));
/** A module path from an import specifier (`./x.js` → `/…/src/…/x.ts`). */
const modulePath = (importer: string, spec: string) => (spec.startsWith('/') ? spec : resolvePath(importer, '..', spec)).replace(/\.js$/, '.ts');

/** The classic chunk's entry: the module that hands the chunk's exports to the core. */
const ENTRY = '\0virtual:chunk';
const chunkEntry = (chunk: string): Plugin => ({
  name: 'classic-chunk-entry',
  // Vite's library mode hands the entry over as a path under the root.
  resolveId: (id) => (id.endsWith('virtual:chunk') ? ENTRY : undefined),
  load: (id) =>
    id == ENTRY
      ? `import * as kit from '${SRC}kit.ts';
import { ${chunkExport(chunk)[1]} } from '${SRC}${chunkExport(chunk)[0]}';
// The kit comes from window.SocialLogin: when that is not this chunk's core, say so.
if (typeof kit?.chunkLoaded != 'function') throw new Error('social-login: window.SocialLogin is not the social-login core; the ${chunk} chunk cannot start.');
kit.chunkLoaded('${chunk}', ${chunkExport(chunk)[1]});`
      : undefined,
});

/**
 * Which core members each classic chunk imports, and which core modules it copies (recorded for
 * scripts/build-classic.mjs, which fails when src/kit.ts lacks one or exports one nobody uses, or
 * when a copied module holds state). Read off the sources' import statements: type-only imports
 * are erased and not counted.
 */
const recordKitUse = (chunk: string): Plugin => ({
  name: 'record-kit-use',
  enforce: 'pre',
  transform(code, id) {
    if (!inChunk(id) && id != ENTRY) return;
    const record = globalThis as { kitUses?: Record<string, Set<string>>; copiedCore?: Set<string> };
    if (id.includes('/src/core/')) (record.copiedCore ??= new Set()).add(id);
    const uses = (record.kitUses ??= {});
    // The entry takes the kit whole, to check it (see chunkEntry).
    if (id == ENTRY) for (const m of code.matchAll(/\bkit\.(\w+)\(/g)) (uses[m[1]!] ??= new Set()).add(`${chunk}: its entry`);
    for (const m of code.matchAll(/^import\s+(?!type\b)\{([^}]*)\}\s+from\s+'([./][^']+)'/gm)) {
      const target = modulePath(id, m[2]!);
      if (inChunk(target) || PUBLIC.test(target)) continue;
      for (const name of m[1]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))) {
        (uses[name.split(/\s+as\s+/)[0]!] ??= new Set()).add(`${chunk}: ${id == ENTRY ? 'its entry' : id.replace(/^.*\/src\//, 'src/')}`);
      }
    }
  },
});

/**
 * The classic core's swaps: chunks load with chunk-loader.classic.ts instead of dynamic import(), and
 * Lit's css-tag.js gives way to lit-css.classic.ts (the two functions ReactiveElement calls, without
 * the fallbacks for browsers that cannot adopt style sheets, where the widget's styles cannot exist).
 */
const classicLoader = (): Plugin => ({
  name: 'classic-loader',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source.endsWith('/chunk-loader.js') && importer) return fileURLToPath(new URL('./src/core/chunk-loader.classic.ts', import.meta.url));
    if (source == './css-tag.js' && importer?.includes('/@lit/reactive-element/')) return fileURLToPath(new URL('./src/core/lit-css.classic.ts', import.meta.url));
    return undefined;
  },
});

/** ES-module chunk file names: each protocol by name, the core, and the protocols' shared code by what it does. */
function chunkFileName(chunk: { name: string; facadeModuleId?: string | null; moduleIds?: string[] }): string {
  const id = chunk.facadeModuleId ?? '';
  const protocol = /\/src\/protocols\/([\w-]+)\/index\.ts$/.exec(id)?.[1];
  if (protocol) return `protocols/${protocol}.js`;
  if (id.includes('/icons/')) return 'icons/[name].js';
  if (id.includes('/locales/')) return 'locales/[name].js';
  if (id.includes('/diagnostics/')) return 'diagnostics.js';
  const ids = chunk.moduleIds ?? [];
  if (ids.some((m) => m.includes('/src/element/'))) return 'core.js';
  // What the protocols share is split by who shares it: the popup's answer (all), the redirect (those with one).
  if (ids.some((m) => m.endsWith('/protocols/shared/popup-response.ts'))) return 'protocols/popup.js';
  if (ids.some((m) => m.endsWith('/protocols/shared/redirect-start.ts'))) return 'protocols/redirect.js';
  // OpenID Connect's steps, which Authing's redirect and sign-out use too.
  if (ids.some((m) => m.includes('/src/protocols/oidc/'))) return 'protocols/openid.js';
  return '[name].js';
}

/**
 * Library builds:
 * - default: the ES module for bundlers (`dist/social-login.js` + `dist/define.js`, each protocol a
 *   dynamically imported chunk), @lit/reactive-element external;
 * - `script-tag`: the classic script's core `dist/social-login.min.js`, Lit's reactive-element
 *   bundled, minified; `CHUNK_MANIFEST` (set by scripts/build-classic.mjs) pins the manifest that pins its chunks;
 * - `relay`: `dist/social-login.relay.min.js`, the popup landing page's relay alone (src/relay-script.ts), for
 *   the top of a heavy `redirect-uri` page;
 * - `chunk-<name>`: the classic script's chunk `dist/social-login.<name>.min.js` (a protocol, or
 *   `icons`), which reaches the core's modules through `SocialLogin._k`.
 */
export default defineConfig(({ mode }) => {
  const chunk = /^chunk-([\w-]+)$/.exec(mode)?.[1];
  const classic = { emptyOutDir: false, sourcemap: true, target: 'es2022' } as const;
  return {
    define: {
      __VERSION__: JSON.stringify(version),
      __CHUNK_MANIFEST__: JSON.stringify(process.env.CHUNK_MANIFEST ?? ''),
      // Only Lit's development build keeps warnings (the classic script bundles its production build).
      ...(mode == 'script-tag' && { 'globalThis.litIssuedWarnings': 'undefined' }),
    },
    plugins: [
      minifyCss(),
      ...(mode == 'script-tag' ? [classicLoader(), relayedReturn()] : []),
      ...(chunk ? [chunkEntry(chunk), recordKitUse(chunk)] : []),
      ...(chunk || mode == 'script-tag' || mode == 'relay' ? [terserAfter()] : []),
    ],
    build: chunk
      ? {
          ...classic,
          lib: { entry: 'virtual:chunk', formats: ['iife'], name: 'SocialLoginChunk', fileName: () => `social-login.${chunk}.min.js` },
          rolldownOptions: {
            external: (id: string, importer?: string) =>
              !!importer && (importer.includes('/src/') || importer == ENTRY) && /^[./]/.test(id) && !inChunk(modulePath(importer, id)),
            // The error classes are public (window.SocialLogin); everything else the chunks need is in the kit.
            output: { globals: (id: string) => (/\/(errors|events)\.js$/.test(id) ? 'SocialLogin' : 'SocialLogin._k') },
          },
        }
      : mode == 'script-tag' || mode == 'relay'
        ? {
            ...classic,
            lib:
              mode == 'relay'
                ? { entry: 'src/relay-script.ts', formats: ['iife'], name: 'SocialLoginRelay', fileName: () => 'social-login.relay.min.js' }
                : { entry: 'src/script-tag.ts', formats: ['iife'], name: 'SocialLoginBundle', fileName: () => 'social-login.min.js' },
          }
        : {
            sourcemap: true,
            target: 'es2022',
            minify: false,
            lib: { entry: { 'social-login': 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
            rolldownOptions: {
              external: [/^@lit\//],
              output: { chunkFileNames: chunkFileName },
            },
          },
  };
});
