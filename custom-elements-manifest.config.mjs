// Custom Elements Manifest (`npm run analyze`, the last step of `npm run build`): analyses the
// TypeScript sources and writes dist/custom-elements.json, which ships with the package
// (package.json "customElements", and the "./custom-elements.json" export).
//
// On top of the analyzer's Lit support (the element is a ReactiveElement with `static properties`),
// the plugins below make the manifest describe the published package, and only its public API:
// - internal members are left out: `#private`, `private`/`protected`, `_`-prefixed, `@internal` /
//   `@ignore`, and `state: true` properties (which the Lit plugin would list as attributes);
// - events: the class JSDoc's `@fires`/`@event` merged with what the element dispatches, named by
//   their class's `static eventName` (the analyzer names `dispatchEvent(new LoginEvent(detail))`
//   "detail"), typed also from `@event name - {Type} text`;
// - a field whose "default" is a constructor parameter (`this.detail = detail`) gets none;
// - a CSS custom property without a JSDoc default gets its var() fallback from the styles;
// - module paths are the built files consumers import (the schema's `path` is "the JavaScript file
//   to import", not a .ts source): everything the `social-login` entry exports is declared in
//   dist/social-login.js, the `<social-login>` definition is in dist/define.js, and the internal
//   modules are dropped.
// Problems (an undocumented attribute, event, part, a CSS custom property or slot the sources use
// but the JSDoc does not name…) are printed as warnings here; `npm run check:package` fails on them.
import { cssDefaults, isPublicMember, lintManifest, lintSources } from './scripts/cem-lint.mjs';

/** Source entry → the built file of the package entry (vite.config.ts `lib.entry`, package.json `exports`). */
const ENTRIES = {
  'src/index.ts': 'dist/social-login.js',
  'src/define.ts': 'dist/define.js',
};

export default {
  globs: ['src/**/*.ts'],
  // Tests; the classic script's entry (script-tag.ts) exports nothing.
  exclude: ['src/**/*.test.ts', 'src/script-tag.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json "customElements" is written by hand (the analyzer would reformat the file).
  packagejson: false,
  plugins: [internalMembersPlugin(), eventsPlugin(), publicEntriesPlugin(ENTRIES), sourcesPlugin()],
};

/** Classes' hidden names and constructor parameters, by "module path#class name", from the AST. */
const classFacts = new Map();
const factsOf = (path, name) => {
  const key = `${path}#${name}`;
  if (!classFacts.has(key)) classFacts.set(key, { hidden: new Set(), params: new Set(), dispatched: [] });
  return classFacts.get(key);
};

const hasTag = (ts, node, ...names) => ts.getJSDocTags(node).some((t) => names.includes(t.tagName.text));
const propertyName = (member) => member.name?.text ?? member.name?.getText?.();

/** Leaves out what is not public API; records constructor parameters and dispatched events. */
function internalMembersPlugin() {
  return {
    name: 'social-login: internal members',
    initialize() {
      classFacts.clear();
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const facts = factsOf(moduleDoc.path, node.name.text);
      for (const member of node.members) {
        if (ts.isConstructorDeclaration(member)) member.parameters.forEach((p) => ts.isIdentifier(p.name) && facts.params.add(p.name.text));
        const name = propertyName(member);
        if (!name) continue;
        if (hasTag(ts, member, 'internal', 'ignore')) facts.hidden.add(name);
        // static properties = { name: { state: true } } (or `@internal` on the entry): not an attribute, not API.
        const isStatic = member.modifiers?.some((m) => m.kind == ts.SyntaxKind.StaticKeyword);
        if (isStatic && name == 'properties') {
          let object = ts.isGetAccessor(member) ? member.body?.statements.find(ts.isReturnStatement)?.expression : member.initializer;
          while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression?.(object) || ts.isParenthesizedExpression(object))) object = object.expression;
          for (const entry of object && ts.isObjectLiteralExpression(object) ? object.properties : []) {
            if (!ts.isPropertyAssignment(entry)) continue;
            const options = entry.initializer;
            const state =
              ts.isObjectLiteralExpression(options) &&
              options.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p) == 'state' && p.initializer.kind == ts.SyntaxKind.TrueKeyword);
            if (state || hasTag(ts, entry, 'internal', 'ignore')) facts.hidden.add(propertyName(entry));
          }
        }
      }
      // this.dispatchEvent(new SomeEvent(...)) anywhere in the class (methods, arrow-function fields).
      const visit = (n) => {
        if (
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          n.expression.name.text == 'dispatchEvent' &&
          n.expression.expression.kind == ts.SyntaxKind.ThisKeyword &&
          n.arguments[0] &&
          ts.isNewExpression(n.arguments[0]) &&
          ts.isIdentifier(n.arguments[0].expression)
        ) {
          const [first] = n.arguments[0].arguments ?? [];
          facts.dispatched.push({ type: n.arguments[0].expression.text, name: first && ts.isStringLiteralLike(first) ? first.text : undefined });
        }
        ts.forEachChild(n, visit);
      };
      node.members.forEach(visit);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const klass of (mod.declarations ?? []).filter((d) => d.kind == 'class' || d.kind == 'mixin')) {
          const { hidden, params } = factsOf(mod.path, klass.name);
          const isHidden = (name) => hidden.has(name) || !isPublicMember({ name });
          klass.members = klass.members?.filter((m) => isPublicMember(m) && !hidden.has(m.name));
          // An attribute on a hidden field goes too, unless the class documents it (`@attr lang`): then it stays, without the field.
          klass.attributes = klass.attributes
            ?.filter((a) => !isHidden(a.name) && !(a.fieldName && isHidden(a.fieldName) && !a.description))
            .map(({ fieldName, ...a }) => (fieldName && !isHidden(fieldName) ? { ...a, fieldName } : a));
          for (const m of klass.members ?? []) {
            // `this.code = code` in the constructor is no default; inherited members: the declaring class's parameters.
            const owner = m.inheritedFrom ? factsOf(resolveModule(mod.path, m.inheritedFrom.module ?? mod.path), m.inheritedFrom.name) : undefined;
            if (m.default && (params.has(m.default) || owner?.params.has(m.default))) delete m.default;
          }
          for (const key of ['members', 'attributes']) if (!klass[key]?.length) delete klass[key];
        }
      }
    },
  };
}

