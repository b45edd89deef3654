/**
 * The classic-script entry (`dist/social-login.min.js`): registers `<social-login>` and exposes
 * the public API as `window.SocialLogin`. Each protocol's code is a sibling chunk it loads on
 * demand (see core/chunk-loader.classic.ts), which reaches the core through `SocialLogin._k`.
 */
import './define.js';
import type * as Api from './index.js';
import {
  AccessDeniedError,
  BrokerError,
  ConfigError,
  handleLoginResponse,
  InvalidStateError,
  LoginErrorEvent,
  LoginEvent,
  LoginStartEvent,
  LogoutErrorEvent,
  LogoutEvent,
  LoginTimeoutError,
  NetworkError,
  PopupBlockedError,
  PopupClosedError,
  relayPopupResponse,
  SocialLogin,
  SocialLoginError,
  STRINGS,
  VERSION,
} from './index.js';
import type * as Kit from './kit.js';
import { chunkLoaded } from './kit.js';

declare global {
  interface Window {
    /** The widget's API when loaded by a plain `<script src>`. */
    SocialLogin: typeof Api;
  }
}

// A plain object (a module namespace would cost the page a getter per member); the types make sure
// it holds every export of the API and of the kit.
const kit: typeof Kit = { chunkLoaded };
const api: typeof Api & { _k: typeof Kit } = {
  SocialLogin,
  STRINGS,
  VERSION,
  handleLoginResponse,
  relayPopupResponse,
  LoginStartEvent,
  LoginEvent,
  LoginErrorEvent,
  LogoutEvent,
  LogoutErrorEvent,
  SocialLoginError,
  PopupBlockedError,
  PopupClosedError,
  LoginTimeoutError,
  BrokerError,
  AccessDeniedError,
  InvalidStateError,
  NetworkError,
  ConfigError,
  _k: kit,
};
// The global is owned, not `??=`-assigned: markup such as `<img name="SocialLogin">` stands in for an
// unset global, and would leave the chunks without their kit. Read-only, and a second copy of the
// script keeps the first's.
if (!Object.hasOwn(window, 'SocialLogin')) Object.defineProperty(window, 'SocialLogin', { value: api });
