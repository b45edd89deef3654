/** Traditional Chinese (Taiwan, Hong Kong, Macao; `zh-Hant`), loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: '使用{name}登入',
  signIn: '登入',
  busy: '正在使用{name}登入…',
  lastUsed: '上次使用',
  signedInAs: '已登入：{name}',
  signOut: '登出',
  signOutUser: '登出{name}',
  errors: {
    popup_blocked: '登入視窗遭到封鎖。請允許此網站開啟彈出式視窗，然後再試一次。',
    popup_closed: '登入視窗已關閉。',
    timeout: '登入逾時，請再試一次。',
    access_denied: '已取消登入。',
    invalid_state: '無法驗證登入結果，請再試一次。',
    broker_error: '登入服務發生錯誤。',
    network_error: '無法連線至登入服務，請再試一次。',
    invalid_config: '此頁面的登入設定有誤。',
  },
};
