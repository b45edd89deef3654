/** Korean, loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: '{name} 로그인',
  signIn: '로그인',
  busy: '{name} 로그인 중…',
  lastUsed: '최근 사용',
  signedInAs: '{name} 님으로 로그인됨',
  signOut: '로그아웃',
  signOutUser: '{name} 님 로그아웃',
  errors: {
    popup_blocked: '로그인 창이 차단되었습니다. 팝업을 허용한 후 다시 시도하세요.',
    popup_closed: '로그인 창이 닫혔습니다.',
    timeout: '로그인 시간이 초과되었습니다. 다시 시도하세요.',
    access_denied: '로그인이 취소되었습니다.',
    invalid_state: '로그인을 확인할 수 없습니다. 다시 시도하세요.',
    broker_error: '로그인 서비스에서 오류가 발생했습니다.',
    network_error: '로그인 서비스에 연결할 수 없습니다. 다시 시도하세요.',
    invalid_config: '이 페이지의 로그인 설정이 올바르지 않습니다.',
  },
};
