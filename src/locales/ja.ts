/** Japanese, loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: '{name}でログイン',
  signIn: 'ログイン',
  busy: '{name}でログイン中…',
  lastUsed: '前回使用',
  signedInAs: '{name}としてログイン中',
  signOut: 'ログアウト',
  signOutUser: '{name}からログアウト',
  errors: {
    popup_blocked: 'ログイン画面がブロックされました。ポップアップを許可して、もう一度お試しください。',
    popup_closed: 'ログイン画面が閉じられました。',
    timeout: 'ログインに時間がかかりすぎました。もう一度お試しください。',
    access_denied: 'ログインがキャンセルされました。',
    invalid_state: 'ログインを確認できませんでした。もう一度お試しください。',
    broker_error: 'ログインサービスでエラーが発生しました。',
    network_error: 'ログインサービスに接続できませんでした。もう一度お試しください。',
    invalid_config: 'このページのログイン設定に誤りがあります。',
  },
};
