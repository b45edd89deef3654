// The element and its events, typed for a page that registers it (`social-login/define`).
import 'social-login/define';
import { LoginErrorEvent, LoginEvent, LogoutErrorEvent, LogoutEvent, SocialLogin, SocialLoginError, STRINGS, type LoginDetail, type LoginErrorCode, type LogoutReason, type Session } from 'social-login';

const el = document.querySelector('social-login');
if (el) {
  // querySelector knows the tag.
  const typed: SocialLogin = el;
  typed.broker = 'https://id.example.com';
  typed.connections = [{ id: 'instagram', name: 'Instagram' }];
  typed.theme = 'dark';
  typed.layout = 'icons';
  typed.lastUsed = 'off';
  // @ts-expect-error: not a theme
  typed.theme = 'blue';
  // @ts-expect-error: not a layout
  typed.layout = 'grid';
  // @ts-expect-error: connections need a name
  typed.connections = [{ id: 'x' }];

  // Events are typed on the element...
  el.addEventListener('login', (event) => {
    const detail: LoginDetail = event.detail;
    const id: string = detail.user.id;
    const email: string | undefined = detail.user.email;
    // @ts-expect-error: the user has no such field
    detail.user.nope;
    void [id, email];
  });
  el.addEventListener('login-start', (event) => {
    event.preventDefault();
    const mode: 'popup' | 'redirect' = event.detail.mode;
    void mode;
  });
  // ...and on document and window, since they bubble and are composed.
  document.addEventListener('login-error', (event) => {
    const code: LoginErrorCode = event.detail.code;
    const error: SocialLoginError = event.detail.error;
    // @ts-expect-error: not an error code
    if (code === 'nope') return;
    void error;
  });
  window.addEventListener('login', (event) => void event.detail.tokens?.accessToken);

  // The result promise.
  const result: Promise<LoginDetail> | undefined = el.result;
  void result;

  // Sessions: who is signed in (no tokens), signing out, and why a session ended.
  typed.sessionMode = 'off';
  typed.signedIn = 'account';
  // @ts-expect-error: not a session mode
  typed.sessionMode = 'always';
  const session: Session | null = el.session;
  // @ts-expect-error: a session carries no tokens
  void session?.tokens;
  // @ts-expect-error: read-only
  el.session = null;
  const done: Promise<void> = el.logout();
  void done;
  el.addEventListener('login', (event) => {
    const mode: 'popup' | 'redirect' | 'session' = event.detail.mode;
    void mode;
  });
  el.addEventListener('logout', (event) => {
    const reason: LogoutReason = event.detail.reason;
    const atBroker: boolean | undefined = event.detail.broker;
    // @ts-expect-error: not a reason
    if (reason === 'crash') return;
    void atBroker;
  });
  document.addEventListener('logout-error', (event) => {
    const code: LoginErrorCode = event.detail.code;
    void code;
  });
}

// Event classes carry their names and typed details.
const name: 'login' = LoginEvent.eventName;
const errorName: 'login-error' = LoginErrorEvent.eventName;
const logoutName: 'logout' = LogoutEvent.eventName;
const logoutErrorName: 'logout-error' = LogoutErrorEvent.eventName;
void [logoutName, logoutErrorName];
// @ts-expect-error: a login event needs its detail
new LoginEvent();
void [name, errorName];

// A language is a whole set of strings.
STRINGS.fr = { ...STRINGS.en, continueWith: 'Continuer avec {name}' };
// @ts-expect-error: a language needs every string
STRINGS.de = { continueWith: 'Weiter mit {name}' };

// document.createElement too.
const made: SocialLogin = document.createElement('social-login');
void made;
