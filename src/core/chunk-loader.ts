/**
 * Loads what the page-view script leaves out, on demand, as ES-module chunks (bundlers split each
 * `import()` into a file of its own). The classic script swaps this module for
 * chunk-loader.classic.ts, which adds SRI-pinned sibling scripts instead.
 */
import type { Protocol } from '../events.js';
import type { ProtocolFlows } from './protocol.js';
import type { Explain, Strings } from './strings.js';

/** A protocol's flows: protocols/<name>/, with what it shares from protocols/shared/. @internal */
export const importProtocol = (protocol: Protocol): Promise<ProtocolFlows> =>
  (protocol == 'authjs'
    ? import('../protocols/authjs/index.js')
    : protocol == 'authing'
      ? import('../protocols/authing/index.js')
      : protocol == 'better-auth'
        ? import('../protocols/better-auth/index.js')
        : import('../protocols/oidc/index.js')
  ).then((m) => m.flows);

/** A built-in language's texts: src/locales/<tag>.ts. @internal */
export const importLocale = (tag: string): Promise<Strings> => import(`../locales/${tag}.ts`).then((m: { strings: Strings }) => m.strings);

/** What completes a failure's report (the English texts of failures; what a wrong attribute must be): src/diagnostics/. @internal */
export const importDiagnostics = (): Promise<Explain> => import('../diagnostics/index.js').then((m) => m.explain);

/** A built-in brand's icon: its own small chunk (and the shared SVG builder), so a page loads only the icons it shows. @internal */
export const importIcon = (brand: string): Promise<SVGSVGElement | undefined> =>
  import('../icons/lazy.js').then(({ LAZY }) =>
    LAZY[brand] ? Promise.all([import('../icons/svg.js'), LAZY[brand]()]).then(([m, icon]) => m.svgIcon(brand, icon.default)) : undefined,
  );
