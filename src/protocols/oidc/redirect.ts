/**
 * A redirect login over OpenID Connect: the whole page to the authorization endpoint (always
 * `response_mode=query`: there is no opener to post to) and, on the way back, the code redeemed.
 * For `oidc` against its `broker`, and for brokers whose redirect form is a standard issuer of theirs
 * (Authing's `{broker}/oidc`).
 */
import type { LoginConfig } from '../../core/config.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { REDIRECT_STATE_PREFIX } from '../../core/transaction.js';
import type { Connection } from '../../events.js';
import { orAbort } from '../../util/or-abort.js';
import { landRedirect } from '../shared/redirect-landing.js';
import { startRedirect } from '../shared/redirect-start.js';
import { completeLogin } from './complete.js';
import { authorizationUrl, discover, newAuthRequest } from './protocol.js';

/**
 * The redirect flows against the issuer `issuerOf(broker)`; `connectionParam`, when given, replaces
 * the element's (`''`: the broker takes no connection parameter).
 * @internal
 */
export const oidcRedirect = (issuerOf: (broker: string) => string, connectionParam?: string): Pick<ProtocolFlows, 'redirect' | 'land'> => ({
  async redirect(config: LoginConfig, connection: Connection, element: string, signal: AbortSignal): Promise<never> {
    const meta = await orAbort(discover(issuerOf(config.broker)), signal);
    const request = newAuthRequest(REDIRECT_STATE_PREFIX);
    const url = await authorizationUrl(meta, { ...config, responseMode: 'query', connectionParam: connectionParam ?? config.connectionParam }, request, connection);
    return startRedirect(config, connection, element, request, () => location.assign(url), signal);
  },
  // redirect-landing.ts has matched the response's state with the transaction (a sign-out's: done).
  land: (tx, params) =>
    landRedirect(tx, params, async (tx, params) => (tx.logout ? undefined : completeLogin(await discover(issuerOf(tx.broker)), tx, params, tx, tx.connection, 'redirect'))),
});
