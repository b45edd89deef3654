import { expect } from '@open-wc/testing';
import { decodeSegment, s256 } from '../brokers/encoding.js';
import { randomToken } from './random.js';

describe('random and PKCE helpers', () => {
  it('computes the RFC 7636 appendix B challenge', async () => {
    expect(await s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).to.equal('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 256-bit base64url tokens that do not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(tokens.size).to.equal(1000);
    for (const t of tokens) expect(t).to.match(/^[A-Za-z0-9_-]{43}$/);
  });

  it('decodes base64url JSON, including UTF-8, and answers undefined for garbage', () => {
    const segment = btoa(String.fromCharCode(...new TextEncoder().encode('{"name":"张三 ü"}'))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(decodeSegment(segment)).to.deep.equal({ name: '张三 ü' });
    expect(decodeSegment('%%%')).to.equal(undefined);
  });
});
