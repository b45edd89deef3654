import { readConnections } from '../core/config.js';
import { listsConnections } from '../core/protocol.js';
import type { Connection, Protocol } from '../events.js';

/** Whether the page lists connections itself. @internal */
export const hasList = (connections: string | Connection[] | undefined): boolean =>
  !!(typeof connections == 'string' ? connections.trim() : connections?.length);

/**
 * The buttons' connections: the page's own (none while the attribute is wrong: reported elsewhere),
 * else, for a protocol that can list them, the broker's once read (`listed`, by the session keeper).
 * @internal
 */
export function shown(connections: string | Connection[] | undefined, protocol: Protocol, listed: Connection[] | undefined): Connection[] {
  if (!hasList(connections) && listsConnections(protocol)) return listed ?? [];
  try {
    return readConnections(connections);
  } catch {
    return [];
  }
}
