import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Two library builds:
 * - default: the ES module for bundlers (`dist/social-login.js` + `dist/define.js`), @lit/reactive-element external;
 * - `--mode script-tag`: the classic script `dist/social-login.min.js`, Lit's reactive-element bundled, minified.
 */
export default defineConfig(({ mode }) => ({
  define: { __VERSION__: JSON.stringify(version) },
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
