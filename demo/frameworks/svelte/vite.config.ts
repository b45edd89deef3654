/** Builds the Svelte example to dist/ (relative URLs, so `npm start` can serve it from any path). */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({ base: './', plugins: [svelte()] });
