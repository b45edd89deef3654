/** Hebrew (right to left), loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  dir: 'rtl',
  continueWith: 'המשך עם {name}',
  signIn: 'כניסה',
  busy: 'מתבצעת כניסה עם {name}…',
  lastUsed: 'שימוש אחרון',
  signedInAs: 'מחוברים בתור {name}',
  signOut: 'יציאה',
  signOutUser: 'יציאה מהחשבון של {name}',
  errors: {
    popup_blocked: 'חלון הכניסה נחסם. יש לאפשר חלונות קופצים ולנסות שוב.',
    popup_closed: 'חלון הכניסה נסגר.',
    timeout: 'הכניסה נמשכה זמן רב מדי. יש לנסות שוב.',
    access_denied: 'הכניסה בוטלה.',
    invalid_state: 'לא ניתן לאמת את הכניסה. יש לנסות שוב.',
    broker_error: 'שירות הכניסה דיווח על שגיאה.',
    network_error: 'לא ניתן להתחבר לשירות הכניסה. יש לנסות שוב.',
    invalid_config: 'הכניסה לא הוגדרה כראוי בדף הזה.',
  },
};
