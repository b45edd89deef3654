/**
 * What the classic script's protocol chunks use of the core, exposed as `SocialLogin._k` (the chunk
 * build maps every core module to it). Not an API: it changes with every version, and each chunk is
 * pinned to its core by Subresource Integrity.
 * @internal
 */
export * from './errors.js';
export { acceptMessage } from './channel/message-guard.js';
export { POPUP_STATE_PREFIX } from './channel/relay.js';
export { isLoopback, parseUrl } from './element/config.js';
export { chunkLoaded } from './flow/load-flows.classic.js';
export { decodeSegment, randomToken, s256 } from './flow/random.js';
export { leavePage, REDIRECT_STATE_PREFIX } from './flow/transaction.js';
export { getJson } from './util/get-json.js';
export { isRecord } from './util/is-record.js';
export { orAbort } from './util/or-abort.js';
