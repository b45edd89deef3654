// @ts-check
/**
 * @file The plain HTML example's script: listens for `login` and `login-error` on the element and
 * shows who logged in. No build step; `// @ts-check` and the JSDoc types below let
 * scripts/check-examples.mjs type-check it against the package's declarations.
 */
/** @import { SocialLogin } from 'social-login' */

const login = /** @type {SocialLogin} */ (document.querySelector('social-login'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

login.addEventListener('login', (e) => {
  const { user, connection } = e.detail;
  status.textContent = `Signed in with ${connection.name} as ${user.name ?? user.id}.`;
});
login.addEventListener('login-error', (e) => {
  status.textContent = `Login failed (${e.detail.code}): ${e.detail.message}`;
});
