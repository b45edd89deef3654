/** Brazilian Portuguese (also for `pt` and `pt-PT`), loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: 'Continuar com {name}',
  signIn: 'Entrar',
  busy: 'Entrando com {name}…',
  lastUsed: 'Usado por último',
  signedInAs: 'Você entrou como {name}',
  signOut: 'Sair',
  signOutUser: 'Sair da conta de {name}',
  errors: {
    popup_blocked: 'A janela de login foi bloqueada. Permita pop-ups e tente novamente.',
    popup_closed: 'A janela de login foi fechada.',
    timeout: 'O login demorou demais. Tente novamente.',
    access_denied: 'O login foi cancelado.',
    invalid_state: 'Não foi possível verificar o login. Tente novamente.',
    broker_error: 'O serviço de login retornou um erro.',
    network_error: 'Não foi possível acessar o serviço de login. Tente novamente.',
    invalid_config: 'O login não está configurado corretamente nesta página.',
  },
};
