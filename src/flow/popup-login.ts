import { authorizationCode, authorizationUrl, discover, newAuthRequest, redeemCode } from '../brokers/oidc.js';
import type { PopupWindow } from '../channel/popup-window.js';
import { POPUP_STATE_PREFIX } from '../channel/relay.js';
import type { LoginConfig } from '../element/config.js';
import type { Connection, LoginDetail, LoginUser } from '../events.js';

/** `promise`, or `signal.reason` as soon as the signal aborts. */
const orAbort = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/**
 * The user as the contract shows it: `id` is `sub`; `name`, `email`, `picture` only when the broker
 * sent them as strings (`name` falls back to `preferred_username`, then `nickname`).
 * @internal
 */
export function userFromClaims(claims: Record<string, unknown>): LoginUser {
  const user: LoginUser = { id: String(claims.sub) };
  const name = claims.name ?? claims.preferred_username ?? claims.nickname;
  if (typeof name == 'string') user.name = name;
  if (typeof claims.email == 'string') user.email = claims.email;
  if (typeof claims.picture == 'string') user.picture = claims.picture;
  return user;
}

/**
 * One OpenID Connect login in an already-open popup: discover, send the popup to the broker with a
 * fresh state/nonce/PKCE verifier, await the response, redeem the code, and describe the login.
 * The secrets live only in this call's memory.
 * @internal
 */
export async function popupLogin(
  config: LoginConfig,
  connection: Connection,
  popup: PopupWindow,
  signal: AbortSignal,
): Promise<LoginDetail> {
  const meta = await orAbort(discover(config.broker), signal);
  const request = newAuthRequest(POPUP_STATE_PREFIX);
  popup.navigate(await authorizationUrl(meta, config, request, connection));
  const brokerOrigin = config.responseMode == 'web_message' ? new URL(meta.authorization_endpoint).origin : undefined;
  const params = await popup.response(request.state, brokerOrigin, signal);
  const { tokens, profile } = await redeemCode(meta, config, authorizationCode(params, meta), request, signal);
  return { connection, mode: 'popup', protocol: config.protocol, user: userFromClaims(profile), tokens, profile };
}
