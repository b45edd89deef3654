import type { Protocol } from '../events.js';
import type { ProtocolFlows } from './protocols.js';

/**
 * Imports a protocol's flows as a separate chunk (the ES module build; bundlers split it out).
 * The classic script swaps this module for load-flows.classic.ts.
 * @internal
 */
export const importFlows = (protocol: Protocol): Promise<ProtocolFlows> =>
  (protocol == 'authjs' ? import('./authjs-login.js') : protocol == 'authing' ? import('./authing-login.js') : import('./oidc-login.js')).then(
    (m) => m.flows,
  );

/** Imports the brand icons as a separate chunk (see icons/brands.ts). @internal */
export const importIcons = (): Promise<typeof import('../icons/brands.js')> => import('../icons/brands.js');
