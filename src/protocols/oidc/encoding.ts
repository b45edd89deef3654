/** The PKCE challenge and JWT segment decoding. */
import { base64url } from '../../util/random.js';

/**
 * The PKCE S256 code challenge of a verifier (RFC 7636 §4.2).
 * @internal
 */
export const s256 = async (verifier: string): Promise<string> =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

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
