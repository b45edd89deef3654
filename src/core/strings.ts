/**
 * The element's texts: English in the core, every other built-in language a pack (src/locales/)
 * loaded when an element needs it, and whatever the page adds to {@link STRINGS}.
 */
import type { LoginErrorCode, SocialLoginError } from '../errors.js';

/** The element's user-facing text in one language. `{name}` stands for the display name. */
export interface Strings {
  /** `rtl` for a language written right to left (the element lays itself out so); else the page's direction. */
  dir?: 'rtl' | 'ltr';
  /** Label of a button for one connection, e.g. "Continue with {name}". */
  continueWith: string;
  /** Label of the single button when no connections are listed. */
  signIn: string;
  /** Label of a button while its login runs. */
  busy: string;
  /** The badge on the connection that logged in last. */
  lastUsed: string;
  // The account view's texts live with it in the protocol's chunk (English there when a language lacks them).
  /** The account view (`signed-in="account"`): who is signed in, `{name}` their name (or id). Default: "Signed in as {name}". */
  signedInAs?: string;
  /** The account view's sign-out button. Default: "Sign out". */
  signOut?: string;
  /** The sign-out button's accessible name, which says whom it signs out. Default: "Sign out {name}". */
  signOutUser?: string;
  /**
   * What the live region announces for each failure. English's texts load with the first failure's
   * report and fill in what the page did not set: `STRINGS.en.errors` is empty until then.
   */
  errors: Record<LoginErrorCode, string>;
}

/**
 * The languages, by BCP 47 tag. English is here from the start; the other built-in languages (see
 * the README's Languages) are packs that load when an element needs them, and appear here then. Add a
 * language, or change one, before the elements render, e.g. `STRINGS.it = { ...STRINGS.en,
 * continueWith: 'Continua con {name}', … }`. An element's `lang` (else the closest `lang` attribute)
 * picks, in any case, the exact tag, then its language (`fr-CA` → `fr`), then the built-in pack of
 * its language: Chinese by script or region (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` → `zh-TW`; any other →
 * `zh-CN`), Portuguese as `pt-BR`; anything else is English.
 */
export const STRINGS: Record<string, Strings> & Record<'en', Strings> = {
  en: {
    continueWith: 'Continue with {name}',
    signIn: 'Sign in',
    busy: 'Signing in with {name}…',
    lastUsed: 'Last used',
    // With the first failure's report (src/diagnostics/errors.ts), where the page set none.
    errors: {} as Strings['errors'],
  },
};

/** The built-in languages besides English, each a pack of its own (src/locales/<tag>.ts; the build checks the list). @internal */
export const PACKS: readonly string[] = 'zh-CN zh-TW ja ko es fr de pt-BR ru ar he'.split(' ');

/**
 * The first tag among `names` that an element of language `lang` may take (see {@link STRINGS}), as
 * `names` spells it: the exact tag, its language, then the pack of its language (the script and
 * region rules run only then: a page's start compiles no regular expression it does not need).
 */
function pick(names: readonly string[], lang: string): string | undefined {
  const [language = ''] = lang.split(/[-_]/);
  const find = (tag: string) => names.find((name) => name.toLowerCase() == tag.toLowerCase());
  return (
    find(lang) ??
    find(language) ??
    find(
      /^zh$/i.test(language)
        ? /[-_]hant\b/i.test(lang) || (!/[-_]hans\b/i.test(lang) && /[-_](tw|hk|mo)\b/i.test(lang))
          ? 'zh-TW'
          : 'zh-CN'
        : /^pt$/i.test(language)
          ? 'pt-BR'
          : '',
    )
  );
}

/** The tag in {@link STRINGS} whose texts an element of language `lang` shows, if any yet. @internal */
export const languageOf = (lang: string): string | undefined => pick(Object.keys(STRINGS), lang);

/** The built-in pack an element of language `lang` waits for, if one serves it. @internal */
export const packOf = (lang: string): string | undefined => pick(PACKS, lang);

/** The texts for a language, English until its pack is in. @internal */
export const stringsFor = (lang: string): Strings => STRINGS[languageOf(lang) ?? 'en']!;

/**
 * Completes a failure's report (src/diagnostics/, loaded with the first report that needs it): fills
 * `english` with the English texts of failures, and explains a configuration error. @internal
 */
export type Explain = (error: SocialLoginError, english: Partial<Record<LoginErrorCode, string>>) => SocialLoginError;
