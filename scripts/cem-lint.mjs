// Checks a Custom Elements Manifest (dist/custom-elements.json) for what the published one must be:
// every custom element's public API documented (attributes, properties, methods, events with their
// types, parts, CSS custom properties, slots), nothing internal in it (`_x`, `#x`, private,
// protected), and module paths that name the built JavaScript files consumers import.
// Used by custom-elements-manifest.config.mjs (as warnings, on every `npm run analyze`) and by
// scripts/check-package.mjs (as failures, against the files `npm pack` would publish).

/** Whether a class member is part of the public API. */
export const isPublicMember = (m) =>
  !m.privacy || m.privacy == 'public' ? !m.name.startsWith('#') && !m.name.startsWith('_') : false;

/**
 * @param {object} manifest the parsed manifest
 * @param {{ packed?: Set<string> }} [opts] `packed`: the package-relative paths the tarball holds
 * @returns {string[]} the problems, one sentence each (empty: the manifest is fine)
 */
export function lintManifest(manifest, { packed } = {}) {
  const problems = [];
  const modules = manifest?.modules ?? [];
  const paths = new Set(modules.map((m) => m.path));
  if (!modules.length) problems.push('the manifest has no modules');

  for (const mod of modules) {
    if (!/^dist\/.+\.js$/.test(mod.path)) problems.push(`module ${mod.path}: not a built file under dist/ (consumers import module paths)`);
    else if (packed && !packed.has(mod.path)) problems.push(`module ${mod.path}: not in the package`);
    for (const exp of mod.exports ?? []) {
      const ref = exp.declaration;
      if (ref?.module && !ref.package && !paths.has(ref.module)) {
        problems.push(`module ${mod.path}: export ${exp.name} refers to ${ref.module}, which the manifest lacks`);
      }
    }
  }

  const definitions = modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind == 'custom-element-definition'));
  const elements = modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => ({ d, mod: m })));
  if (!elements.length) problems.push('no custom element is declared');
  for (const def of definitions) {
    const target = modules.find((m) => m.path == def.declaration?.module)?.declarations?.find((d) => d.name == def.declaration?.name);
    if (!target) problems.push(`<${def.name}>: its definition refers to ${def.declaration?.name} in ${def.declaration?.module}, which the manifest lacks`);
  }

  for (const { d, mod } of elements) {
    const where = `<${d.tagName ?? d.name}>`;
    if (!d.tagName) problems.push(`${d.name} (${mod.path}): no tag name (no customElements.define() found)`);
    if (!definitions.some((e) => e.name == d.tagName)) problems.push(`${where}: no custom-element-definition export`);
    if (!d.description && !d.summary) problems.push(`${where}: no class description`);
    for (const a of d.attributes ?? []) {
      if (!a.name) problems.push(`${where}: an attribute without a name`);
      else if (a.name.startsWith('_')) problems.push(`${where}: attribute ${a.name} looks internal (a state property?)`);
      if (!a.description) problems.push(`${where}: attribute ${a.name} has no description (add @attr ${a.name} - … to the class JSDoc, or JSDoc on its property)`);
      if (a.fieldName && !(d.members ?? []).some((m) => m.name == a.fieldName)) problems.push(`${where}: attribute ${a.name} names property ${a.fieldName}, which is not listed`);
    }
    for (const m of d.members ?? []) {
      if (!isPublicMember(m)) {
        problems.push(`${where}: internal member ${m.name} is listed`);
        continue;
      }
      if (m.static) continue;
      if (!m.description) problems.push(`${where}: ${m.kind} ${m.name} has no description`);
      if (m.kind == 'field' && !m.type?.text) problems.push(`${where}: property ${m.name} has no type`);
    }
    const seen = new Set();
    for (const e of d.events ?? []) {
      if (!e.name) problems.push(`${where}: an event without a name (type ${e.type?.text ?? '?'})`);
      else if (seen.has(e.name)) problems.push(`${where}: event ${e.name} is listed twice`);
      seen.add(e.name);
      if (!e.type?.text) problems.push(`${where}: event ${e.name} has no type (write @fires {EventClass} ${e.name} - …)`);
      if (!e.description) problems.push(`${where}: event ${e.name} has no description`);
    }
    for (const [key, tag] of [
      ['cssParts', '@csspart'],
      ['cssProperties', '@cssproperty'],
      ['slots', '@slot'],
      ['cssStates', '@cssstate'],
    ]) {
      for (const x of d[key] ?? []) {
        if (x.name == null) problems.push(`${where}: a ${tag} without a name`);
        if (!x.description) problems.push(`${where}: ${tag} ${x.name || '(default)'} has no description`);
      }
    }
  }
  return problems;
}

