/**
 * The demo page: one <social-login> against each protocol the widget speaks, a form that edits its
 * attributes live, a light/dark switch and an event log. Everything the page shows is built with DOM
 * calls and textContent (no innerHTML), and there is no inline script, so it runs under a strict CSP.
 *
 * State (the tab, each tab's attributes, the theme, the log) is kept in sessionStorage, so a
 * redirect-mode login comes back to the page as it was left.
 */
import '../src/define.js';

type Protocol = 'oidc' | 'authjs' | 'better-auth' | 'authing';
const ATTRS = ['broker', 'client-id', 'connections', 'scope', 'mode', 'fallback', 'response-mode', 'signed-in', 'session', 'lang', 'timeout'] as const;
type Attr = (typeof ATTRS)[number];
type Settings = Record<Attr, string>;
interface State {
  protocol: Protocol;
  theme: 'light' | 'dark';
  tabs: Partial<Record<Protocol, Settings>>;
}
interface DemoConfig {
  oidc: { issuer: string; clientId: string; connections: Array<{ id: string; name: string; loginOnly?: boolean }> };
  authjs: { broker: string };
  betterAuth: { broker: string; connections: Array<{ id: string; name: string }> };
  authing: { host: string; appId: string } | null;
  instagram: { simulated: boolean; origin: string };
}
interface LogEntry {
  time: string;
  type: string;
  detail: string;
}

const STATE_KEY = 'social-login-demo:state';
const LOG_KEY = 'social-login-demo:log';
const PROTOCOLS: Protocol[] = ['oidc', 'authjs', 'better-auth', 'authing'];

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const el = $<HTMLElementTagNameMap['social-login']>('#demo-login');
const form = $<HTMLFormElement>('#settings');
const logList = $<HTMLOListElement>('#log');

function readJson<T>(key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}
const writeJson = (key: string, value: unknown) => {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the demo still works, it just forgets */
  }
};

const saved = readJson<State>(STATE_KEY);
const state: State = {
  protocol: saved && PROTOCOLS.includes(saved.protocol) ? saved.protocol : 'oidc',
  theme: saved?.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  tabs: saved?.tabs ?? {},
};
let config: DemoConfig | undefined;

// ---------- the event log ----------

/** A copy of an event detail that is safe to print: tokens shortened, errors spelled out. */
function redact(value: unknown, key = '', depth = 0): unknown {
  if (depth > 6) return '…';
  if (typeof value == 'string') {
    if (/token/i.test(key) && !/type$/i.test(key) && value.length > 16) return `${value.slice(0, 10)}…(${value.length} chars)`;
    return value;
  }
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    for (const [k, v] of Object.entries(value)) out[k] = redact(v, k, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, key, depth + 1));
  if (value && typeof value == 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k, depth + 1)]));
  }
  return value;
}

const logEntries: LogEntry[] = readJson<LogEntry[]>(LOG_KEY) ?? [];

function renderEntry(entry: LogEntry) {
  const li = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = entry.time;
  const type = document.createElement('span');
  type.className = `type type-${entry.type}`;
  type.textContent = ` ${entry.type}`;
  const pre = document.createElement('pre');
  pre.textContent = entry.detail;
  li.append(time, type, pre);
  logList.prepend(li);
}

function log(type: string, detail: unknown) {
  const entry = { time: new Date().toLocaleTimeString(), type, detail: JSON.stringify(redact(detail), null, 2) };
  logEntries.push(entry);
  writeJson(LOG_KEY, logEntries.slice(-50));
  renderEntry(entry);
}

for (const entry of logEntries) renderEntry(entry);
el.addEventListener('login-start', (e) => log('login-start', e.detail));
el.addEventListener('login', (e) => log('login', e.detail));
el.addEventListener('login-error', (e) => log('login-error', e.detail));
el.addEventListener('logout', (e) => log('logout', e.detail));
el.addEventListener('logout-error', (e) => log('logout-error', e.detail));
$('#clear-log').addEventListener('click', () => {
  logEntries.length = 0;
  writeJson(LOG_KEY, []);
  logList.replaceChildren();
});

