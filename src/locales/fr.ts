/** French, loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: 'Continuer avec {name}',
  signIn: 'Se connecter',
  busy: 'Connexion avec {name}…',
  lastUsed: 'Utilisé récemment',
  signedInAs: 'Compte connecté\u00a0: {name}',
  signOut: 'Se déconnecter',
  signOutUser: 'Déconnecter {name}',
  errors: {
    popup_blocked: 'La fenêtre de connexion a été bloquée. Autorisez les fenêtres pop-up et réessayez.',
    popup_closed: 'La fenêtre de connexion a été fermée.',
    timeout: 'La connexion a pris trop de temps. Réessayez.',
    access_denied: 'La connexion a été annulée.',
    invalid_state: 'La connexion n’a pas pu être vérifiée. Réessayez.',
    broker_error: 'Le service de connexion a signalé une erreur.',
    network_error: 'Impossible de joindre le service de connexion. Réessayez.',
    invalid_config: 'La connexion n’est pas configurée correctement sur cette page.',
  },
};
