import { expect } from '@open-wc/testing';
import { readConfig } from '../../core/config.js';
import { AccessDeniedError, BrokerError, ConfigError, InvalidStateError, NetworkError } from '../../errors.js';
import { s256 } from './encoding.js';
import { authorizationCode, authorizationUrl, discover, idTokenClaims, newAuthRequest, redeemCode, userinfo, type BrokerMetadata } from './protocol.js';

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
      // The element's language, for the broker's pages (English unless the element is in another).
      ui_locales: 'en',
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
  it('accepts an nbf that has passed, or lies within the clock skew', () => {
    expect(idTokenClaims(jwt({ ...good, nbf: now - 5 }), meta, 'spa-123', 'n1', now).sub).to.equal('u1');
    expect(idTokenClaims(jwt({ ...good, nbf: now + 30 }), meta, 'spa-123', 'n1', now).sub).to.equal('u1');
  });

  it('accepts an audience list with azp', () => {
    expect(idTokenClaims(jwt({ ...good, aud: ['spa-123', 'api'], azp: 'spa-123' }), meta, 'spa-123', 'n1', now).sub).to.equal('u1');
  });
  const bad: Array<[string, string, new (...a: never[]) => Error]> = [
    ['alg none', jwt(good, { alg: 'none' }), BrokerError],
    ['no alg', jwt(good, {}), BrokerError],
    ['not a JWT', 'abc', BrokerError],
    ['alg "NONE"', jwt(good, { alg: 'NONE' }), BrokerError],
    ['an empty signature', jwt(good).replace(/c2ln$/, ''), BrokerError],
    ['a JWE-like five segments', `${jwt(good)}.x.y`, BrokerError],
    ['another issuer', jwt({ ...good, iss: 'https://evil.example' }), BrokerError],
    ['another audience', jwt({ ...good, aud: 'other' }), BrokerError],
    ['several audiences without azp', jwt({ ...good, aud: ['spa-123', 'api'] }), BrokerError],
    ['a foreign azp', jwt({ ...good, azp: 'other' }), BrokerError],
    ['an expired token', jwt({ ...good, exp: now - 61 }), BrokerError],
    ['no exp', jwt({ ...good, exp: undefined }), BrokerError],
    ['an iat in the future', jwt({ ...good, iat: now + 120 }), BrokerError],
    ['an nbf in the future (beyond the 60 s skew)', jwt({ ...good, nbf: now + 120 }), BrokerError],
    ['a string nbf', jwt({ ...good, nbf: String(now) }), BrokerError],
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

/**
 * Hostile or broken broker answers, at the unit level: `fetch` answers what a broker could send. (End
 * to end, the real node-oidc-provider never sends these.)
 */
describe('hostile broker answers', () => {
  const realFetch = window.fetch;
  let answers: Record<string, unknown> = {};
  beforeEach(() => {
    answers = {};
    window.fetch = async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      const key = Object.keys(answers).find((k) => url.startsWith(k));
      return new Response(JSON.stringify(key ? answers[key] : { error: 'not_found' }), { status: key ? 200 : 404, headers: { 'content-type': 'application/json' } });
    };
  });
  afterEach(() => (window.fetch = realFetch));

  let n = 0;
  const broker = () => `https://broker${++n}.example`;
  const discovery = (issuer: string, over: Record<string, unknown> = {}) => ({
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    code_challenge_methods_supported: ['S256'],
    ...over,
  });
  const rejects = async (promise: Promise<unknown>, pattern: RegExp) => {
    const error = await promise.then(() => expect.fail('accepted'), (e: Error) => e);
    expect(error).to.be.instanceOf(BrokerError);
    expect(error.message).to.match(pattern);
  };

  const badDiscovery: Array<[string, (issuer: string) => Record<string, unknown>, RegExp]> = [
    ['another issuer (mix-up)', (i) => discovery('https://evil.example'), /bad issuer/],
    ['an http token endpoint off loopback', (i) => discovery(i, { token_endpoint: 'http://broker.example/token' }), /bad token_endpoint/],
    ['a javascript: authorization endpoint', (i) => discovery(i, { authorization_endpoint: 'javascript:alert(1)' }), /bad authorization_endpoint/],
    ['a non-string userinfo endpoint', (i) => discovery(i, { userinfo_endpoint: 42 }), /bad userinfo_endpoint/],
    ['PKCE methods without S256', (i) => discovery(i, { code_challenge_methods_supported: ['plain'] }), /no PKCE S256/],
    ['PKCE methods as a string', (i) => discovery(i, { code_challenge_methods_supported: 'plain S256' }), /bad code_challenge_methods_supported/],
    ['response modes as a string that contains "web_message"', (i) => discovery(i, { response_modes_supported: 'query web_message' }), /bad response_modes_supported/],
    ['response modes that are not strings', (i) => discovery(i, { response_modes_supported: [{ web_message: true }] }), /bad response_modes_supported/],
    ['an array instead of an object', () => [1, 2] as never, /no JSON object/],
  ];
  for (const [what, make, pattern] of badDiscovery) {
    it(`refuses discovery with ${what}`, async () => {
      const issuer = broker();
      answers[`${issuer}/.well-known/openid-configuration`] = make(issuer);
      await rejects(discover(issuer), pattern);
    });
  }

  const request = { state: 's', nonce: 'n1', verifier: 'v' };
  const tokenCases: Array<[string, (m: BrokerMetadata) => Record<string, unknown>, Record<string, unknown> | undefined, RegExp]> = [
    ['no id_token', () => ({ access_token: 'a', token_type: 'Bearer' }), undefined, /lacks/],
    ['a numeric access_token', (m) => ({ access_token: 1, token_type: 'Bearer', id_token: jwt({ ...good, iss: m.issuer }) }), undefined, /lacks/],
    ['an ID token of another issuer', () => ({ access_token: 'a', token_type: 'Bearer', id_token: jwt(good) }), undefined, /bad iss/],
    ['userinfo about someone else', (m) => ({ access_token: 'a', token_type: 'Bearer', id_token: jwt({ ...good, iss: m.issuer, exp: Date.now() / 1000 + 600, iat: Date.now() / 1000 }) }), { sub: 'u2' }, /sub mismatch/],
  ];
  for (const [what, token, userinfo, pattern] of tokenCases) {
    it(`refuses a token exchange with ${what}`, async () => {
      const issuer = broker();
      const m = discovery(issuer) as unknown as BrokerMetadata;
      answers[m.token_endpoint] = token(m);
      if (userinfo) answers[m.userinfo_endpoint!] = userinfo;
      await rejects(redeemCode(m, { clientId: 'spa-123', redirectUri: PAGE }, 'code', request), pattern);
    });
  }

  // Where the profile comes from: the ID token when the broker put the profile there, else userinfo.
  const exchange = async (claims: Record<string, unknown>) => {
    const m = discovery(broker()) as unknown as BrokerMetadata;
    const fresh = { ...good, iss: m.issuer, exp: Date.now() / 1000 + 600, iat: Date.now() / 1000, auth_time: 1, at_hash: 'h', sid: 's' };
    answers[m.token_endpoint] = { access_token: 'a', token_type: 'Bearer', id_token: jwt({ ...fresh, ...claims }) };
    answers[m.userinfo_endpoint!] = { sub: 'u1', name: 'From Userinfo' };
    const fetched: string[] = [];
    const inner = window.fetch;
    window.fetch = (input, init) => (fetched.push(String(input)), inner(input, init));
    const result = await redeemCode(m, { clientId: 'spa-123', redirectUri: PAGE }, 'code', request);
    return { profile: result.profile, readUserinfo: fetched.includes(m.userinfo_endpoint!) };
  };
  it('takes the profile from the ID token when it carries one, without the claims about the token', async () => {
    const { profile, readUserinfo } = await exchange({ name: 'Ada', picture: 'https://example.com/a.png', locale: 'en' });
    expect(readUserinfo).to.equal(false);
    expect(profile).to.deep.equal({ sub: 'u1', name: 'Ada', picture: 'https://example.com/a.png', locale: 'en' });
  });
  it('reads userinfo with the token in a form body (no preflight), and with the header when the broker refuses that or hides why', async () => {
    const seen: string[] = [];
    const answer = (refuse: number | undefined) =>
      (window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const r = new Request(input, init);
        seen.push(`${r.method} ${r.headers.get('authorization') ?? (await r.text())}`);
        const refused = refuse && r.method == 'POST';
        return new Response(JSON.stringify(refused ? { error: 'invalid_request' } : { sub: 'u1' }), { status: refused ? refuse : 200 });
      });
    answer(undefined);
    expect(await userinfo('https://broker.example/me', 'at-1')).to.deep.equal({ sub: 'u1' });
    expect(seen.splice(0)).to.deep.equal(['POST access_token=at-1']);
    for (const status of [400, 401, 405]) {
      answer(status);
      expect(await userinfo('https://broker.example/me', 'at-2')).to.deep.equal({ sub: 'u1' });
      expect(seen.splice(0), `HTTP ${status}`).to.deep.equal(['POST access_token=at-2', 'GET Bearer at-2']);
    }
    // A refusal without CORS headers reads as a failed fetch: asked again too.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const r = new Request(input, init);
      seen.push(`${r.method} ${r.headers.get('authorization') ?? (await r.text())}`);
      if (r.method == 'POST') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ sub: 'u1' }), { status: 200 });
    };
    expect(await userinfo('https://broker.example/me', 'at-4')).to.deep.equal({ sub: 'u1' });
    expect(seen.splice(0)).to.deep.equal(['POST access_token=at-4', 'GET Bearer at-4']);
    // A broker that answers with a server error is not asked twice.
    answer(503);
    const error = await userinfo('https://broker.example/me', 'at-3').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NetworkError);
    expect(seen.splice(0)).to.deep.equal(['POST access_token=at-3']);
  });
  it('reads userinfo when the ID token carries no profile claim', async () => {
    const { profile, readUserinfo } = await exchange({});
    expect(readUserinfo).to.equal(true);
    expect(profile).to.deep.equal({ sub: 'u1', name: 'From Userinfo' });
  });
});
