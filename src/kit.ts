/**
 * What the classic script's protocol chunks use of the core, exposed as `SocialLogin._k` (the chunk
 * build maps every core module to it). Not an API: it changes with every version, and each chunk is
 * pinned to its core by Subresource Integrity. The error classes come from the public API (`SocialLogin`). Code that only the chunks use (HTTP JSON, the PKCE
 * challenge and JWT decoding, the message check, the start of a redirect) is not here: each chunk
 * carries its own copy (see `CHUNK_SIDE` in vite.config.ts), so page views do not pay for it.
 * @internal
 */
export { channelName, relayedParams, responseParams } from './channel/message-guard.js';
export { POPUP_STATE_PREFIX } from './channel/relay.js';
export { isLoopback, parseUrl } from './element/config.js';
export { chunkLoaded } from './flow/load-flows.classic.js';
export { encode, randomToken } from './flow/random.js';
export { redirectResponse } from './flow/redirect-login.js';
export { readTransaction, removeTransaction, REDIRECT_STATE_PREFIX, TRANSACTION_KEY, writeTransaction } from './flow/transaction.js';
export { isRecord } from './util/is-record.js';
export { orAbort } from './util/or-abort.js';
