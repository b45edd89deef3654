/** Spanish (any region: `es-419`, `es-MX`…), loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: 'Continuar con {name}',
  signIn: 'Iniciar sesión',
  busy: 'Iniciando sesión con {name}…',
  lastUsed: 'Último uso',
  signedInAs: 'Sesión iniciada como {name}',
  signOut: 'Cerrar sesión',
  signOutUser: 'Cerrar la sesión de {name}',
  errors: {
    popup_blocked: 'Se bloqueó la ventana de inicio de sesión. Permite las ventanas emergentes e inténtalo de nuevo.',
    popup_closed: 'Se cerró la ventana de inicio de sesión.',
    timeout: 'El inicio de sesión tardó demasiado. Inténtalo de nuevo.',
    access_denied: 'Se canceló el inicio de sesión.',
    invalid_state: 'No se pudo verificar el inicio de sesión. Inténtalo de nuevo.',
    broker_error: 'El servicio de inicio de sesión devolvió un error.',
    network_error: 'No se pudo conectar con el servicio de inicio de sesión. Inténtalo de nuevo.',
    invalid_config: 'El inicio de sesión no está bien configurado en esta página.',
  },
};
