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

/** A built-in brand's icon: its own small chunk (and the shared SVG builder), so a page loads only the icons it shows. @internal */
export const loadIcon = (brand: string): Promise<SVGSVGElement | undefined> =>
  import('../icons/lazy.js').then(({ LAZY }) =>
    LAZY[brand] ? Promise.all([import('../icons/svg.js'), LAZY[brand]()]).then(([m, icon]) => m.svgIcon(brand, icon.default)) : undefined,
  );
