/**
 * The classic script's way to load a chunk (a protocol's flows, or the brand icons): a sibling
 * script, `social-login.<name>.min.js` next to `social-login.min.js`, added with its Subresource
 * Integrity hash (fixed at build time) and `crossorigin`. The chunk hands its exports to
 * {@link chunkLoaded}. Under Trusted Types the script URL goes through a policy named `social-login`.
 */
import { SocialLoginError } from '../errors.js';
import type { Protocol } from '../events.js';
import { retryCache } from '../util/retry-cache.js';
import type { ProtocolFlows } from './protocol.js';

type Chunk = Protocol | 'icons';

/** Each chunk's `sha256-…` integrity, written in by the build. */
declare const __CHUNK_INTEGRITY__: Record<Chunk, string>;

/** Where this script came from: the chunks sit beside it. */
const base = (document.currentScript as HTMLScriptElement | null)?.src;
const loaded: Partial<Record<Chunk, unknown>> = {};
/** The part of the Trusted Types API used here (not in TypeScript's DOM library yet). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}
let policy: ScriptUrlPolicy | undefined;

/** Called by a chunk as it runs. @internal */
export const chunkLoaded = (name: Chunk, exports: unknown): void => {
  loaded[name] = exports;
};

/** Each chunk once per page (a failed one is tried again). */
const importChunk = retryCache(
  (name: Chunk): Promise<unknown> =>
  new Promise((resolve, reject) => {
    if (!base) throw new SocialLoginError('invalid_config', 'Load social-login.min.js with <script src>, beside its chunks.');
    const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes;
    // Only URLs of our own chunks, built just below, ever pass through the policy.
    policy ??= tt?.createPolicy('social-login', { createScriptURL: (url) => url }) ?? { createScriptURL: (url) => url };
    const script = document.createElement('script');
    const url = new URL(`social-login.${name}.min.js`, base).href;
    script.src = policy.createScriptURL(url);
    script.integrity = __CHUNK_INTEGRITY__[name];
    script.crossOrigin = 'anonymous';
    // A failure names the file: a page that self-hosts only social-login.min.js learns what is missing.
    script.onload = script.onerror = () => (loaded[name] ? resolve(loaded[name]) : reject(new Error(`${url} did not load; serve the files of dist/ together.`)));
    document.head.append(script);
  }),
);

/** @internal */
export const importProtocol = (protocol: Protocol): Promise<ProtocolFlows> => (importChunk(protocol) as Promise<{ flows: ProtocolFlows }>).then((m) => m.flows);

/** A built-in brand's icon, from the icons chunk (all brands in one file, one integrity hash). @internal */
export const importIcon = (brand: string): Promise<SVGSVGElement | undefined> =>
  (importChunk('icons') as Promise<{ brandIcon(brand: string): SVGSVGElement | undefined }>).then((m) => m.brandIcon(brand));
