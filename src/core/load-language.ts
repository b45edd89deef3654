/** A built-in language's pack, loaded when an element needs it. */
import { retryCache } from '../util/retry-cache.js';
import { importLocale } from './chunk-loader.js';
import { STRINGS } from './strings.js';

/**
 * Makes the texts of tag `tag` (from `languageOf`) ready: a built-in pack loads once per page
 * and joins `STRINGS` (unless the page set that language itself). A pack that cannot load
 * leaves the element in English, with a console warning.
 * @internal
 */
export const loadLanguage: (tag: string) => Promise<unknown> = retryCache((tag: string) =>
  Object.hasOwn(STRINGS, tag)
    ? Promise.resolve()
    : importLocale(tag).then(
        (strings) => (STRINGS[tag] ??= strings),
        (err: unknown) => console.warn('<social-login>', err),
      ),
);

