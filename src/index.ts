/**
 * social-login: embeddable social-login buttons for any OpenID Connect broker.
 *
 * This entry has no side effects; import `social-login/define` to register `<social-login>`.
 * @packageDocumentation
 */
export { SocialLogin } from './element/social-login.js';
export type { ResponseMode } from './element/config.js';
export { STRINGS, type Strings } from './element/strings.js';
export { relayPopupResponse } from './channel/relay.js';
export { handleLoginResponse } from './landing.js';
export * from './events.js';
export * from './errors.js';
export { VERSION } from './version.js';
