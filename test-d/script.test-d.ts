// The classic script's global, for pages that load `social-login.min.js` and type-check their code.
import type {} from 'social-login/script';

const api = window.SocialLogin;
const version: string = api.VERSION;
const ctor: typeof HTMLElement = api.SocialLogin;
api.STRINGS.en.continueWith satisfies string;
// @ts-expect-error: the kit is not public API
api._k;
void [version, ctor];
