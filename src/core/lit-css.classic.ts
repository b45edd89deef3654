/**
 * The classic script's stand-in for Lit's `css-tag.js` (swapped in by vite.config.ts). The widget's
 * styles are one constructable stylesheet (element/styles.ts), which only browsers whose shadow roots
 * adopt style sheets can build, so Lit's fallbacks — `<style>` elements, `css` tagged results and
 * their cache — never run, and every page view would download them. These are the two functions
 * ReactiveElement calls, for exactly that case.
 * @internal
 */

/** A style as shadow roots take it: ours already is a `CSSStyleSheet`. @internal */
export const getCompatibleStyle = (style: CSSStyleSheet): CSSStyleSheet => style;

/** Adopts the element's style sheets into its shadow root. @internal */
export const adoptStyles = (root: ShadowRoot, styles: CSSStyleSheet[]): void => {
  root.adoptedStyleSheets = styles;
};

/** The rest of css-tag.js's API, which ReactiveElement re-exports and nothing here uses (so the build drops it). */
export const supportsAdoptingStyleSheets = true;
const absent = (): never => {
  throw new Error('social-login: the classic script has no Lit css`` (the widget builds its stylesheet itself).');
};
export { absent as css, absent as unsafeCSS, absent as CSSResult };
