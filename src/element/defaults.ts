import type { PropertyDeclaration } from '@lit/reactive-element';
import { CHOICES, DEFAULTS } from '../core/config.js';

/**
 * The element's properties' defaults: readConfig's, and the theme's, the layout's and the "last used"
 * hint's. Only its own names count (a name that a page added to Object.prototype has no default).
 */
const FALLBACKS: Record<PropertyKey, unknown> = {
  ...Object.fromEntries(CHOICES.map(([property, , words]) => [property, words.split(' ')[0]])),
  ...DEFAULTS,
  theme: 'auto',
  layout: 'vertical',
  lastUsed: 'on',
};

/**
 * Lit's accessor for the property `name` (its value kept under `key`), reading the property's default
 * (if it has one) while it is unset or its attribute removed. Nothing sets a default: an element starts
 * with no change per property to run (a dozen calls more of each made V8 compile them again during the
 * first render) and adds no attribute to the page's markup. A subclass's own accessor, which Lit wraps,
 * keeps its value.
 * @internal
 */
export const withDefault = (descriptor: PropertyDescriptor | undefined, name: PropertyKey, key: string | symbol, options: PropertyDeclaration): PropertyDescriptor | undefined =>
  Object.hasOwn(FALLBACKS, name) && !(options as { wrapped?: boolean }).wrapped
    ? { ...descriptor, get(this: Record<PropertyKey, unknown>) { return this[key] ?? FALLBACKS[name]; } }
    : descriptor;

/** Lit's warning code for an override of `getPropertyDescriptor`. */
const OVERRIDE = 'no-override-get-property-descriptor';

/**
 * Runs `finalize` (the element's class made: Lit's accessors, attributes, styles) without the warning of
 * Lit's development build that an override of `getPropertyDescriptor` is not called for standard
 * decorators: the element has none (a test pins its defaults). Other classes of the page still get it.
 * The classic script bundles Lit's production build, and its build compiles this out.
 * @internal
 */
export function quietFinalize(finalize: () => void): void {
  const warnings = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
  // Lit's production build has no warnings: the class is finalized when it is defined, as any other.
  if (!warnings) return;
  const silenced = warnings.has(OVERRIDE);
  warnings.add(OVERRIDE);
  finalize();
  if (!silenced) warnings.delete(OVERRIDE);
}
