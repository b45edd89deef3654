import { expect } from '@open-wc/testing';
import { base64url, randomToken } from './random.js';

describe('randomToken', () => {
  it('makes 256-bit base64url tokens that do not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(tokens.size).to.equal(1000);
    for (const t of tokens) expect(t).to.match(/^[A-Za-z0-9_-]{43}$/);
  });

  it('writes base64url without padding (RFC 4648 test vectors)', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(base64url(bytes('f'))).to.equal('Zg');
    expect(base64url(bytes('foob'))).to.equal('Zm9vYg');
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xbf]))).to.equal('-_-_');
  });
});
