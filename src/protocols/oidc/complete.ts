/** The common end of an OIDC login in both modes: the code redeemed, the user described. */
import type { LoginConfig } from '../../core/config.js';
import type { AuthRequest } from '../../core/transaction.js';
import type { Connection, LoginDetail, LoginMode, LoginUser } from '../../events.js';
import { authorizationCode, redeemCode, type BrokerMetadata } from './protocol.js';

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
 * The common end of both modes: checks the authorization response of `request`, redeems its code,
 * and describes the login.
 * @internal
 */
export async function completeLogin(
  meta: BrokerMetadata,
  config: Pick<LoginConfig, 'protocol' | 'clientId' | 'redirectUri'>,
  params: Record<string, string>,
  request: AuthRequest,
  connection: Connection,
  mode: LoginMode,
  signal?: AbortSignal,
): Promise<LoginDetail> {
  const { tokens, profile } = await redeemCode(meta, config, authorizationCode(params, meta), request, signal);
  return { connection, mode, protocol: config.protocol, user: userFromClaims(profile), tokens, profile };
}
