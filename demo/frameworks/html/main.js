// @ts-check
/**
 * @file The plain HTML example's script: listens for `login`, `login-error` and `logout` on the
 * element and shows who is signed in. No build step; `// @ts-check` and the JSDoc types below let
 * scripts/check-examples.mjs type-check it against the package's declarations.
 */
/** @import { SocialLogin } from 'social-login' */

const login = /** @type {SocialLogin} */ (document.querySelector('social-login'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

login.addEventListener('login', (e) => {
  // A session found signed in (`mode: 'session'`) may not say which connection it came from.
  const { user, connection } = e.detail;
  status.textContent = `Signed in${connection ? ` with ${connection.name}` : ''} as ${user.name ?? user.id}.`;
});
login.addEventListener('logout', (e) => {
  status.textContent = `Signed out (${e.detail.reason}).`;
});
login.addEventListener('login-error', (e) => {
  status.textContent = `Login failed (${e.detail.code}): ${e.detail.message}`;
});
