/**
 * Which incoming messages may carry this attempt's authorization response. Everything else is
 * noise and is ignored without a word.
 */

import { isRecord } from '../util/is-record.js';

/** `type` of the message the landing page relays to the opener. @internal */
export const RELAY_TYPE = 'social-login:relay';

/** The BroadcastChannel a popup landing page relays on, named per attempt by its state. @internal */
export const channelName = (state: string): string => `social-login:${state}`;

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
