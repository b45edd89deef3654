/**
 * Which window and channel messages may carry an attempt's authorization response. Everything else
 * is noise and is ignored without a word.
 */
import { RELAY_TYPE } from '../../core/relay.js';
import { isRecord } from '../../util/is-record.js';

const MAX_PARAMS = 16;
const MAX_LENGTH = 8192;

/** The response parameters when they are a small record of strings whose state is ours. @internal */
export function responseParams(value: unknown, state: string): Record<string, string> | undefined {
  if (!isRecord(value)) return;
  const entries = Object.entries(value);
  if (entries.length > MAX_PARAMS) return;
  for (const [, v] of entries) if (typeof v != 'string' || v.length > MAX_LENGTH) return;
  const params = Object.fromEntries(entries) as Record<string, string>;
  return params.state === state ? params : undefined;
}

/**
 * The authorization response in a relayed message (`{type: RELAY_TYPE, params}`), when its state is
 * ours. For BroadcastChannel messages, which are same-origin by construction.
 * @internal
 */
export const relayedParams = (data: unknown, state: string): Record<string, string> | undefined =>
  isRecord(data) && data.type == RELAY_TYPE ? responseParams(data.params, state) : undefined;

/** What the attempt expects of a window message. @internal */
export interface Expectation {
  /** Our popup's window: `event.source` must be this very object. */
  source: unknown;
  /** The attempt's state. */
  state: string;
  /** The page's own origin: where the relay comes from. */
  relayOrigin: string;
  /** The broker's origin, when the attempt asked for `response_mode=web_message`. */
  brokerOrigin?: string;
}

/**
 * The authorization response in a window `message` event, accepted only when it comes from our
 * popup (`source`), from the expected origin for its shape, and carries our state:
 * - the relay from our own origin: `{type: 'social-login:relay', params}`;
 * - a `web_message` response from the broker's origin: `{type: 'authorization_response', response}`.
 * @internal
 */
export function acceptMessage(
  event: Pick<MessageEvent, 'origin' | 'source' | 'data'>,
  x: Expectation,
): Record<string, string> | undefined {
  if (!event.source || event.source !== x.source) return;
  const data: unknown = event.data;
  // The two origins may be one (a broker on the page's own origin): each shape is tried on its own.
  return (
    (event.origin == x.relayOrigin ? relayedParams(data, x.state) : undefined) ??
    (event.origin == x.brokerOrigin && isRecord(data) && data.type == 'authorization_response'
      ? responseParams(data.response, x.state)
      : undefined)
  );
}
