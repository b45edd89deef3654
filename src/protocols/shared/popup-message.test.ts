import { expect } from '@open-wc/testing';
import { RELAY_TYPE } from '../../core/relay.js';
import { acceptMessage, relayedParams, type Expectation } from './popup-message.js';

const popup = {};
const other = {};
const state = 'slp_abc';
const x: Expectation = { source: popup, state, relayOrigin: 'https://shop.example', brokerOrigin: 'https://id.example.com' };
const relay = (params: unknown) => ({ type: RELAY_TYPE, params });

describe('acceptMessage', () => {
  it('accepts the relay from our popup on our own origin', () => {
    expect(acceptMessage({ source: popup, origin: x.relayOrigin, data: relay({ code: 'c', state }) } as never, x)).to.deep.equal({ code: 'c', state });
  });

  it('accepts a web_message response from the broker origin', () => {
    const data = { type: 'authorization_response', response: { code: 'c', state, iss: 'https://id.example.com' } };
    expect(acceptMessage({ source: popup, origin: x.brokerOrigin!, data } as never, x)).to.include({ code: 'c' });
  });

  it('accepts web_message from a broker on the page\'s own origin', () => {
    const same = { ...x, brokerOrigin: x.relayOrigin };
    const data = { type: 'authorization_response', response: { code: 'c', state } };
    expect(acceptMessage({ source: popup, origin: x.relayOrigin, data } as never, same)).to.deep.equal({ code: 'c', state });
  });

  const rejected: Array<[string, { source: unknown; origin: string; data: unknown }, Expectation?]> = [
    ['another window', { source: other, origin: x.relayOrigin, data: relay({ code: 'c', state }) }],
    ['no source', { source: null, origin: x.relayOrigin, data: relay({ code: 'c', state }) }],
    ['another origin', { source: popup, origin: 'https://evil.example', data: relay({ code: 'c', state }) }],
    ['a relay shape from the broker origin', { source: popup, origin: x.brokerOrigin!, data: relay({ code: 'c', state }) }],
    ['a web_message shape from our own origin', { source: popup, origin: x.relayOrigin, data: { type: 'authorization_response', response: { code: 'c', state } } }],
    ['web_message when the attempt did not ask for it', { source: popup, origin: x.brokerOrigin!, data: { type: 'authorization_response', response: { code: 'c', state } } }, { ...x, brokerOrigin: undefined }],
    ['a wrong state', { source: popup, origin: x.relayOrigin, data: relay({ code: 'c', state: 'slp_other' }) }],
    ['no state', { source: popup, origin: x.relayOrigin, data: relay({ code: 'c' }) }],
    ['a non-string value', { source: popup, origin: x.relayOrigin, data: relay({ code: 1, state }) }],
    ['an oversized value', { source: popup, origin: x.relayOrigin, data: relay({ code: 'c'.repeat(9000), state }) }],
    ['too many parameters', { source: popup, origin: x.relayOrigin, data: relay({ state, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, 'v'])) }) }],
    ['a string', { source: popup, origin: x.relayOrigin, data: `{"type":"${RELAY_TYPE}"}` }],
    ['null', { source: popup, origin: x.relayOrigin, data: null }],
    ['an array', { source: popup, origin: x.relayOrigin, data: [relay({ code: 'c', state })] }],
    ['params as an array', { source: popup, origin: x.relayOrigin, data: relay([['state', state]]) }],
    ['another type', { source: popup, origin: x.relayOrigin, data: { type: 'other', params: { code: 'c', state } } }],
  ];
  for (const [what, event, expectation] of rejected) {
    it(`ignores ${what}`, () => {
      expect(acceptMessage(event as never, expectation ?? x)).to.equal(undefined);
    });
  }
});

describe('relayedParams', () => {
  it('accepts the relay shape with our state only', () => {
    expect(relayedParams(relay({ error: 'access_denied', state }), state)).to.deep.equal({ error: 'access_denied', state });
    expect(relayedParams(relay({ code: 'c', state: 'x' }), state)).to.equal(undefined);
    expect(relayedParams({ type: 'authorization_response', response: { code: 'c', state } }, state)).to.equal(undefined);
  });
});
