/**
 * The classic script's way to load a chunk (a protocol's flows, or the brand icons): a sibling
 * script, `social-login.<name>.min.js` next to `social-login.min.js`, added with its Subresource
 * Integrity hash (fixed at build time) and `crossorigin`. The chunk hands its exports to
 * {@link chunkLoaded}. Under Trusted Types the script URL goes through a policy named `social-login`.
 */
import { SocialLoginError } from '../errors.js';
import type { Protocol } from '../events.js';
import type * as Icons from '../icons/brands.js';
import type { ProtocolFlows } from './protocols.js';

type Chunk = Protocol | 'icons';

/** Each chunk's `sha384-…` integrity, written in by the build. */
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

const importChunk = <T>(name: Chunk): Promise<T> =>
  new Promise((resolve, reject) => {
    if (!base) throw new SocialLoginError('invalid_config', 'Load social-login.min.js with <script src>, beside its chunks.');
    const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes;
    // Only URLs of our own chunks, built just below, ever pass through the policy.
    policy ??= tt?.createPolicy('social-login', { createScriptURL: (url) => url }) ?? { createScriptURL: (url) => url };
    const script = document.createElement('script');
    script.src = policy.createScriptURL(new URL(`social-login.${name}.min.js`, base).href);
    script.integrity = __CHUNK_INTEGRITY__[name];
    script.crossOrigin = 'anonymous';
    script.onload = () => (loaded[name] ? resolve(loaded[name] as T) : reject(new Error(`${script.src} did not register.`)));
    script.onerror = reject;
    document.head.append(script);
  });

/** @internal */
export const importFlows = (protocol: Protocol): Promise<ProtocolFlows> => importChunk(protocol);

let icons: Promise<typeof Icons> | undefined;

/** A built-in brand's icon, from the icons chunk (all brands in one file, one integrity hash). @internal */
export const loadIcon = (brand: string): Promise<SVGSVGElement | undefined> => (icons ??= importChunk('icons')).then((m) => m.brandIcon(brand));

