/**
 * Authing's social-connection popup, as its own front end (Authing Guard, authing-js-sdk) speaks it:
 * - connections: `GET {host}/api/v2/applications/{appId}/public-config` → `{code: 200, data:
 *   {socialConnections: [{identifier, displayName, name, name_en, provider, …}]}}`;
 * - login: a popup on `{host}/connections/social/{identifier}?from_guard=1&app_id={appId}`;
 * - result: the popup posts `{code, message, data, event: {source: 'authing', eventType:
 *   'socialLogin'}}` to its opener; `code: 200` → `data` is the user (with `token`), otherwise
 *   `message` is a JSON string `{statusCode, apiCode, message}`.
 * Authing's protocol carries no state: the widget accepts the result only from Authing's origin and
 * from its own popup window (Guard and the SDK check neither). Pure protocol: no window here.
 */
import type { LoginConfig } from '../../core/config.js';
import { AccessDeniedError, BrokerError } from '../../errors.js';
import type { Connection, LoginDetail, LoginTokens, LoginUser } from '../../events.js';
import { isRecord } from '../../util/is-record.js';
import { trimSlash } from '../../util/url.js';
import { getJson, type Json } from '../shared/get-json.js';
const str = (v: unknown) => (typeof v == 'string' && v ? v : undefined);

/** Connections Guard never offers on a PC web page (mobile-only and mini-program ones). */
const NOT_ON_PC = /^(wechat:(mobile|miniprogram|webpage)|wechatwork:(addressbook|mobile)|apple$|yidun$)/;

/**
 * The application's social connections from its public config, labelled as Guard labels them:
 * `displayName`, else the name in the page's language (`name` for zh-CN, `name_en` otherwise), else
 * the provider.
 * @internal
 */
export async function authingConnections(config: Pick<LoginConfig, 'broker' | 'clientId' | 'lang'>): Promise<Connection[]> {
  // Authing's own clients (Guard, authing-js-sdk) tell its API the user's language in this header, with these values.
  const lang = config.lang == 'zh-CN' || config.lang == 'zh-TW' ? config.lang : config.lang == 'ja' ? 'ja-JP' : 'en-US';
  const { code, data, message } = await getJson(`${trimSlash(config.broker)}/api/v2/applications/${encodeURIComponent(config.clientId)}/public-config`, {
    headers: { 'x-authing-lang': lang },
  });
  if (code !== 200 || !isRecord(data)) throw new BrokerError(`authing_${code}`, str(message) ?? 'Authing sent no application config.');
  const list = Array.isArray(data.socialConnections) ? data.socialConnections : [];
  return list
    .filter((c): c is Json => isRecord(c) && !!str(c.identifier) && !NOT_ON_PC.test(String(c.provider)))
    .map((c) => ({
      id: c.identifier as string,
      name: str(c.displayName) ?? str(lang.startsWith('zh') ? c.name : c.name_en) ?? str(c.provider) ?? (c.identifier as string),
    }));
}

/** The popup URL of one social connection. @internal */
export function authingSocialUrl(config: Pick<LoginConfig, 'broker' | 'clientId'>, connection: Connection): string {
  const url = new URL(`${trimSlash(config.broker)}/connections/social/${encodeURIComponent(connection.id)}`);
  url.searchParams.set('from_guard', '1');
  url.searchParams.set('app_id', config.clientId);
  return url.href;
}

/** The message data when it has the shape of Authing's social-login result, else `undefined`. @internal */
export function authingResult(data: unknown): Json | undefined {
  return isRecord(data) && isRecord(data.event) && data.event.source == 'authing' && data.event.eventType == 'socialLogin' && typeof data.code == 'number'
    ? data
    : undefined;
}

/**
 * The login a result describes.
 * @throws {AccessDeniedError} for Authing's "user does not exist" (2004) and "registration
 *   disabled" (2031), which is how an identity with no account is refused in login-only mode
 * @throws {BrokerError} `interaction_required` when Authing asks for a further step (3xx: bind an
 *   account, MFA, complete the profile), which only its hosted login page can take; `authing_<code>`
 *   for any other error
 * @internal
 */
export function authingLogin(result: Json, connection: Connection): LoginDetail {
  const data = result.data;
  if (result.code != 200 || !isRecord(data) || !str(data.id)) {
    let detail: Json = {};
    try {
      detail = JSON.parse(String(result.message)) as Json;
    } catch {
      // Older pages send the message as plain text.
    }
    const apiCode = detail.apiCode ?? detail.code ?? result.code;
    const message = str(detail.message) ?? str(result.message);
    const status = Number(detail.statusCode);
    if (apiCode == 2004 || apiCode == 2031) throw new AccessDeniedError(message);
    throw new BrokerError(status >= 300 && status < 400 ? 'interaction_required' : `authing_${apiCode}`, message);
  }
  const user: LoginUser = { id: data.id as string };
  const name = str(data.name) ?? str(data.nickname) ?? str(data.username);
  if (name) user.name = name;
  if (str(data.email)) user.email = data.email as string;
  if (str(data.photo)) user.picture = data.photo as string;
  const { token, ...profile } = data;
  const detail: LoginDetail = { connection, mode: 'popup', protocol: 'authing', user, profile };
  if (str(token)) {
    const tokens: LoginTokens = { accessToken: token as string, idToken: token as string, tokenType: 'Bearer' };
    const expires = Date.parse(String(data.tokenExpiredAt));
    if (expires) tokens.expiresAt = Math.floor(expires / 1000);
    detail.tokens = tokens;
  }
  return detail;
}
