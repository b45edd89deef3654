import { expect } from '@open-wc/testing';
import { readConfig } from '../element/config.js';
import { AccessDeniedError, BrokerError, ConfigError, InvalidStateError } from '../errors.js';
import { s256 } from '../flow/random.js';
import { authorizationCode, authorizationUrl, idTokenClaims, newAuthRequest, type BrokerMetadata } from './oidc.js';

const meta: BrokerMetadata = {
  issuer: 'https://id.example.com',
  authorization_endpoint: 'https://id.example.com/auth?tenant=t1',
  token_endpoint: 'https://id.example.com/token',
  response_modes_supported: ['query', 'web_message'],
  authorization_response_iss_parameter_supported: true,
};
const PAGE = 'https://shop.example/login';
const config = readConfig({ broker: meta.issuer, clientId: 'spa-123' }, PAGE);

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256' }) => `${b64(header)}.${b64(claims)}.c2ln`;
const now = 1_800_000_000;
const good = { iss: meta.issuer, aud: 'spa-123', sub: 'u1', exp: now + 600, iat: now, nonce: 'n1' };

describe('authorizationUrl', () => {
  it('asks for the code flow with PKCE S256, state, nonce and the connection', async () => {
    const request = newAuthRequest('slp_');
    const url = new URL(await authorizationUrl(meta, config, request, { id: 'instagram', name: 'Instagram' }));
    expect(url.origin + url.pathname).to.equal('https://id.example.com/auth');
    const p = Object.fromEntries(url.searchParams);
    expect(p).to.deep.equal({
      tenant: 't1',
      response_type: 'code',
      client_id: 'spa-123',
      redirect_uri: 'https://shop.example/login',
      scope: 'openid profile',
      state: request.state,
      nonce: request.nonce,
      code_challenge: await s256(request.verifier),
      code_challenge_method: 'S256',
      connection: 'instagram',
    });
    expect(request.state).to.match(/^slp_[\w-]{43}$/);
    expect(url.href).not.to.contain(request.verifier);
  });

  it('uses the configured parameter, or none, for the connection', async () => {
    const kc = readConfig({ broker: meta.issuer, clientId: 'spa-123', connectionParam: 'kc_idp_hint' }, PAGE);
    const url = new URL(await authorizationUrl(meta, kc, newAuthRequest('slp_'), { id: 'github', name: 'GitHub' }));
    expect(url.searchParams.get('kc_idp_hint')).to.equal('github');
    expect(url.searchParams.has('connection')).to.equal(false);
    const none = readConfig({ broker: meta.issuer, clientId: 'spa-123', connectionParam: '' }, PAGE);
    const bare = new URL(await authorizationUrl(meta, none, newAuthRequest('slp_'), { id: 'github', name: 'GitHub' }));
    expect([...bare.searchParams.keys()]).not.to.include('connection');
  });

  it('asks for web_message only from a broker that lists it', async () => {
    const wm = readConfig({ broker: meta.issuer, clientId: 'spa-123', responseMode: 'web_message' }, PAGE);
    const url = new URL(await authorizationUrl(meta, wm, newAuthRequest('slp_'), { id: '', name: '' }));
    expect(url.searchParams.get('response_mode')).to.equal('web_message');
    let error: unknown;
    await authorizationUrl({ ...meta, response_modes_supported: ['query'] }, wm, newAuthRequest('slp_'), { id: '', name: '' }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(ConfigError).with.property('attribute', 'response-mode');
  });
});

describe('authorizationCode', () => {
  it('returns the code of a good response', () => {
    expect(authorizationCode({ code: 'c', state: 's', iss: meta.issuer }, meta)).to.equal('c');
  });
  it('turns access_denied into AccessDeniedError with the description', () => {
    expect(() => authorizationCode({ error: 'access_denied', error_description: 'no thanks', iss: meta.issuer }, meta))
      .to.throw(AccessDeniedError, 'no thanks');
  });
  it('turns other errors into BrokerError carrying error and description', () => {
    try {
      authorizationCode({ error: 'server_error', error_description: 'down', iss: meta.issuer }, meta);
      expect.fail('no error');
    } catch (e) {
      expect(e).to.be.instanceOf(BrokerError).and.not.instanceOf(AccessDeniedError);
      expect(e).to.include({ code: 'broker_error', error: 'server_error', description: 'down' });
    }
  });
  it('rejects a wrong or missing iss (mix-up defence)', () => {
    expect(() => authorizationCode({ code: 'c', iss: 'https://evil.example' }, meta)).to.throw(InvalidStateError);
    expect(() => authorizationCode({ code: 'c' }, meta)).to.throw(InvalidStateError);
    expect(authorizationCode({ code: 'c' }, { ...meta, authorization_response_iss_parameter_supported: false })).to.equal('c');
  });
  it('rejects a response with neither code nor error', () => {
    expect(() => authorizationCode({ iss: meta.issuer }, meta)).to.throw(BrokerError);
  });
});

describe('idTokenClaims', () => {
  it('returns the claims of a valid token', () => {
    expect(idTokenClaims(jwt(good), meta, 'spa-123', 'n1', now)).to.deep.equal(good);
  });
  it('accepts an audience list with azp', () => {
    expect(idTokenClaims(jwt({ ...good, aud: ['spa-123', 'api'], azp: 'spa-123' }), meta, 'spa-123', 'n1', now).sub).to.equal('u1');
  });
  const bad: Array<[string, string, new (...a: never[]) => Error]> = [
    ['alg none', jwt(good, { alg: 'none' }), BrokerError],
    ['no alg', jwt(good, {}), BrokerError],
    ['not a JWT', 'abc', BrokerError],
    ['another issuer', jwt({ ...good, iss: 'https://evil.example' }), BrokerError],
    ['another audience', jwt({ ...good, aud: 'other' }), BrokerError],
    ['several audiences without azp', jwt({ ...good, aud: ['spa-123', 'api'] }), BrokerError],
    ['a foreign azp', jwt({ ...good, azp: 'other' }), BrokerError],
    ['an expired token', jwt({ ...good, exp: now - 61 }), BrokerError],
    ['no exp', jwt({ ...good, exp: undefined }), BrokerError],
    ['an iat in the future', jwt({ ...good, iat: now + 120 }), BrokerError],
    ['no sub', jwt({ ...good, sub: '' }), BrokerError],
    ['another nonce', jwt({ ...good, nonce: 'n2' }), InvalidStateError],
    ['no nonce', jwt({ ...good, nonce: undefined }), InvalidStateError],
  ];
  for (const [what, token, type] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => idTokenClaims(token, meta, 'spa-123', 'n1', now)).to.throw(type);
    });
  }
});
