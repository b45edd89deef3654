/**
 * A protocol's code, loaded when an element needs it — at the first sign of intent, or at once when
 * the broker lists the connections — so a page pays for the protocol it uses, and only once a login
 * is likely.
 */
import { NetworkError, SocialLoginError } from '../errors.js';
import type { Protocol } from '../events.js';
import { retryCache } from '../util/retry-cache.js';
import { importProtocol } from './chunk-loader.js';
import type { ProtocolFlows } from './protocol.js';

/** The protocols whose code is in: what a click must do at once (open the popup at a prepared request) needs it in hand. @internal */
export const loaded: { [P in Protocol]?: ProtocolFlows } = {};

/**
 * The protocol's flows, loaded once per page; a failed load is forgotten so the next call retries.
 * @throws {NetworkError} naming what could not be loaded
 * @internal
 */
export const loadProtocol: (protocol: Protocol) => Promise<ProtocolFlows> = retryCache((protocol) =>
  importProtocol(protocol).then(
    (flows) => (loaded[protocol] = flows),
    (err: unknown) => {
      throw err instanceof SocialLoginError ? err : new NetworkError(String((err as Error)?.message ?? err), undefined, err);
    },
  ),
);
