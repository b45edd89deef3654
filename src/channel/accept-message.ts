/**
 * Which window messages may carry an attempt's authorization response, for the protocol code only
 * (the classic script's chunks carry it, not the core). Everything else is ignored without a word.
 */
import { isRecord } from '../util/is-record.js';
import { relayedParams, responseParams } from './message-guard.js';

/** What the attempt expects of a message. @internal */
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
