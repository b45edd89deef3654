import { expect } from '@open-wc/testing';
import { ConfigError } from '../errors.js';
import { parseConnections, readConfig, type RawConfig } from './config.js';

const PAGE = 'https://shop.example/account/login?next=%2F#top';
const valid: RawConfig = { broker: 'https://id.example.com', clientId: 'spa-123' };

function errorOf(raw: RawConfig, page = PAGE): ConfigError {
  try {
    readConfig(raw, page);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(raw)}`);
}

describe('parseConnections', () => {
  it('reads id:Display Name pairs, trimming spaces and keeping colons in names', () => {
    expect(parseConnections(' instagram:Instagram , github:GitHub,wx:WeChat: CN')).to.deep.equal([
      { id: 'instagram', name: 'Instagram' },
      { id: 'github', name: 'GitHub' },
      { id: 'wx', name: 'WeChat: CN' },
    ]);
  });

  for (const bad of ['instagram', 'instagram:', ':Instagram', 'a:A,,b:B', 'a:A,a:Again']) {
    it(`rejects "${bad}" naming the attribute`, () => {
      expect(() => parseConnections(bad)).to.throw(ConfigError, /connections/);
    });
  }
});

describe('readConfig', () => {
  it('fills the documented defaults', () => {
    const c = readConfig(valid, PAGE);
    expect(c).to.include({
      protocol: 'oidc',
      connectionParam: 'connection',
      redirectUri: 'https://shop.example/account/login',
      scope: 'openid profile',
      responseMode: 'query',
      mode: 'popup',
      fallback: 'redirect',
      timeoutMs: 300_000,
    });
    expect(c.connections).to.deep.equal([{ id: '', name: '' }]);
  });

  it('accepts the property form of connections and copies it', () => {
    const list = [{ id: 'github', name: 'GitHub', extra: 1 }];
    expect(readConfig({ ...valid, connections: list }, PAGE).connections).to.deep.equal([{ id: 'github', name: 'GitHub' }]);
  });

  it('allows plain http only on loopback hosts', () => {
    expect(readConfig({ ...valid, broker: 'http://localhost:3000' }, PAGE).broker).to.equal('http://localhost:3000');
    expect(readConfig({ ...valid, broker: 'http://127.0.0.1:3000/oidc' }, PAGE).broker).to.equal('http://127.0.0.1:3000/oidc');
    expect(errorOf({ ...valid, broker: 'http://id.example.com' }).message).to.match(/https/);
  });

  const cases: Array<[string, RawConfig, string]> = [
    ['no broker', { clientId: 'x' }, 'broker'],
    ['a relative broker', { ...valid, broker: '/oidc' }, 'broker'],
    ['a broker with a query', { ...valid, broker: 'https://id.example.com/?a=1' }, 'broker'],
    ['a javascript: broker', { ...valid, broker: 'javascript:alert(1)' }, 'broker'],
    ['no client id', { broker: valid.broker }, 'client-id'],
    ['a blank client id', { ...valid, clientId: '  ' }, 'client-id'],
    ['an unknown protocol', { ...valid, protocol: 'saml' }, 'protocol'],
    ['bad connections', { ...valid, connections: 'instagram' }, 'connections'],
    ['a reserved connection-param', { ...valid, connectionParam: 'redirect_uri' }, 'connection-param'],
    ['a connection-param with "&"', { ...valid, connectionParam: 'a&b' }, 'connection-param'],
    ['a cross-origin redirect-uri', { ...valid, redirectUri: 'https://evil.example/cb' }, 'redirect-uri'],
    ['a redirect-uri with a fragment', { ...valid, redirectUri: '/cb#x' }, 'redirect-uri'],
    ['a protocol-relative redirect-uri', { ...valid, redirectUri: '//evil.example/cb' }, 'redirect-uri'],
    ['a backslashed redirect-uri', { ...valid, redirectUri: '\\\\evil.example/cb' }, 'redirect-uri'],
    ['a redirect-uri with userinfo to another host', { ...valid, redirectUri: 'https://shop.example@evil.example/cb' }, 'redirect-uri'],
    ['a redirect-uri with credentials', { ...valid, redirectUri: 'https://user:pass@shop.example/cb' }, 'redirect-uri'],
    ['a javascript: redirect-uri', { ...valid, redirectUri: 'javascript:alert(1)' }, 'redirect-uri'],
    ['a data: redirect-uri', { ...valid, redirectUri: 'data:text/html,x' }, 'redirect-uri'],
    ['a ".." connection id', { ...valid, connections: '..:Up' }, 'connections'],
    ['a scope without openid', { ...valid, scope: 'profile email' }, 'scope'],
    ['an unknown response-mode', { ...valid, responseMode: 'fragment' }, 'response-mode'],
    ['an unknown mode', { ...valid, mode: 'tab' }, 'mode'],
    ['an unknown fallback', { ...valid, fallback: 'retry' }, 'fallback'],
    ['a zero timeout', { ...valid, timeout: 0 }, 'timeout'],
    ['a non-numeric timeout', { ...valid, timeout: 'soon' }, 'timeout'],
  ];
  for (const [what, raw, attribute] of cases) {
    it(`rejects ${what} as invalid_config naming "${attribute}"`, () => {
      const error = errorOf(raw);
      expect(error.code).to.equal('invalid_config');
      expect(error.attribute).to.equal(attribute);
      expect(error.message).to.contain(`"${attribute}"`);
    });
  }

  it('refuses a plain-http redirect-uri off loopback (the code would cross the network in clear)', () => {
    const error = errorOf(valid, 'http://shop.example/login');
    expect(error.attribute).to.equal('redirect-uri');
    expect(error.message).to.match(/https/);
    expect(readConfig(valid, 'http://localhost:8080/login').redirectUri).to.equal('http://localhost:8080/login');
  });

  it('resolves a relative redirect-uri against the page', () => {
    expect(readConfig({ ...valid, redirectUri: '/auth/callback' }, PAGE).redirectUri).to.equal('https://shop.example/auth/callback');
  });

  it('lets an empty connection-param mean "not sent"', () => {
    expect(readConfig({ ...valid, connectionParam: '' }, PAGE).connectionParam).to.equal('');
  });
});
