/**
 * The element's texts: English in the core, every other built-in language a pack (src/locales/)
 * loaded when an element needs it, and whatever the page adds to {@link STRINGS}.
 */
import type { LoginErrorCode } from '../errors.js';

/** The element's user-facing text in one language. `{name}` stands for the display name. */
export interface Strings {
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
  /** What the live region announces for each failure. */
  errors: Record<LoginErrorCode, string>;
}

/**
 * The languages, by BCP 47 tag. English is here from the start; the other built-in languages
 * (`zh-CN`) are packs that load when an element needs them, and appear here then. Add a language, or
 * change one, before the elements render, e.g. `STRINGS.fr = { ...STRINGS.en, continueWith:
 * 'Continuer avec {name}', … }`; an element's `lang` (else the closest `lang` attribute, else the
 * page's) picks the exact tag, then its language (`fr-CA` → `fr`); any other `zh` tag gets zh-CN,
 * and the rest en.
 */
export const STRINGS: Record<string, Strings> & Record<'en', Strings> = {
  en: {
    continueWith: 'Continue with {name}',
    signIn: 'Sign in',
    busy: 'Signing in with {name}…',
    lastUsed: 'Last used',
    errors: {
      popup_blocked: 'The sign-in window was blocked. Allow pop-ups and try again.',
      popup_closed: 'The sign-in window was closed.',
      timeout: 'Signing in took too long. Try again.',
      access_denied: 'Sign-in was cancelled.',
      invalid_state: 'The sign-in could not be verified. Try again.',
      broker_error: 'The sign-in service reported an error.',
      network_error: 'The sign-in service could not be reached. Try again.',
      invalid_config: 'Sign-in is not set up correctly here.',
    },
  },
};

/** The built-in languages besides English: each a pack of its own (src/locales/), loaded on demand. @internal */
export const PACKS: readonly string[] = ['zh-CN'];

/** The tag whose texts an element of language `lang` shows: one in {@link STRINGS} or a built-in pack. @internal */
export function languageOf(lang: string): string {
  const known = (tag: string) => (Object.hasOwn(STRINGS, tag) || PACKS.includes(tag) ? tag : undefined);
  return known(lang) ?? known(lang.split('-')[0]!) ?? (/^zh\b/i.test(lang) ? 'zh-CN' : 'en');
}

/** The texts for a language tag, English until its pack is in. @internal */
export const stringsFor = (lang: string): Strings => STRINGS[languageOf(lang)] ?? STRINGS.en;
