/**
 * What a failure's report needs and a page view does not carry (this chunk loads with the first
 * report that needs it): the English texts of failures, and what a wrong attribute must be.
 */
import type { LoginErrorCode, SocialLoginError } from '../errors.js';
import { rule } from './config.js';
import { EN_ERRORS } from './errors.js';

/** Console warnings already given on this page: each configuration error is told once. */
const warned = new Set<string>();

/**
 * Completes the report of `error`: fills the English texts of failures into `english`
 * (`STRINGS.en.errors`) where the page set none; for a configuration error, adds what its attribute
 * must be to its message and warns on the console (once per message).
 * @internal
 */
export const explain = (error: SocialLoginError, english: Partial<Record<LoginErrorCode, string>>): SocialLoginError => {
  for (const [code, text] of Object.entries(EN_ERRORS) as Array<[LoginErrorCode, string]>) english[code] ||= text;
  if (error.code == 'invalid_config') {
    error.message += rule((error as SocialLoginError & { attribute: string }).attribute);
    const warning = `<social-login> ${error.message} (invalid_config)`;
    if (!warned.has(warning)) warned.add(warning), console.warn(warning);
  }
  return error;
};
