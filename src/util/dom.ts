/**
 * The page's `document` as the browser defines it. Markup alone can shadow its members (DOM
 * clobbering: `<img name="createElement">` makes `document.createElement` that image, since Document
 * lets named elements override even its built-in members), so the widget reads them off Document's
 * prototype chain, which markup cannot reach. (A window's built-in members cannot be shadowed so:
 * only names it lacks, such as `SocialLogin`.)
 */

/**
 * `doc[name]` (this page's document by default) from Document's prototype chain: a getter called, a
 * method bound.
 * @internal
 */
export function fromDocument<K extends keyof Document>(name: K, doc: Document = document): Document[K] {
  let d: PropertyDescriptor | undefined;
  for (let proto: object | null = Document.prototype; !d && proto; proto = Object.getPrototypeOf(proto)) d = Object.getOwnPropertyDescriptor(proto, name);
  return d?.get ? d.get.call(doc) : d?.value.bind(doc);
}

/**
 * Runs `fn` once the document has finished parsing (now, in a microtask, when it has), so the
 * listeners of scripts later in the page hear what it dispatches.
 * @internal
 */
export const whenParsed = (fn: () => void): void =>
  fromDocument('readyState') == 'loading' ? fromDocument('addEventListener')('DOMContentLoaded', fn, { once: true }) : queueMicrotask(fn);

/**
 * Runs `fn` once the page's next frame is painted, so work that the first paint need not wait for
 * comes after it; a hidden page paints no frame, so also after 100 ms. `fn` may run twice: it must
 * be idempotent.
 * @internal
 */
export const afterFrame = (fn: () => void): void => {
  if (fromDocument('visibilityState') == 'visible') requestAnimationFrame(() => setTimeout(fn));
  setTimeout(fn, 100);
};
