import { fromDocument } from '../../util/dom.js';

/**
 * Navigates `win` — our popup while it is still on about:blank (same origin as this page), or this
 * very window — by submitting a POST form of `fields` to `action`. The form is built with DOM calls
 * (no HTML parsing), so it passes Trusted Types.
 * @internal
 */
export function postForm(win: Window, action: string, fields: Record<string, string>): void {
  const doc = win.document;
  const createElement = fromDocument('createElement', doc);
  const form = createElement('form');
  form.method = 'post';
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    const input = createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  fromDocument('body', doc).append(form);
  form.submit();
  form.remove();
}
