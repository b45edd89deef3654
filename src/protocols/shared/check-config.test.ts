import { expect } from '@open-wc/testing';
import { readConfig, type LoginConfig, type RawConfig } from '../../core/config.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { ConfigError } from '../../errors.js';
import { configErrorOf, itRefuses, PAGE, VALID } from '../../../test/config-errors.js';
import { checkConfig, checked } from './check-config.js';

const valid = VALID;

/** The configuration as a login sees it: read by the core, then checked by the protocol's code. */
const configOf = (raw: RawConfig, page = PAGE) => checkConfig(readConfig(raw, page), page);
const errorOf = (raw: RawConfig, page = PAGE) => configErrorOf(configOf, raw, page);

describe('checkConfig', () => {
  const cases: Array<[string, RawConfig, string]> = [
    ['a relative broker', { ...valid, broker: '/oidc' }, 'broker'],
    ['a broker with a query', { ...valid, broker: 'https://id.example.com/?a=1' }, 'broker'],
    ['a javascript: broker', { ...valid, broker: 'javascript:alert(1)' }, 'broker'],
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
    ['a scope without openid', { ...valid, scope: 'profile email' }, 'scope'],
  ];
  itRefuses(cases, configOf);

  it('allows plain http only on loopback hosts', () => {
    expect(configOf({ ...valid, broker: 'http://localhost:3000' }).broker).to.equal('http://localhost:3000');
    expect(configOf({ ...valid, broker: 'http://127.0.0.1:3000/oidc' }).broker).to.equal('http://127.0.0.1:3000/oidc');
    expect(errorOf({ ...valid, broker: 'http://id.example.com' }).message).to.equal('Attribute "broker": "http://id.example.com".');
  });

  it('refuses a plain-http redirect-uri off loopback (the code would cross the network in clear)', () => {
    const error = errorOf(valid, 'http://shop.example/login');
    expect(error.attribute).to.equal('redirect-uri');
    expect(error.message).to.equal('Attribute "redirect-uri": "http://shop.example/login".');
    expect(configOf(valid, 'http://localhost:8080/login').redirectUri).to.equal('http://localhost:8080/login');
  });

  it('names the value', () => {
    expect(errorOf({ ...valid, scope: 'profile' }).message).to.equal('Attribute "scope": "profile".');
  });

  it('asks for openid only of OpenID Connect', () => {
    expect(configOf({ ...valid, protocol: 'authjs', scope: 'profile' }).scope).to.equal('profile');
  });
});

describe('checked flows', () => {
  // Read on this page: the steps check against the page they run on.
  const bad = readConfig({ ...valid, broker: 'http://id.example.com' }, location.href);
  const good = readConfig({ ...valid, broker: 'http://localhost:3000' }, location.href);
  const calls: string[] = [];
  const flows = checked({
    keeper: () => {
      throw new Error('not here');
    },
    land: () => undefined,
    take: (config: LoginConfig) => (calls.push('take ' + config.broker), { url: 'https://id.example.com/authorize' }),
    popup: (config: LoginConfig) => (calls.push('popup ' + config.broker), Promise.reject(new Error('stop'))),
    redirect: () => Promise.reject(new Error('stop')),
    logout: () => Promise.resolve(true),
  } as ProtocolFlows);

  it('runs a step given a configuration that may carry a login', () => {
    calls.length = 0;
    expect(flows.take!(good, { id: '', name: '' })).to.deep.equal({ url: 'https://id.example.com/authorize' });
    expect(calls).to.deep.equal(['take http://localhost:3000']);
  });

  it('throws from take (it runs in the click) and rejects from the other steps, running neither', async () => {
    calls.length = 0;
    expect(() => flows.take!(bad, { id: '', name: '' })).to.throw(ConfigError, /broker/);
    const rejected = await flows.popup(bad, { id: '', name: '' }, null!, new AbortController().signal).catch((err: unknown) => err);
    expect(rejected).to.be.instanceOf(ConfigError).with.property('attribute', 'broker');
    expect(calls).to.deep.equal([]);
  });

  it('hands the element the checks', () => {
    expect(() => flows.check!(bad)).to.throw(ConfigError);
    expect(flows.check!(good)).to.equal(good);
  });
});
