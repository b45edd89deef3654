/** Russian, loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  continueWith: 'Войти через {name}',
  signIn: 'Войти',
  busy: 'Вход через {name}…',
  lastUsed: 'Последний вход',
  signedInAs: 'Вы вошли как {name}',
  signOut: 'Выйти',
  signOutUser: 'Выйти из аккаунта {name}',
  errors: {
    popup_blocked: 'Окно входа заблокировано. Разрешите всплывающие окна и повторите попытку.',
    popup_closed: 'Окно входа закрыто.',
    timeout: 'Вход занял слишком много времени. Повторите попытку.',
    access_denied: 'Вход отменён.',
    invalid_state: 'Не удалось проверить вход. Повторите попытку.',
    broker_error: 'Сервис входа сообщил об ошибке.',
    network_error: 'Не удалось связаться с сервисом входа. Повторите попытку.',
    invalid_config: 'Вход на этой странице настроен неправильно.',
  },
};
