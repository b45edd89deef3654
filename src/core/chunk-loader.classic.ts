/**
 * The classic script's way to load a chunk (a protocol's flows, the brand icons, a language): a
 * sibling script, `social-login.<name>.min.js` next to `social-login.min.js`, added with its
 * Subresource Integrity hash and `crossorigin`. The chunk hands its one export to {@link chunkLoaded}.
 * The hashes are a chain: the core pins one file, the manifest (`social-login.chunks.min.js`), which
 * pins every other chunk, so the core carries one hash however many chunks there are (each costs a
 * page view some 50 B of incompressible digest); the manifest loads with the first chunk a page needs.
 * Under Trusted Types the script URL goes through a policy named `social-login`.
 */
import { SocialLoginError } from '../errors.js';
import type { Protocol } from '../events.js';
import { fromDocument } from '../util/dom.js';
import { retryCache } from '../util/retry-cache.js';
import type { ProtocolFlows } from './protocol.js';
import type { Explain, Strings } from './strings.js';

/** A protocol, the brand icons, a built-in language (see `PACKS`), or the manifest (`chunks`). */
type Chunk = Protocol | 'icons' | string;

/** The manifest's `sha256-…` integrity, written in by the build. */
declare const __CHUNK_MANIFEST__: string;
/** What the manifest holds: each other chunk's integrity. */
type Manifest = Record<Chunk, string>;

/**
 * Where this script came from (the chunks sit beside it). Read off Document's prototype and taken
 * only from a real `<script>`: markup such as `<img name="currentScript" src="//evil/x">` would
 * otherwise point the chunks at another origin.
 */
const current = fromDocument('currentScript');
const base = current instanceof HTMLScriptElement ? current.src : undefined;
/** The only URLs the widget ever adds as scripts: its chunks, beside it. */
const chunkUrl = (name: Chunk) => new URL(`social-login.${name}.min.js`, base).href;
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

/** Each chunk once per page (a failed one is tried again): its integrity from the manifest, then the script. */
const importChunk: (name: Chunk) => Promise<unknown> = retryCache((name: Chunk) =>
  (name == 'chunks' ? Promise.resolve(__CHUNK_MANIFEST__) : (importChunk('chunks') as Promise<Manifest>).then((m) => m[name]!)).then(
    (integrity) =>
      new Promise((resolve, reject) => {
        if (!base) throw new SocialLoginError('invalid_config', 'Load social-login.min.js with <script src>, beside its chunks.');
        const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes;
        // The policy approves the chunks' own URLs (the manifest's, and those it pins) and nothing else.
        const rules: ScriptUrlPolicy = {
          createScriptURL: (url) => {
            if (![...Object.keys((loaded.chunks as Manifest | undefined) ?? {}), 'chunks'].some((c) => chunkUrl(c) == url)) throw new TypeError(`social-login: ${url} is not one of its chunks.`);
            return url;
          },
        };
        policy ??= tt?.createPolicy('social-login', rules) ?? rules;
        const script = fromDocument('createElement')('script');
        const url = chunkUrl(name);
        script.src = policy.createScriptURL(url);
        script.integrity = integrity;
        script.crossOrigin = 'anonymous';
        // A failure names the file: a page that self-hosts only social-login.min.js learns what is missing.
        // A load that hangs fails after 30 s (a login waiting for it then ends, rather than never).
        const settle = () => (loaded[name] ? resolve(loaded[name]) : reject(new Error(`${url} did not load; serve the files of dist/ together.`)));
        script.onload = script.onerror = settle;
        setTimeout(settle, 30_000);
        fromDocument('head').append(script);
      }),
  ),
);

/** A protocol's flows (each chunk hands the core its one export as it is). @internal */
export const importProtocol = importChunk as (protocol: Protocol) => Promise<ProtocolFlows>;

/** A built-in language's texts. @internal */
export const importLocale = importChunk as (tag: string) => Promise<Strings>;

/** What completes a failure's report (the English texts of failures; what a wrong attribute must be). @internal */
export const importDiagnostics = (): Promise<Explain> => importChunk('diagnostics') as Promise<Explain>;

/** A built-in brand's icon, from the icons chunk (all brands in one file, one integrity hash). @internal */
export const importIcon = (brand: string): Promise<SVGSVGElement | undefined> =>
  (importChunk('icons') as Promise<(brand: string) => SVGSVGElement | undefined>).then((brandIcon) => brandIcon(brand));
