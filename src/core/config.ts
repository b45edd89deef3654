/**
 * The element's attributes, validated against the page: pure, so it runs anywhere and is tested alone.
 * An error names the attribute and the value; what the attribute must be is added when the error is
 * reported (src/diagnostics/, loaded only then), so page views do not carry the explanations.
 */
import { ConfigError } from '../errors.js';
import type { Connection, LoginMode, Protocol } from '../events.js';
import { parseUrl } from '../util/url.js';

/** How the broker returns the authorization response to the page. */
export type ResponseMode = 'query' | 'web_message';

/** The element's attributes, validated and normalised (the URLs and names only a login uses are checked by the protocol's code: protocols/shared/check-config.ts). */
export interface LoginConfig {
  protocol: Protocol;
  /** The issuer as written in `broker`. */
  broker: string;
  clientId: string;
  connections: Connection[];
  connectionParam: string;
  redirectUri: string;
  scope: string;
  responseMode: ResponseMode;
  mode: LoginMode;
  fallback: 'redirect' | 'none';
  /** What to do in an in-app browser: log in by `redirect` (the default) or keep the `popup`. */
  inApp: 'redirect' | 'popup';
  /** Whether to read the broker's cookie session on load (`session` attribute). */
  sessionMode: 'auto' | 'off';
  /** What a signed-in element shows: the login `buttons`, or the `account`. */
  signedIn: 'buttons' | 'account';
  timeoutMs: number;
  /** The element's language, as its texts resolved it (`en` by default): for the broker's pages (`ui_locales`). */
  lang: string;
}

/** The element's attributes as set by the host page, before validation. */
export interface RawConfig {
  protocol?: string;
  broker?: string;
  clientId?: string;
  connections?: string | Connection[];
  connectionParam?: string;
  redirectUri?: string;
  scope?: string;
  responseMode?: string;
  mode?: string;
  fallback?: string;
  inApp?: string;
  sessionMode?: string;
  signedIn?: string;
  timeout?: number | string;
}

/**
 * In-app browsers, by their user agent: Instagram, Facebook (`FBAN`, `FBAV`, `FB_IAB`; Messenger
 * too), WeChat (`MicroMessenger`), LINE, TikTok (`musical_ly`, `Bytedance`), Snapchat, and Android
 * WebViews (`; wv)`). Their popups open as tabs the user cannot come back from, or lose
 * `window.opener`, and Google refuses OAuth in them.
 * @internal
 */
export const IN_APP = /Instagram|FBA[NV]|FB_IAB|MicroMessenger|\bLine\/|musical_ly|Bytedance|TikTok|Snapchat|; wv\)/;

/** The message of an error about a required attribute that is not set (yet: see element/login.ts `check`). @internal */
export const MISSING = 'missing.';

/**
 * The attributes that take one of a few words: each one's property, its attribute, and its words (the
 * first is the default, which the element's property reads until it is set).
 * @internal
 */
export const CHOICES = [
  ['protocol', 'protocol', 'oidc authjs authing better-auth'],
  ['mode', 'mode', 'popup redirect'],
  ['inApp', 'in-app', 'redirect popup'],
  ['responseMode', 'response-mode', 'query web_message'],
  ['fallback', 'fallback', 'redirect none'],
  ['sessionMode', 'session', 'auto off'],
  ['signedIn', 'signed-in', 'buttons account'],
] as const;

/** The other attributes' defaults, which the element's properties read until they are set. @internal */
export const DEFAULTS = { connectionParam: 'connection', scope: 'openid profile', timeout: 300 };

/** Each of {@link CHOICES}' properties, with its word (its first when empty). */
type Choices = { [C in (typeof CHOICES)[number] as C[0]]: C[2] extends `${infer W}` ? Split<W> : never };
type Split<S extends string> = S extends `${infer A} ${infer B}` ? A | Split<B> : S;

/**
 * Parses the `connections` attribute: `id:Display Name,id2:Other Name`.
 *
 * @throws {ConfigError} on an empty entry, a missing id or name, or a repeated id.
 */
