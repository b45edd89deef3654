import type { LoginErrorCode } from '../errors.js';

/** The element's user-facing text in one language. `{name}` stands for the display name. */
export interface Strings {
  /** Label of a button for one connection, e.g. "Continue with {name}". */
  continueWith: string;
  /** Label of the single button when no connections are listed. */
  signIn: string;
  /** Label of a button while its login runs. */
  busy: string;
  /** The badge on the connection that logged in last. */
  lastUsed: string;
  /** What the live region announces for each failure. */
  errors: Record<LoginErrorCode, string>;
}

/**
 * The languages, by BCP 47 tag: `en` and `zh-CN` are built in. Add one before the elements render,
 * e.g. `STRINGS.fr = { ...STRINGS.en, continueWith: 'Continuer avec {name}', … }`; an element's
 * `lang` (else the closest `lang` attribute, else the page's) picks the exact tag, then its language
 * (`fr-CA` → `fr`); any other `zh` tag gets zh-CN, and the rest en.
 */
export const STRINGS: Record<string, Strings> & Record<'en' | 'zh-CN', Strings> = {
  en: {
    continueWith: 'Continue with {name}',
    signIn: 'Sign in',
    busy: 'Signing in with {name}…',
    lastUsed: 'Last used',
    errors: {
      popup_blocked: 'The sign-in window was blocked. Allow pop-ups and try again.',
      popup_closed: 'The sign-in window was closed.',
      timeout: 'Signing in took too long. Try again.',
      access_denied: 'Sign-in was cancelled.',
      invalid_state: 'The sign-in could not be verified. Try again.',
      broker_error: 'The sign-in service reported an error.',
      network_error: 'The sign-in service could not be reached. Try again.',
      invalid_config: 'Sign-in is not set up correctly here.',
    },
  },
  'zh-CN': {
    continueWith: '使用 {name} 登录',
    signIn: '登录',
    busy: '正在使用 {name} 登录…',
    lastUsed: '上次使用',
    errors: {
      popup_blocked: '登录窗口被浏览器拦截。请允许本网站弹出窗口后重试。',
      popup_closed: '登录完成前登录窗口已关闭。',
      timeout: '登录超时，请重试。',
      access_denied: '登录已取消。',
      invalid_state: '无法验证登录结果，请重试。',
      broker_error: '登录服务返回了错误。',
      network_error: '无法连接登录服务，请重试。',
      invalid_config: '本页面的登录配置有误。',
    },
  },
};

/** The strings for a BCP 47 language tag (see {@link STRINGS}). @internal */
export const stringsFor = (lang: string): Strings => {
  const own = (tag: string) => (Object.hasOwn(STRINGS, tag) ? STRINGS[tag] : undefined);
  return own(lang) ?? own(lang.split('-')[0]!) ?? (/^zh\b/i.test(lang) ? STRINGS['zh-CN'] : STRINGS.en);
};
