/** Builds the Vue example to dist/ (relative URLs, so `npm start` can serve it from any path). */
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // A compile-time option: <social-login> is a custom element, not a Vue component to resolve.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag == 'social-login' } } })],
});
