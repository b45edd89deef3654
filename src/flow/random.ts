/** base64url without padding. @internal */
export const encode = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * A base64url string of `bytes` random bytes from `crypto.getRandomValues` (32 bytes = 256 bits).
 * @internal
 */
export const randomToken = (bytes = 32): string => encode(crypto.getRandomValues(new Uint8Array(bytes)));