/** One entry per event name, named and typed from the event classes' `static eventName`. */
function eventsPlugin() {
  return {
    name: 'social-login: events',
    packageLinkPhase({ customElementsManifest }) {
      const classes = customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind == 'class'));
      /** Event class → event name, from `static readonly eventName = 'login'`. */
      const eventNames = new Map();
      for (const c of classes) {
        const field = c.members?.find((m) => m.static && m.name == 'eventName' && /^(['"`]).*\1$/.test(m.default ?? ''));
        if (field) eventNames.set(c.name, field.default.slice(1, -1));
      }
      for (const mod of customElementsManifest.modules) {
        for (const klass of (mod.declarations ?? []).filter((d) => d.kind == 'class')) {
          const dispatched = factsOf(mod.path, klass.name).dispatched.map((e) => ({ name: e.name ?? eventNames.get(e.type), type: { text: e.type } }));
          if (!klass.events?.length && !dispatched.length) continue;
          const byName = new Map();
          for (const event of [...(klass.events ?? []), ...dispatched]) {
            const e = { ...event };
            // "@event login - {LoginEvent} text": the type in front of the description.
            const typed = /^\{([^}]+)\}\s*(?:-\s*)?([\s\S]*)$/.exec(e.description ?? '');
            if (typed) {
              e.type ??= { text: typed[1].trim() };
              e.description = typed[2];
            }
            // The analyzer takes the event's name from the constructor's first argument, even an identifier.
            const named = eventNames.get(e.type?.text);
            if (named && (!e.name || !e.description)) e.name = named;
            if (!e.name) {
              console.warn(`[custom-elements-manifest] ${klass.name}: left out an event without a name (type ${e.type?.text ?? '?'})`);
              continue;
            }
            const prev = byName.get(e.name);
            byName.set(e.name, prev ? { ...e, ...prev, type: prev.type ?? e.type, description: prev.description || e.description } : e);
          }
          klass.events = [...byName.values()].map(({ name, type, description, ...rest }) => ({
            name,
            ...(type && { type }),
            ...(description && { description }),
            ...rest,
          }));
        }
      }
    },
  };
}

