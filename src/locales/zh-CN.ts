/** Simplified Chinese (`zh-CN`), loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: '使用{name}登录',
  signIn: '登录',
  busy: '正在使用{name}登录…',
  lastUsed: '上次使用',
  signedInAs: '已登录：{name}',
  signOut: '退出登录',
  signOutUser: '退出{name}的账号',
  errors: {
    popup_blocked: '登录窗口被浏览器拦截。请允许本网站弹出窗口后重试。',
    popup_closed: '登录窗口已关闭。',
    timeout: '登录超时，请重试。',
    access_denied: '登录已取消。',
    invalid_state: '无法验证登录结果，请重试。',
    broker_error: '登录服务返回了错误。',
    network_error: '无法连接登录服务，请重试。',
    invalid_config: '本页面的登录配置有误。',
  },
};
