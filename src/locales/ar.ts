/** Arabic (right to left), loaded when an element needs it. */
import type { Strings } from '../core/strings.js';

/** @internal */
export const strings: Strings = {
  dir: 'rtl',
  continueWith: 'المتابعة باستخدام {name}',
  signIn: 'تسجيل الدخول',
  busy: 'جارٍ تسجيل الدخول عبر {name}…',
  lastUsed: 'آخر استخدام',
  signedInAs: 'تم تسجيل الدخول باسم {name}',
  signOut: 'تسجيل الخروج',
  signOutUser: 'تسجيل خروج {name}',
  errors: {
    popup_blocked: 'تم حظر نافذة تسجيل الدخول. يُرجى السماح بالنوافذ المنبثقة ثم المحاولة مرة أخرى.',
    popup_closed: 'تم إغلاق نافذة تسجيل الدخول.',
    timeout: 'انتهت مهلة تسجيل الدخول. يُرجى المحاولة مرة أخرى.',
    access_denied: 'تم إلغاء تسجيل الدخول.',
    invalid_state: 'تعذّر التحقق من تسجيل الدخول. يُرجى المحاولة مرة أخرى.',
    broker_error: 'أبلغت خدمة تسجيل الدخول عن خطأ.',
    network_error: 'تعذّر الاتصال بخدمة تسجيل الدخول. يُرجى المحاولة مرة أخرى.',
    invalid_config: 'لم يتم إعداد تسجيل الدخول بشكل صحيح في هذه الصفحة.',
  },
};