export function parseConnections(value: string): Connection[] {
  return checkConnections(
    value.split(',').map((entry) => {
      const i = entry.indexOf(':');
      return i < 0 ? { id: entry.trim(), name: '' } : { id: entry.slice(0, i).trim(), name: entry.slice(i + 1).trim() };
    }),
  );
}

function checkConnections(list: Connection[]): Connection[] {
  const seen = new Set<string>();
  for (const c of list) {
    // Ids become a path segment at some brokers (Auth.js, Authing): never a relative one.
    if (!c || typeof c.id != 'string' || !c.id || c.id == '.' || c.id == '..' || typeof c.name != 'string' || !c.name) {
      throw new ConfigError('connections', `entry ${JSON.stringify(c)}.`);
    }
    if (seen.has(c.id)) throw new ConfigError('connections', `"${c.id}" twice.`);
    seen.add(c.id);
  }
  return list.map(({ id, name }) => ({ id, name }));
}

/**
 * The connections from the attribute string or the property array; without any, one connection with
 * an empty id (a plain "Sign in" button, the user picks on the broker's page).
 *
 * @throws {ConfigError} on bad syntax
 */
export function readConnections(list: RawConfig['connections']): Connection[] {
  if (typeof list == 'string') return list.trim() ? parseConnections(list) : [{ id: '', name: '' }];
  return list?.length ? checkConnections(list) : [{ id: '', name: '' }];
}

/**
 * Validates the element's attributes against the page they run on. What only a login needs checked
 * (the broker's and the redirect URI's URLs, `connection-param`, `scope`) the protocol's code checks
 * (protocols/shared/check-config.ts): page views that never log in do not carry it.
 *
 * @param page the page's URL (`location.href`), for the default `redirect-uri`
 * @param userAgent the browser's (`navigator.userAgent`): in an in-app browser, `mode="popup"` becomes
 *   a redirect (unless `in-app="popup"`)
 * @param lang the language the element's texts are in (its broker's pages are asked for the same)
 * @throws {ConfigError} naming the first attribute at fault
 */
export function readConfig(raw: RawConfig, page: string, userAgent = '', lang = 'en'): LoginConfig {
  const chosen = {} as Choices;
  for (const [property, attribute, words] of CHOICES) {
    const value = raw[property];
    const allowed = words.split(' ');
    if (value && !allowed.includes(value)) throw new ConfigError(attribute, `"${value}" is not one of ${allowed.join(', ')}.`);
    (chosen as Record<string, string>)[property] = value || allowed[0]!;
  }
  const { protocol } = chosen;
  const broker = (raw.broker ?? '').trim();
  if (!broker) throw new ConfigError('broker', MISSING);
  // Auth.js and Better Auth know their own client; OIDC and Authing (the app id) need one.
  const clientId = (raw.clientId ?? '').trim();
  if (!clientId && (protocol == 'oidc' || protocol == 'authing')) throw new ConfigError('client-id', MISSING);

  const connections = readConnections(raw.connections);
  // Better Auth publishes no list of the providers an app configured.
  if (protocol == 'better-auth' && !connections[0]!.id) throw new ConfigError('connections', MISSING);

  const here = new URL(page);
  const redirectUri = raw.redirectUri?.trim() || here.origin + here.pathname;

  const timeout = raw.timeout == null || raw.timeout === '' ? DEFAULTS.timeout : Number(raw.timeout);
  if (!(timeout > 0) || timeout > 86_400) throw new ConfigError('timeout', `"${raw.timeout}".`);

  return {
    ...chosen,
    // In an in-app browser, a popup login becomes a redirect (unless in-app="popup").
    mode: chosen.inApp == 'redirect' && IN_APP.test(userAgent) ? 'redirect' : chosen.mode,
    broker,
    clientId,
    connections,
    connectionParam: (raw.connectionParam ?? DEFAULTS.connectionParam).trim(),
    redirectUri: parseUrl(redirectUri, page)?.href ?? redirectUri,
    scope: (raw.scope ?? '').trim() || DEFAULTS.scope,
    timeoutMs: timeout * 1000,
    lang,
  };
}
