/**
 * The classic-script entry (`dist/social-login.min.js`): registers `<social-login>` and exposes
 * the public API as `window.SocialLogin`.
 */
import './define.js';
import * as api from './index.js';

declare global {
  interface Window {
    /** The widget's API when loaded by a plain `<script src>`. */
    SocialLogin: typeof api;
  }
}

window.SocialLogin ??= api;
