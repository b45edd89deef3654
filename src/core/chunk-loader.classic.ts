/**
 * The classic script's way to load a chunk (a protocol's flows, or the brand icons): a sibling
 * script, `social-login.<name>.min.js` next to `social-login.min.js`, added with its Subresource
 * Integrity hash (fixed at build time) and `crossorigin`. The chunk hands its exports to
 * {@link chunkLoaded}. Under Trusted Types the script URL goes through a policy named `social-login`.
 */
import { SocialLoginError } from '../errors.js';
import type { Protocol } from '../events.js';
import { fromDocument } from '../util/dom.js';
import { retryCache } from '../util/retry-cache.js';
import type { ProtocolFlows } from './protocol.js';
import type { Strings } from './strings.js';

/** A protocol, the brand icons, or a built-in language (see `PACKS`). */
type Chunk = Protocol | 'icons' | string;

/** Each chunk's `sha256-…` integrity, written in by the build. */
declare const __CHUNK_INTEGRITY__: Record<Chunk, string>;
// Once: the build writes the object in wherever the name stands.
const INTEGRITY = __CHUNK_INTEGRITY__;

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

/** Each chunk once per page (a failed one is tried again). */
const importChunk = retryCache(
  (name: Chunk): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!base) throw new SocialLoginError('invalid_config', 'Load social-login.min.js with <script src>, beside its chunks.');
      const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes;
      // The policy approves the chunks' own URLs and nothing else.
      const rules: ScriptUrlPolicy = {
        createScriptURL: (url) => {
          if (!Object.keys(INTEGRITY).some((c) => chunkUrl(c as Chunk) == url)) throw new TypeError(`social-login: ${url} is not one of its chunks.`);
          return url;
        },
      };
      policy ??= tt?.createPolicy('social-login', rules) ?? rules;
      const script = fromDocument('createElement')('script');
      const url = chunkUrl(name);
      script.src = policy.createScriptURL(url);
      script.integrity = INTEGRITY[name]!;
      script.crossOrigin = 'anonymous';
      // A failure names the file: a page that self-hosts only social-login.min.js learns what is missing.
      script.onload = script.onerror = () => (loaded[name] ? resolve(loaded[name]) : reject(new Error(`${url} did not load; serve the files of dist/ together.`)));
      fromDocument('head').append(script);
    }),
);

/** @internal */
export const importProtocol = (protocol: Protocol): Promise<ProtocolFlows> => (importChunk(protocol) as Promise<{ flows: ProtocolFlows }>).then((m) => m.flows);

/** A built-in language's texts. @internal */
export const importLocale = (tag: string): Promise<Strings> => (importChunk(tag) as Promise<{ strings: Strings }>).then((m) => m.strings);

/** A built-in brand's icon, from the icons chunk (all brands in one file, one integrity hash). @internal */
export const importIcon = (brand: string): Promise<SVGSVGElement | undefined> =>
  (importChunk('icons') as Promise<{ brandIcon(brand: string): SVGSVGElement | undefined }>).then((m) => m.brandIcon(brand));