// ---------- settings ----------

function defaults(protocol: Protocol): Settings {
  // The demo shows who is signed in, and a sign-out, on every tab.
  const common = { mode: 'popup', fallback: 'redirect', 'response-mode': 'query', 'signed-in': 'account', session: 'auto', lang: '', timeout: '300' };
  if (protocol == 'oidc') {
    return {
      ...common,
      broker: config?.oidc.issuer ?? '',
      'client-id': config?.oidc.clientId ?? '',
      connections: config?.oidc.connections.map((c) => `${c.id}:${c.name}`).join(',') ?? '',
      scope: 'openid profile email',
    };
  }
  if (protocol == 'authjs') return { ...common, broker: config?.authjs.broker ?? '', 'client-id': '', connections: '', scope: '' };
  if (protocol == 'better-auth') {
    const connections = config?.betterAuth.connections.map((c) => `${c.id}:${c.name}`).join(',') ?? '';
    return { ...common, broker: config?.betterAuth.broker ?? '', 'client-id': '', connections, scope: '' };
  }
  return { ...common, broker: config?.authing?.host ?? '', 'client-id': config?.authing?.appId ?? '', connections: '', scope: '' };
}

/** The tab's settings; fields a saved state lacks (an older demo) come from the defaults. */
const settings = (protocol: Protocol): Settings => (state.tabs[protocol] = { ...defaults(protocol), ...state.tabs[protocol] });

/** Puts the current tab's settings on the element (and in the markup preview). */
function apply() {
  const s = settings(state.protocol);
  el.setAttribute('protocol', state.protocol);
  el.setAttribute('theme', state.theme);
  for (const name of ATTRS) {
    const value = s[name].trim();
    if (value) el.setAttribute(name, value);
    else el.removeAttribute(name);
  }
  const attrs = [...el.attributes].filter((a) => a.name != 'id').map((a) => `\n    ${a.name}="${a.value}"`);
  $('#markup').textContent = `<social-login${attrs.join('')}>\n</social-login>`;
  writeJson(STATE_KEY, state);
}

function fillForm() {
  const s = settings(state.protocol);
  for (const name of ATTRS) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = s[name];
  }
}

form.addEventListener('input', (e) => {
  const field = e.target as HTMLInputElement | HTMLSelectElement;
  if (!ATTRS.includes(field.name as Attr)) return;
  settings(state.protocol)[field.name as Attr] = field.value;
  apply();
});
form.addEventListener('submit', (e) => e.preventDefault());
$('#reset').addEventListener('click', () => {
  state.tabs[state.protocol] = defaults(state.protocol);
  fillForm();
  apply();
});

// ---------- tabs, descriptions, theme ----------

/** A paragraph from text parts; `{ sim }` parts are marked as simulated. */
function describe(target: Element, parts: Array<string | { sim: string } | { link: string; href: string }>) {
  target.replaceChildren(
    ...parts.map((p) => {
      if (typeof p == 'string') return document.createTextNode(p);
      if ('sim' in p) {
        const span = document.createElement('span');
        span.className = 'sim';
        span.textContent = p.sim;
        return span;
      }
      const a = document.createElement('a');
      a.href = p.href;
      a.textContent = p.link;
      return a;
    }),
  );
}

