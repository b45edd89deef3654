// @ts-check
/**
 * `node scripts/framework-types.mjs [--write]`: the framework examples' typings of `<social-login>`
 * (demo/frameworks/{react,vue,svelte}/social-login.d.ts), generated from the custom elements
 * manifest (dist/custom-elements.json, made by `npm run build`), so they can never fall behind the
 * element. Without `--write` it only checks, and exits 1 naming each stale file (`npm run examples`
 * runs the check first).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Paths from the repository's root, wherever this runs from.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const MANIFEST = 'dist/custom-elements.json';
if (!existsSync(MANIFEST)) {
  console.error(`framework-types: ${MANIFEST} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const element = manifest.modules.flatMap((/** @type {any} */ m) => m.declarations ?? []).find((/** @type {any} */ d) => d.tagName == 'social-login');
if (!element) throw new Error(`framework-types: ${MANIFEST} declares no <social-login>.`);

/** The element's configuration attributes (those with a property), and its events. */
const attributes = element.attributes
  .filter((/** @type {any} */ a) => a.fieldName && a.type?.text)
  .map((/** @type {any} */ a) => ({ name: a.name, field: a.fieldName, type: a.type.text.replace(/\s*\|\s*undefined$/, ''), doc: a.description }));
const events = element.events.map((/** @type {any} */ e) => ({ name: e.name, type: e.type.text }));

/** The package's named types the declarations mention, to import. */
const named = [...new Set([...attributes, ...events].flatMap((x) => x.type.match(/\b[A-Z]\w*/g) ?? []))].sort();
const importList = [...named, 'SocialLogin'].filter((n, i, all) => all.indexOf(n) == i).sort();
const header = (how) => `// Generated from dist/custom-elements.json by \`node scripts/framework-types.mjs --write\`: do not edit.
/**
 * ${how}
 */`;
const key = (name) => (/^[a-z]\w*$/.test(name) ? name : `'${name}'`);
const doc = (text) => (text ? `  /** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '');
const indent = (text, by) => text.replace(/^(?=.)/gm, ' '.repeat(by));
/** `name?: type;` per attribute, then `on<event>` per event (React 19 and Svelte 5 listen that way). */
const props = () =>
  [
    ...attributes.map((a) => `${doc(a.doc)}  ${key(a.name)}?: ${a.type};`),
    ...events.map((e) => `  ${key(`on${e.name}`)}?: (event: ${e.type}) => void;`),
  ].join('\n');
const imports = (names) => `import type {\n${names.map((n) => `  ${n},`).join('\n')}\n} from 'social-login';`;

const files = {
  'demo/frameworks/react/social-login.d.ts': `${header("JSX types for `<social-login>` in React 19: its attributes, and its events as the `on` + event-name\n * props React 19 turns into listeners. React's documented way: augment `JSX.IntrinsicElements` in\n * the `react` module.")}
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports(importList)}

interface SocialLoginProps extends DetailedHTMLProps<HTMLAttributes<SocialLogin>, SocialLogin> {
${props()}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'social-login': SocialLoginProps;
    }
  }
}
`,
  'demo/frameworks/vue/social-login.d.ts': `${header("Types `<social-login>` in Vue templates for vue-tsc, the way Vue's guide does it for custom\n * elements not built with Vue (\"Non-Vue Web Components and TypeScript\"): a GlobalComponents entry\n * whose `$props` are the element's properties and whose `$emit` lists its events.")}
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports([...events.map((e) => e.type), 'SocialLogin'].sort())}

type DefineCustomElement<Element extends HTMLElement, Events extends Record<string, Event>, Props extends keyof Element> = new () => Element & {
  /** @deprecated For template type checking only; not on the element. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
  /** @deprecated For template type checking only; not on the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'social-login': DefineCustomElement<
      SocialLogin,
      { ${events.map((e) => `${key(e.name)}: ${e.type}`).join('; ')} },
      ${attributes.map((a) => `'${a.field}'`).join(' | ')}
    >;
  }
}
`,
  'demo/frameworks/svelte/social-login.d.ts': `${header("Types `<social-login>` for svelte-check, the way Svelte's docs extend the DOM types: a\n * `SvelteHTMLElements` entry in `svelte/elements` with the element's attributes and its events as\n * `on` + event-name attributes.")}
import type { HTMLAttributes } from 'svelte/elements';
${imports(importList)}

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'social-login': HTMLAttributes<SocialLogin> & {
${indent(props(), 4)}
    };
  }
}

// A module, so that the block above augments svelte/elements instead of replacing it.
export {};
`,
};

const write = process.argv.includes('--write');
const stale = Object.entries(files).filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') != text);
if (write) for (const [file, text] of stale) writeFileSync(file, text);
if (!write && stale.length) {
  for (const [file] of stale) console.error(`framework-types: ${file} is stale: run \`node scripts/framework-types.mjs --write\``);
  process.exit(1);
}
console.log(`framework-types: ${write ? `wrote ${stale.length}` : 'checked'} of ${Object.keys(files).length} files (${attributes.length} attributes, ${events.length} events)`);
