/**
 * `<social-login>` in React 19, used as a plain element. React 19 sets a prop as a property when the
 * element has one (`broker`, `timeout`), else as an attribute (`client-id`), and for a function prop
 * named `on` + an event's name as written adds that listener: `onlogin` → `login`,
 * `onlogin-error` → `login-error`. The JSX types come from ./social-login.d.ts.
 */
import { useState } from 'react';
import 'social-login/define';
import type { LoginErrorEvent, LoginEvent, LoginUser } from 'social-login';

export function App() {
  const [user, setUser] = useState<LoginUser>();
  const [error, setError] = useState<string>();

  const onLogin = (e: LoginEvent) => {
    setUser(e.detail.user);
    setError(undefined);
  };
  const onLoginError = (e: LoginErrorEvent) => setError(`${e.detail.code}: ${e.detail.message}`);

  return (
    <>
      {/* redirect-uri: the dev broker registers only /demo/ for demo-spa; that page relays the popup's response. */}
      <social-login
        broker="http://localhost:5174"
        client-id="demo-spa"
        connections="instagram:Instagram"
        redirect-uri="/demo/"
        onlogin={onLogin}
        onlogin-error={onLoginError}
      />
      <p role="status">{user ? `Signed in as ${user.name ?? user.id}.` : error ? `Login failed (${error})` : ''}</p>
    </>
  );
}
