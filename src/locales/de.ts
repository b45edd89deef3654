/** German, loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: 'Weiter mit {name}',
  signIn: 'Anmelden',
  busy: 'Anmeldung mit {name}\u00a0…',
  lastUsed: 'Zuletzt verwendet',
  signedInAs: 'Angemeldet als {name}',
  signOut: 'Abmelden',
  signOutUser: '{name} abmelden',
  errors: {
    popup_blocked: 'Das Anmeldefenster wurde blockiert. Erlauben Sie Pop-ups und versuchen Sie es erneut.',
    popup_closed: 'Das Anmeldefenster wurde geschlossen.',
    timeout: 'Die Anmeldung hat zu lange gedauert. Versuchen Sie es erneut.',
    access_denied: 'Die Anmeldung wurde abgebrochen.',
    invalid_state: 'Die Anmeldung konnte nicht überprüft werden. Versuchen Sie es erneut.',
    broker_error: 'Der Anmeldedienst hat einen Fehler gemeldet.',
    network_error: 'Der Anmeldedienst ist nicht erreichbar. Versuchen Sie es erneut.',
    invalid_config: 'Die Anmeldung ist auf dieser Seite nicht richtig eingerichtet.',
  },
};
