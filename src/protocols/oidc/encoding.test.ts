import { expect } from '@open-wc/testing';
import { decodeSegment, s256 } from './encoding.js';

describe('PKCE and JWT encoding', () => {
  it('computes the RFC 7636 appendix B challenge', async () => {
    expect(await s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).to.equal('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('decodes base64url JSON, including UTF-8, and answers undefined for garbage', () => {
    const segment = btoa(String.fromCharCode(...new TextEncoder().encode('{"name":"张三 ü"}'))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(decodeSegment(segment)).to.deep.equal({ name: '张三 ü' });
    expect(decodeSegment('%%%')).to.equal(undefined);
  });
});
