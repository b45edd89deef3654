import { BrokerError } from '../../errors.js';

/**
 * A cookie session read on load: "no session" is `null` (nobody is signed in there), any other failure
 * is the failure.
 * @internal
 */
export const signedOut = (err: unknown): null => {
  if (err instanceof BrokerError && err.error == 'no_session') return null;
  throw err;
};
