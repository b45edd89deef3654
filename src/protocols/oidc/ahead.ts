/**
 * Popup requests made ahead of the click, at the first sign of intent: the click opens the popup
 * straight at the authorization URL, with no empty page to navigate from and nothing to await. Each
 * is taken once (its state, nonce and verifier never serve twice), and taking one prepares the next.
 */
import type { LoginConfig } from '../../core/config.js';
import type { Prepared } from '../../core/protocol.js';
import { POPUP_STATE_PREFIX } from '../../core/relay.js';
import type { AuthRequest } from '../../core/transaction.js';
import type { Connection } from '../../events.js';
import { authorizationUrl, discover, newAuthRequest, type BrokerMetadata } from './protocol.js';

/** A popup login's request: the broker's metadata, the secrets, and the authorization URL. @internal */
export interface PopupRequest extends Prepared {
  meta: BrokerMetadata;
  request: AuthRequest;
}

/** The prepared requests, one per configuration and connection (what the URL is made of). */
const ready = new Map<string, PopupRequest>();

const keyOf = (c: LoginConfig, connection: Connection) =>
  JSON.stringify([c.broker, c.clientId, c.redirectUri, c.scope, c.responseMode, c.connectionParam, c.lang, connection.id]);

/**
 * A new popup request for `connection`: discovery, a fresh state, nonce and verifier, and the URL.
 * @internal
 */
export async function popupRequest(config: LoginConfig, connection: Connection): Promise<PopupRequest> {
  const meta = await discover(config.broker);
  const request = newAuthRequest(POPUP_STATE_PREFIX);
  return { meta, request, url: await authorizationUrl(meta, config, request, connection) };
}

/** The requests being made, by the same key: a sign of intent while one is made waits for it rather than make another. */
const making = new Map<string, Promise<unknown>>();

/** Prepares a request for each of `config`'s connections (that has none ready or being made). @internal */
export const prepare = (config: LoginConfig, connections = config.connections): Promise<unknown> =>
  Promise.all(
    connections.map((c) => {
      const key = keyOf(config, c);
      if (ready.has(key)) return true;
      let made = making.get(key);
      if (!made) {
        made = popupRequest(config, c)
          .then((r) => ready.set(key, r))
          .finally(() => making.delete(key));
        making.set(key, made);
      }
      return made;
    }),
  );

/** Whether a request is ready for `connection` under `config` (what a test waits for after the intent). @internal */
export const isPrepared = (config: LoginConfig, connection: Connection): boolean => ready.has(keyOf(config, connection));

/** Takes the request prepared for `connection` under `config`, if one is, and prepares the next. @internal */
export function take(config: LoginConfig, connection: Connection): PopupRequest | undefined {
  const key = keyOf(config, connection);
  const request = ready.get(key);
  ready.delete(key);
  prepare(config, [connection]).catch(() => {});
  return request;
}
