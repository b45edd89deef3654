import { readFileSync } from 'node:fs';
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

/**
 * Two library builds:
 * - default: the ES module for bundlers (`dist/social-login.js` + `dist/define.js`), @lit/reactive-element external;
 * - `--mode script-tag`: the classic script `dist/social-login.min.js`, Lit's reactive-element bundled, minified.
 */
export default defineConfig(({ mode }) => ({
  define: { __VERSION__: JSON.stringify(version) },
  plugins: [minifyCss()],
  build:
    mode == 'script-tag'
      ? {
          emptyOutDir: false,
          sourcemap: true,
          target: 'es2022',
          lib: { entry: 'src/script-tag.ts', formats: ['iife'], name: 'SocialLoginBundle', fileName: () => 'social-login.min.js' },
        }
      : {
          sourcemap: true,
          target: 'es2022',
          minify: false,
          lib: { entry: { 'social-login': 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
          rolldownOptions: { external: [/^@lit\//], output: { chunkFileNames: 'shared.js' } },
        },
}));