function renderTab() {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const selected = tab.dataset.protocol == state.protocol;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) $('#panel').setAttribute('aria-labelledby', tab.id);
  }
  const sim = config?.instagram.simulated ?? true;
  const ig = sim ? { sim: 'Instagram (simulated)' } : 'Instagram (real)';
  const chain = $('#chain');
  const hint = $('#hint');
  if (state.protocol == 'oidc') {
    describe(chain, ['Widget → dev broker (a real node-oidc-provider on your machine, with its hosted login page) → ', ig, '.']);
    describe(hint, [
      'Empty connections: one Sign in button, and the broker’s hosted login page lists its connections. ',
      '“Instagram (members only)” logs in only accounts the broker already has: ada.codes is one, new.visitor is refused.',
    ]);
  } else if (state.protocol == 'authjs') {
    describe(chain, ['Widget → Auth.js (@auth/express on this page’s origin, ', { link: '/api/auth/providers', href: '/api/auth/providers' }, ') → ', ig, '.']);
    describe(hint, ['client-id, scope and response-mode do not apply. Empty connections: the buttons come from GET {broker}/providers.']);
  } else if (state.protocol == 'better-auth') {
    describe(chain, ['Widget → Better Auth (better-auth with its generic-OAuth Instagram, on this page’s origin at /api/better-auth) → ', ig, '.']);
    describe(hint, [
      'client-id, scope and response-mode do not apply. Connections are required: Better Auth lists none; the ids are its providers. ',
      'Instagram gives no email: Better Auth stores a placeholder on .invalid, which the widget leaves out.',
    ]);
  } else {
    describe(chain, [
      'Widget → ',
      { sim: 'Authing (simulated)' },
      ': its app public config lists the connections; the popup opens the connection’s social login. A redirect goes to its hosted login page (standard OpenID Connect at /oidc), where you pick the connection.',
    ]);
    describe(hint, config && !config.authing
      ? [{ sim: 'The Authing simulator is not available yet' }, ' (test/upstream/authing-sim.mjs); the widget reports what is missing.']
      : ['Empty connections: from the application’s public config. mode=redirect (or a blocked popup) takes the whole page to Authing’s hosted login page.']);
  }
}

function selectTab(protocol: Protocol) {
  state.protocol = protocol;
  renderTab();
  fillForm();
  apply();
}
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
for (const tab of tabs) tab.addEventListener('click', () => selectTab(tab.dataset.protocol as Protocol));
$('[role="tablist"]').addEventListener('keydown', (e) => {
  const step = (e as KeyboardEvent).key == 'ArrowRight' ? 1 : (e as KeyboardEvent).key == 'ArrowLeft' ? -1 : 0;
  if (!step) return;
  const next = tabs[(PROTOCOLS.indexOf(state.protocol) + step + tabs.length) % tabs.length]!;
  selectTab(next.dataset.protocol as Protocol);
  next.focus();
});

const themeToggle = $<HTMLButtonElement>('#theme-toggle');
function renderTheme() {
  document.documentElement.dataset.theme = state.theme;
  themeToggle.setAttribute('aria-pressed', String(state.theme == 'dark'));
  themeToggle.textContent = state.theme == 'dark' ? 'Light theme' : 'Dark theme';
}
themeToggle.addEventListener('click', () => {
  state.theme = state.theme == 'dark' ? 'light' : 'dark';
  renderTheme();
  apply();
});

// What was saved applies at once (a redirect-mode return needs it before the config arrives)…
renderTheme();
renderTab();
if (state.tabs[state.protocol]) {
  fillForm();
  apply();
}

// …then the servers' configuration fills in the defaults.
try {
  config = (await (await fetch('/demo/config.json')).json()) as DemoConfig;
} catch (err) {
  log('demo', { message: `Could not load /demo/config.json (${String(err)}); start the demo with npm start.` });
}
renderTab();
fillForm();
apply();
const links = $('#links');
if (config) {
  describe(links, [
    'Dev broker: ',
    { link: config.oidc.issuer, href: `${config.oidc.issuer}/.well-known/openid-configuration` },
    ' · Instagram: ',
    config.instagram.simulated ? { link: `${config.instagram.origin} (simulated)`, href: config.instagram.origin } : { link: 'instagram.com (real)', href: config.instagram.origin },
    ...(config.authing ? [' · Authing: ', { link: `${config.authing.host} (simulated)`, href: config.authing.host }] : []),
  ]);
}
