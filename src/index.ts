/**
 * social-login: embeddable social-login buttons for OpenID Connect brokers, Auth.js and Authing.
 *
 * This entry has no side effects; import `social-login/define` to register `<social-login>`.
 * @packageDocumentation
 */
export { SocialLogin } from './element/social-login.js';
export type { ResponseMode } from './core/config.js';
export { STRINGS, type Strings } from './core/strings.js';
export { relayPopupResponse } from './core/relay.js';
export { handleLoginResponse } from './landing.js';
export * from './events.js';
export * from './errors.js';
export { VERSION } from './version.js';
