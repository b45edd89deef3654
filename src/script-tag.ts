/**
 * The classic-script entry (`dist/social-login.min.js`): registers `<social-login>` and exposes
 * the public API as `window.SocialLogin`. Each protocol's code is a sibling chunk it loads on
 * demand (see flow/load-flows.classic.ts), which reaches the core through `SocialLogin._k`.
 */
import './define.js';
import * as api from './index.js';
import * as kit from './kit.js';

declare global {
  interface Window {
    /** The widget's API when loaded by a plain `<script src>`. */
    SocialLogin: typeof api;
  }
}

window.SocialLogin ??= Object.assign({ _k: kit }, api);
