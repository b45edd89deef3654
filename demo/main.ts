import '../src/define.js';

const el = document.querySelector('social-login')!;
const log = document.querySelector('#log')!;

function entry(type: string, detail: unknown) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify(detail, null, 1)}`;
  log.prepend(li);
}

el.addEventListener('login-start', (e) => entry('login-start', e.detail));
el.addEventListener('login', (e) => entry('login', { ...e.detail, tokens: '(present)' }));
el.addEventListener('login-error', (e) => entry('login-error', { code: e.detail.code, message: e.detail.message }));

const { issuer, clientId } = (await (await fetch('/demo/config.json')).json()) as { issuer: string; clientId: string };
el.broker = issuer;
el.clientId = clientId;
