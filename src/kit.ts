/**
 * What the classic script's chunks take from the core's own instance, exposed as `SocialLogin._k`:
 * the build maps every core member a chunk imports to it, unless the chunk carries a copy of the
 * module (see `COPIED_CORE` in vite.config.ts), and fails when a chunk needs a member missing here
 * or a member here is used by no chunk (scripts/build-classic.mjs). Not an API: it changes with
 * every version, and each chunk is pinned to its core by Subresource Integrity.
 * @internal
 */
export { chunkLoaded } from './core/chunk-loader.classic.js';
