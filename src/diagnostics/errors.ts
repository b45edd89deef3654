/** What the live region says of each failure, in English (every other language's texts are in its pack). */
import type { LoginErrorCode } from '../errors.js';

/** @internal */
export const EN_ERRORS: Record<LoginErrorCode, string> = {
  popup_blocked: 'The sign-in window was blocked. Allow pop-ups and try again.',
  popup_closed: 'The sign-in window was closed.',
  timeout: 'Signing in took too long. Try again.',
  access_denied: 'Sign-in was cancelled.',
  invalid_state: 'The sign-in could not be verified. Try again.',
  broker_error: 'The sign-in service reported an error.',
  network_error: 'The sign-in service could not be reached. Try again.',
  invalid_config: 'Sign-in is not set up correctly here.',
};
