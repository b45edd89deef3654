/**
 * The twelve languages in the element, in real browsers: each pack loads by the element's language
 * (no English painted first), every text fits a 240 px button, axe passes in each, and Arabic and
 * Hebrew (or any right-to-left page) lay the element out right to left without mirroring the logos.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import { STRINGS, type Strings } from '../core/strings.js';
import { strings as ar } from '../locales/ar.js';
import { strings as de } from '../locales/de.js';
import { strings as es } from '../locales/es.js';
import { strings as fr } from '../locales/fr.js';
import { strings as he } from '../locales/he.js';
import { strings as ja } from '../locales/ja.js';
import { strings as ko } from '../locales/ko.js';
import { strings as ptBR } from '../locales/pt-BR.js';
import { strings as ru } from '../locales/ru.js';
import { strings as zhCN } from '../locales/zh-CN.js';
import { strings as zhTW } from '../locales/zh-TW.js';
import type { SocialLogin } from './social-login.js';

const LANGUAGES: Record<string, Strings> = { en: STRINGS.en, 'zh-CN': zhCN, 'zh-TW': zhTW, ja, ko, es, fr, de, 'pt-BR': ptBR, ru, ar, he };

let n = 0;
/** A widget in a holder with `holderAttrs` (`lang`, `dir`), rendering on a loopback broker nothing answers. */
async function mount(attrs: Record<string, string>, holderAttrs: Record<string, string> = {}): Promise<SocialLogin> {
  const holder = document.createElement('div');
  for (const [k, v] of Object.entries(holderAttrs)) holder.setAttribute(k, v);
  const el = document.createElement('social-login');
  for (const [k, v] of Object.entries({ broker: `http://localhost:9/lang-${Date.now()}-${++n}`, 'client-id': 'spa', ...attrs })) el.setAttribute(k, v);
  holder.append(el);
  document.body.append(holder);
  await el.updateComplete;
  return el;
}
const buttons = (el: SocialLogin) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=buttons] button')];
const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[part~=${name}]`)!;
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));

afterEach(() => {
  for (const el of document.querySelectorAll('social-login')) el.parentElement!.remove();
});

describe('languages', () => {
  for (const [tag, s] of Object.entries(LANGUAGES)) {
    it(`${tag}: its pack loads before the first paint, every text fits a 240 px button, axe passes`, async () => {
      // Every text the labels ever held, from the moment the element is in the page.
      const seen: string[] = [];
      const holder = document.createElement('div');
      holder.lang = tag;
      const el = document.createElement('social-login');
      el.setAttribute('broker', `http://localhost:9/lang-${tag}-${++n}`);
      el.setAttribute('client-id', 'spa');
      el.setAttribute('connections', 'instagram:Instagram,github:GitHub');
      el.style.width = '240px';
      holder.append(el);
      document.body.append(holder);
      const observer = new MutationObserver((records) => {
        for (const r of records) if (r.type == 'characterData' && r.oldValue) seen.push(r.oldValue);
      });
      observer.observe(el.shadowRoot!, { subtree: true, characterData: true, characterDataOldValue: true, childList: true });
      await el.updateComplete;
      await frame();
      observer.disconnect();
      const labels = buttons(el).map((b) => part(b, 'label').textContent);
      expect(labels).to.deep.equal([s.continueWith.replace('{name}', 'Instagram'), s.continueWith.replace('{name}', 'GitHub')]);
      if (tag != 'en') expect(seen.filter((t) => t.startsWith('Continue with')), 'English painted first').to.deep.equal([]);
      expect(STRINGS[tag], 'the pack joined STRINGS').to.deep.equal(s);

      // Each text a button can hold, in the element's own styles, 240 px wide: nothing overflows.
      const button = buttons(el)[0]!;
      const label = part(button, 'label');
      const badge = part(button, 'last-used');
      const texts = [s.continueWith, s.busy, s.signIn, s.signOut ?? 'Sign out'].map((t) => t.replace('{name}', 'Instagram'));
      badge.hidden = false;
      (badge.firstChild as Text).data = s.lastUsed;
      for (const text of texts) {
        (label.firstChild as Text).data = text;
        expect(button.scrollWidth, `"${text}" overflows`).to.be.at.most(button.clientWidth);
        expect(label.scrollWidth, `"${text}" is cut`).to.be.at.most(Math.ceil(label.getBoundingClientRect().width) + 1);
      }
      el.requestUpdate();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('lays Arabic and Hebrew out right to left: the icon at the start, the badge at the end, the first button first, logos unmirrored (axe passes)', async () => {
    localStorage.setItem('social-login:last-used:http://localhost:9/rtl', 'github');
    try {
      for (const lang of ['ar', 'he']) {
        const el = await mount({ broker: 'http://localhost:9/rtl', connections: 'instagram:Instagram,github:GitHub', layout: 'horizontal', 'last-used': 'on', lang });
        await frame();
        await el.updateComplete;
        // The brand icons arrive after the first frame.
        for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('svg'); i++) await new Promise((r) => setTimeout(r, 20));
        const [first, second] = buttons(el);
        expect(getComputedStyle(first!).direction).to.equal('rtl');
        const icon = part(first!, 'icon').getBoundingClientRect();
        const label = part(first!, 'label').getBoundingClientRect();
        expect(icon.left, 'the icon at the inline start (right)').to.be.greaterThan(label.left);
        const badge = part(second!, 'last-used');
        expect(badge.hidden).to.equal(false);
        expect(badge.getBoundingClientRect().right, 'the badge at the inline end (left)').to.be.at.most(part(second!, 'label').getBoundingClientRect().left + 1);
        expect(first!.getBoundingClientRect().left, 'the first button on the right').to.be.greaterThan(second!.getBoundingClientRect().left);
        const svg = el.shadowRoot!.querySelector('svg')!;
        expect(svg, 'a brand icon').to.not.equal(null);
        expect(getComputedStyle(svg).transform).to.equal('none');
        expect(getComputedStyle(part(first!, 'icon')).transform).to.equal('none');
        // Focus goes in reading order: the first button (rightmost) first.
        const before = document.createElement('button');
        before.textContent = 'before';
        el.before(before);
        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(first);
        before.remove();
        await expect(el).to.be.accessible();
        el.parentElement!.remove();
      }
    } finally {
      localStorage.removeItem('social-login:last-used:http://localhost:9/rtl');
    }
  });

  it('follows a right-to-left page in any language, and a left-to-right language keeps the page direction', async () => {
    const rtlPage = await mount({ connections: 'instagram:Instagram' }, { dir: 'rtl', lang: 'en' });
    expect(getComputedStyle(buttons(rtlPage)[0]!).direction).to.equal('rtl');
    const ltr = await mount({ connections: 'instagram:Instagram', lang: 'ja' });
    expect(getComputedStyle(buttons(ltr)[0]!).direction).to.equal('ltr');
    // Arabic inside a left-to-right page is right to left all the same.
    const arabic = await mount({ connections: 'instagram:Instagram', lang: 'ar' }, { dir: 'ltr' });
    expect(getComputedStyle(buttons(arabic)[0]!).direction).to.equal('rtl');
  });

  it('puts a name with $ patterns in the text as it is', async () => {
    const el = await mount({ connections: "cash:Cash$$ Money $& $' $1" });
    expect(part(buttons(el)[0]!, 'label').textContent).to.equal("Continue with Cash$$ Money $& $' $1");
  });

  it('switches language live (lang changed on the element), loading the new pack first', async () => {
    const el = await mount({ connections: 'instagram:Instagram', lang: 'de' });
    expect(part(buttons(el)[0]!, 'label').textContent).to.equal('Weiter mit Instagram');
    el.setAttribute('lang', 'ko');
    await el.updateComplete;
    expect(part(buttons(el)[0]!, 'label').textContent).to.equal('Instagram 로그인');
  });
});
