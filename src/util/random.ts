/** base64url without padding (RFC 4648 §5), as PKCE, JWTs and our tokens write bytes. @internal */
export const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * A base64url string of `bytes` random bytes from `crypto.getRandomValues` (32 bytes = 256 bits).
 * @internal
 */
export const randomToken = (bytes = 32): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));