/** `icon-${c.id}`, `icon-{id}`, `icon-<id>`, `icon-[id]` → `icon-*`: slot names with a variable part compare equal. */
const slotPattern = (name) => name.replace(/\$\{[^}]*\}|\{[^}]*\}|<[^>]*>|\[[^\]]*\]/g, '*');

/** The argument list of `var(` at `i` (after the parenthesis), up to its matching `)`. */
function balanced(text, i) {
  let depth = 1;
  for (let j = i; j < text.length; j++) {
    if (text[j] == '(') depth++;
    else if (text[j] == ')' && --depth == 0) return text.slice(i, j);
  }
  return text.slice(i);
}

/**
 * What the element's sources show of its styling API, for a check the JSDoc cannot make: the parts
 * its DOM and CSS name, the public CSS custom properties its CSS reads (with their fallbacks, the
 * effective defaults), and the slots it renders.
 * @param {string[]} texts the sources (TypeScript, not tests)
 */
export function sourceFacts(texts) {
  const parts = new Set();
  const cssVars = new Map();
  const slots = new Set();
  for (const text of texts) {
    for (const m of text.matchAll(/\bpart\(\s*['"][\w-]+['"]\s*,\s*['"]([\w\s-]+)['"]/g)) m[1].split(/\s+/).forEach((p) => parts.add(p));
    for (const m of text.matchAll(/setAttribute\(\s*['"]part['"]\s*,\s*['"]([\w\s-]+)['"]/g)) m[1].split(/\s+/).forEach((p) => parts.add(p));
    for (const m of text.matchAll(/\[part~?=\s*['"]?([\w-]+)['"]?\s*\]|\bpart="([\w\s-]+)"/g)) (m[1] ?? m[2]).split(/\s+/).forEach((p) => parts.add(p));
    for (const m of text.matchAll(/var\(\s*(--(?!_)[\w-]+)\s*(,)?/g)) {
      const fallbacks = cssVars.get(m[1]) ?? new Set();
      if (m[2]) fallbacks.add(balanced(text, m.index + m[0].length).trim().replace(/\s+/g, ' '));
      cssVars.set(m[1], fallbacks);
    }
    for (const m of text.matchAll(/(\w+)\s*=\s*document\.createElement\(\s*['"]slot['"]\s*\)/g)) {
      const named = new RegExp(`\\b${m[1]}\\.(?:name\\s*=\\s*|setAttribute\\(\\s*['"]name['"]\\s*,\\s*)([\`'"])(.*?)\\1`).exec(text);
      slots.add(named ? slotPattern(named[2]) : '');
    }
    for (const m of text.matchAll(/<slot\b([^>]*)>/g)) slots.add(slotPattern(/\bname=["']([^"']*)["']/.exec(m[1])?.[1] ?? ''));
  }
  return { parts, cssVars, slots };
}

/**
 * The parts, CSS custom properties and slots the sources use but no custom element of the manifest
 * documents. Parts, properties and slots are the whole package's: one element here.
 */
export function lintSources(manifest, texts) {
  const elements = (manifest?.modules ?? []).flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement));
  const documented = (key) => new Set(elements.flatMap((d) => (d[key] ?? []).map((x) => x.name)));
  const { parts, cssVars, slots } = sourceFacts(texts);
  const problems = [];
  const where = elements.map((d) => `<${d.tagName ?? d.name}>`).join(', ') || 'the package';
  const docParts = documented('cssParts');
  for (const p of parts) if (!docParts.has(p)) problems.push(`${where}: part ${p} is used in the sources but not documented (add @csspart ${p} - …)`);
  const docProps = documented('cssProperties');
  for (const v of cssVars.keys()) if (!docProps.has(v)) problems.push(`${where}: CSS custom property ${v} is read by the styles but not documented (add @cssproperty ${v} - …)`);
  const docSlots = new Set([...documented('slots')].map(slotPattern));
  for (const s of slots) if (!docSlots.has(s)) problems.push(`${where}: the element renders ${s ? `a slot named ${s}` : 'a default slot'} but documents none (add @slot ${s ? s.replace('*', '{id}') : '-'} - …)`);
  return problems;
}

/** Fills in a CSS custom property's default from the styles' var() fallback when its JSDoc gives none. */
export function cssDefaults(manifest, texts) {
  const { cssVars } = sourceFacts(texts);
  for (const d of (manifest?.modules ?? []).flatMap((m) => m.declarations ?? [])) {
    for (const p of d.cssProperties ?? []) {
      const fallbacks = cssVars.get(p.name);
      if (p.default == null && fallbacks?.size == 1) p.default = [...fallbacks][0];
    }
  }
}
