/**
 * The broker's pages in the element's language (issue 19), end to end in every engine:
 * OpenID Connect's `ui_locales` on the authorization request (node-oidc-provider holds it and shows
 * what it received) and on the end-session request; Authing's `x-authing-lang` header on its API
 * call, with the values Guard sends (simulated Authing records it). Auth.js and Better Auth take none.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { LoginEvent, LogoutEvent } from '../../src/index.js';
import { accountView, HELD, mountWidget, realClick, recordEvents, release, releaseAll, spyOnOpen, testEnv, until, waitForHeld, windows } from '../helpers.js';

const env = testEnv();

afterEach(async () => {
  await releaseAll();
  sessionStorage.clear();
});

describe('the broker in the element\'s language', () => {
  const cases: Array<[string, string]> = [
    ['ja', 'ja'],
    ['zh-HK', 'zh-TW'],
    ['pt-PT', 'pt-BR'],
    ['es-419', 'es'],
    ['it', 'en'],
  ];
  for (const [lang, sent] of cases) {
    it(`oidc: lang="${lang}" asks the broker for ui_locales=${sent}`, async () => {
      const open = spyOnOpen();
      try {
        const el = await mountWidget({ connections: `${HELD}:Instagram`, lang });
        await realClick(el.shadowRoot!.querySelector('button')!);
        const held = await waitForHeld();
        expect(held.params.ui_locales).to.equal(sent);
        await release(held.uid, 'deny');
      } finally {
        open.restore();
      }
    });
  }

  it('oidc: the end-session request carries ui_locales too', async () => {
    const el = await mountWidget({ connections: 'github:GitHub', lang: 'fr', 'signed-in': 'account' });
    const events = recordEvents(el);
    await realClick(el.shadowRoot!.querySelector('button')!);
    await until(() => events.login[0] as LoginEvent | undefined, 'the login');
    await realClick(accountView(el)!.signOut);
    await until(() => windows('find', `${env.issuer}/session/end`), 'the confirmation page');
    const query = (await (await fetch(`${env.issuer}/__fixture/end-session`)).json()) as Record<string, string>;
    expect(query.ui_locales).to.equal('fr');
    await windows('click', `${env.issuer}/session/end`, 'button[name=logout][value=yes]');
    await until(() => events.logout[0] as LogoutEvent | undefined, 'the sign-out', 15_000);
  });

  const authing: Array<[string, string]> = [
    ['zh-CN', 'zh-CN'],
    ['zh-Hant', 'zh-TW'],
    ['ja', 'ja-JP'],
    ['fr', 'en-US'],
  ];
  for (const [lang, header] of authing) {
    it(`authing (simulated): lang="${lang}" tells Authing's API x-authing-lang: ${header}, as Guard does`, async () => {
      const el = await mountWidget({ protocol: 'authing', broker: env.authing.host, 'client-id': env.authing.appId, lang, 'redirect-uri': env.callbacks.module });
      await until(() => el.shadowRoot!.querySelector('[part=buttons] button'), "the application's connections");
      expect(await (await fetch(`${env.authing.host}/__fixture/last-lang`)).json()).to.equal(header);
    });
  }
});
