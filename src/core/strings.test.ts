/** Language matching (BCP 47, any case): which built-in pack serves a tag, and which texts it shows. */
import { expect } from '@open-wc/testing';
import { languageOf, packOf, PACKS, STRINGS, stringsFor } from './strings.js';

describe('language matching', () => {
  const cases: Array<[string, string | undefined]> = [
    ['zh-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-Hant-CN', 'zh-TW'],
    ['ZH-tw', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['es-419', 'es'],
    ['es-MX', 'es'],
    ['fr-CA', 'fr'],
    ['de-AT', 'de'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['ru-RU', 'ru'],
    ['ar-EG', 'ar'],
    ['he-IL', 'he'],
    ['EN-gb', undefined],
    ['it', undefined],
    ['tw', undefined],
    ['hant', undefined],
    ['', undefined],
    ['constructor', undefined],
  ];
  for (const [tag, pack] of cases) {
    it(`"${tag}" → ${pack ?? 'no pack'}`, () => expect(packOf(tag)).to.equal(pack));
  }

  it('takes the texts from STRINGS by the exact tag first, then its language, then its pack, in any case', () => {
    expect(languageOf('en-GB')).to.equal('en');
    expect(languageOf('it')).to.equal(undefined);
    expect(stringsFor('it')).to.equal(STRINGS.en);
    STRINGS['zh-HK'] = { ...STRINGS.en, signIn: '登入 (HK)' };
    STRINGS.pt = { ...STRINGS.en, signIn: 'Entrar (pt)' };
    try {
      expect(languageOf('ZH-hk')).to.equal('zh-HK');
      expect(stringsFor('zh-hk').signIn).to.equal('登入 (HK)');
      // A language the page added wins over the built-in pack of its language.
      expect(languageOf('pt-PT')).to.equal('pt');
    } finally {
      delete STRINGS['zh-HK'];
      delete STRINGS.pt;
    }
  });

  it('lists eleven built-in packs besides English', () => {
    expect([...PACKS].sort()).to.deep.equal(['ar', 'de', 'es', 'fr', 'he', 'ja', 'ko', 'pt-BR', 'ru', 'zh-CN', 'zh-TW']);
  });
});