/** `./element/x.js`, `/src/x.js`, `src/x.js` or `src/x.ts`, as written in `from`, → `src/x.ts`. */
function resolveModule(from, ref) {
  let path = ref.startsWith('.') ? new URL(ref, `file:///${from}`).pathname.slice(1) : ref.replace(/^\//, '');
  return path.replace(/\.js$/, '.ts');
}

/**
 * Replaces the source modules with the package entries' built files: each entry's module declares
 * everything the entry exports (followed through `export *` and re-exports); a custom element
 * definition refers to its class where an entry exports it. Type-only exports (no declaration) and
 * the internal modules are dropped.
 */
function publicEntriesPlugin(entries) {
  return {
    name: 'social-login: public entries',
    packageLinkPhase({ customElementsManifest }) {
      const modules = new Map(customElementsManifest.modules.map((m) => [m.path, m]));
      /** The declaration `name` exported by source module `path` (declared there or re-exported). */
      const findDeclaration = (path, name, seen = new Set()) => {
        const mod = modules.get(path);
        if (!mod || seen.has(path)) return undefined;
        seen.add(path);
        const own = mod.declarations?.find((d) => d.name == name);
        if (own) return { declaration: own, source: path };
        for (const exp of mod.exports ?? []) {
          if (exp.kind != 'js' || !exp.declaration?.module || exp.declaration.package) continue;
          const target = resolveModule(path, exp.declaration.module);
          if (exp.name == name && target != path) return findDeclaration(target, exp.declaration.name, seen);
          if (exp.name == '*') {
            const found = findDeclaration(target, name, seen);
            if (found) return found;
          }
        }
        return undefined;
      };
      /** [exported name, declaration, its source module] of everything source module `path` exports. */
      const exportsOf = (path, seen = new Set()) => {
        const mod = modules.get(path);
        if (!mod || seen.has(path)) return [];
        seen.add(path);
        return (mod.exports ?? []).flatMap((exp) => {
          if (exp.kind != 'js') return [];
          const target = exp.declaration?.module && !exp.declaration.package ? resolveModule(path, exp.declaration.module) : path;
          if (exp.name == '*') return exportsOf(target, seen);
          const found = findDeclaration(target, exp.declaration?.name ?? exp.name) ?? findDeclaration(path, exp.name);
          return found ? [[exp.name, found.declaration, found.source]] : [];
        });
      };

      /** "src module#declaration" → the entry's built file that declares it. */
      const home = new Map();
      /** A copied declaration → the source module it came from. */
      const origin = new Map();
      const adopt = (mod, declaration, source) => {
        const key = `${source}#${declaration.name}`;
        if (!home.has(key)) {
          home.set(key, mod.path);
          const copy = structuredClone(declaration);
          origin.set(copy, source);
          mod.declarations.push(copy);
        }
        return home.get(key);
      };
      const out = [];
      for (const [source, built] of Object.entries(entries)) {
        if (!modules.has(source)) throw new Error(`${source} (the source of ${built}) was not analysed: update ENTRIES in custom-elements-manifest.config.mjs`);
        const mod = { kind: 'javascript-module', path: built, declarations: [], exports: [] };
        for (const [name, declaration, from] of exportsOf(source)) {
          mod.exports.push({ kind: 'js', name, declaration: { name: declaration.name, module: adopt(mod, declaration, from) } });
        }
        out.push({ source, mod });
      }
      for (const { source, mod } of out) {
        for (const exp of modules.get(source).exports ?? []) {
          if (exp.kind != 'custom-element-definition') continue;
          const found = findDeclaration(resolveModule(source, exp.declaration.module ?? source), exp.declaration.name);
          if (!found) throw new Error(`${source}: <${exp.name}> is defined with ${exp.declaration.name}, which was not found`);
          const module = adopt(mod, found.declaration, found.source);
          mod.exports.push({ kind: 'custom-element-definition', name: exp.name, declaration: { name: found.declaration.name, module } });
        }
      }

      // References between declarations (superclass, inheritedFrom, …): to the built file, or, for
      // what the package does not export (`Event`, `Error`), to no module.
      const rewrite = (value, from) => {
        if (Array.isArray(value)) return value.forEach((v) => rewrite(v, from));
        if (!value || typeof value != 'object') return;
        if (typeof value.name == 'string' && typeof value.module == 'string' && !value.package && Object.keys(value).every((k) => ['name', 'module'].includes(k))) {
          const found = findDeclaration(resolveModule(from, value.module), value.name);
          const built = found && home.get(`${found.source}#${found.declaration.name}`);
          if (built) value.module = built;
          else delete value.module;
          return;
        }
        Object.values(value).forEach((v) => rewrite(v, from));
      };
      for (const { mod } of out) {
        for (const d of mod.declarations) rewrite(d, origin.get(d));
        for (const key of ['declarations', 'exports']) if (!mod[key].length) delete mod[key];
      }
      customElementsManifest.modules = out.map(({ mod }) => mod);
    },
  };
}

/** The sources' var() fallbacks as CSS defaults; prints what `npm run check:package` would fail on. */
function sourcesPlugin() {
  const texts = [];
  return {
    name: 'social-login: sources',
    initialize() {
      texts.length = 0;
    },
    analyzePhase({ ts, node }) {
      if (ts.isSourceFile(node)) texts.push(node.getFullText());
    },
    packageLinkPhase({ customElementsManifest }) {
      cssDefaults(customElementsManifest, texts);
      const problems = [...lintManifest(customElementsManifest), ...lintSources(customElementsManifest, texts)];
      for (const p of problems) console.warn(`[custom-elements-manifest] warning: ${p}`);
    },
  };
}
