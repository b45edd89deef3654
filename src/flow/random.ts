const encode = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * A base64url string of `bytes` random bytes from `crypto.getRandomValues` (32 bytes = 256 bits).
 * @internal
 */
export const randomToken = (bytes = 32): string => encode(crypto.getRandomValues(new Uint8Array(bytes)));

/**
 * The PKCE S256 code challenge of a verifier (RFC 7636 §4.2).
 * @internal
 */
export const s256 = async (verifier: string): Promise<string> =>
  encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

/**
 * Decodes the JSON in one base64url segment of a JWT; `undefined` when it is not JSON.
 * @internal
 */
export function decodeSegment(segment: string): unknown {
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}
