import { expect } from '@open-wc/testing';
import { ConfigError } from '../errors.js';
import { configErrorOf, itRefuses, PAGE, VALID } from '../../test/config-errors.js';
import { parseConnections, readConfig, type RawConfig } from './config.js';

/** Read by the core alone. */
const errorOf = (raw: RawConfig, page = PAGE) => configErrorOf(readConfig, raw, page);
const valid = VALID;

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


  const cases: Array<[string, RawConfig, string]> = [
    ['no broker', { clientId: 'x' }, 'broker'],
    ['no client id', { broker: valid.broker }, 'client-id'],
    ['a blank client id', { ...valid, clientId: '  ' }, 'client-id'],
    ['an unknown protocol', { ...valid, protocol: 'saml' }, 'protocol'],
    ['bad connections', { ...valid, connections: 'instagram' }, 'connections'],
    ['a ".." connection id', { ...valid, connections: '..:Up' }, 'connections'],
    ['an unknown response-mode', { ...valid, responseMode: 'fragment' }, 'response-mode'],
    ['an unknown mode', { ...valid, mode: 'tab' }, 'mode'],
    ['an unknown fallback', { ...valid, fallback: 'retry' }, 'fallback'],
    ['a zero timeout', { ...valid, timeout: 0 }, 'timeout'],
    ['a non-numeric timeout', { ...valid, timeout: 'soon' }, 'timeout'],
    ['an unknown in-app', { ...valid, inApp: 'tab' }, 'in-app'],
    ['better-auth without connections', { ...valid, protocol: 'better-auth' }, 'connections'],
  ];
  itRefuses(cases, readConfig);


  it('names the attribute and the value; what the attribute must be comes with the report (src/diagnostics/)', async () => {
    expect(errorOf({ clientId: 'x' }).message).to.equal('Attribute "broker": missing.');
    expect(errorOf({ ...valid, timeout: 'x' }).message).to.equal('Attribute "timeout": "x".');
    const { rule } = await import('../diagnostics/config.js');
    for (const attribute of ['broker', 'client-id', 'connections', 'connection-param', 'redirect-uri', 'scope', 'timeout']) {
      expect(rule(attribute), attribute).to.match(/^ It must be: .{20,}\.$/);
    }
    expect(rule('mode'), 'one-of attributes say it all in their message').to.equal('');
    expect(rule('constructor')).to.equal('');
  });

  it('takes the default redirect-uri without the page URL\'s credentials, query or fragment', () => {
    expect(readConfig(valid, 'https://user:pass@shop.example/login?next=%2F#top').redirectUri).to.equal('https://shop.example/login');
  });

  it('resolves a relative redirect-uri against the page', () => {
    expect(readConfig({ ...valid, redirectUri: '/auth/callback' }, PAGE).redirectUri).to.equal('https://shop.example/auth/callback');
  });

  it('lets an empty connection-param mean "not sent"', () => {
    expect(readConfig({ ...valid, connectionParam: '' }, PAGE).connectionParam).to.equal('');
  });
});

/** User agents as the apps and browsers send them (abridged where they run long). */
const IN_APP_AGENTS: Record<string, string> = {
  Instagram: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 335.0.1.20.93 (iPhone14,5; iOS 17_5; en_US; en; scale=3.00; 1170x2532; 617012035)',
  'Facebook (iOS)': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.42.108;FBBV/614460950;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]',
  'Facebook (Android)': 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/477.0.0.49.82;]',
  Messenger: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerLiteForiOS;FBAV/470.0.0.30.106;FBBV/612440925;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.5]',
  WeChat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322d) NetType/WIFI Language/zh_CN',
  LINE: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.12.0',
  TikTok: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_35.6.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US',
  'TikTok (Android)': 'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.134 Mobile Safari/537.36 trill_350403 BytedanceWebview/d8a21c6',
  Snapchat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.1.0.35 (like Safari/8618.2.12.10.5, panda)',
  'an Android WebView': 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36',
};
const BROWSER_AGENTS: Record<string, string> = {
  'Chrome (Windows)': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Safari (macOS)': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Safari (iOS)': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Chrome (Android)': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Firefox (Linux)': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Edge (Windows)': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
};

describe('readConfig in in-app browsers', () => {
  for (const [app, agent] of Object.entries(IN_APP_AGENTS)) {
    it(`logs in by redirect in ${app}'s in-app browser`, () => {
      expect(readConfig(valid, PAGE, agent).mode).to.equal('redirect');
    });
  }
  for (const [browser, agent] of Object.entries(BROWSER_AGENTS)) {
    it(`keeps the popup in ${browser}`, () => {
      expect(readConfig(valid, PAGE, agent).mode).to.equal('popup');
    });
  }

  it('keeps the popup with in-app="popup"', () => {
    expect(readConfig({ ...valid, inApp: 'popup' }, PAGE, IN_APP_AGENTS.Instagram).mode).to.equal('popup');
  });

  it('redirects every protocol (each has a redirect form: Authing through its OpenID Connect issuer)', () => {
    expect(readConfig({ ...valid, protocol: 'authing' }, PAGE, IN_APP_AGENTS.Instagram).mode).to.equal('redirect');
    expect(readConfig({ ...valid, protocol: 'authjs' }, PAGE, IN_APP_AGENTS.TikTok).mode).to.equal('redirect');
    expect(readConfig({ ...valid, protocol: 'better-auth', connections: 'instagram:Instagram' }, PAGE, IN_APP_AGENTS.LINE).mode).to.equal('redirect');
  });

  it('leaves mode="redirect" as it is', () => {
    expect(readConfig({ ...valid, mode: 'redirect' }, PAGE, BROWSER_AGENTS['Safari (macOS)']).mode).to.equal('redirect');
    expect(readConfig({ ...valid, mode: 'redirect', inApp: 'popup' }, PAGE, IN_APP_AGENTS.WeChat).mode).to.equal('redirect');
  });
});
