/**
 * Telling a popup the user closed from one that Cross-Origin-Opener-Policy cut off.
 *
 * Both read `closed === true` in the opener. What differs is focus: when the user closes a popup,
 * the browser gives focus back to the opener at once (Chromium a few ms before `closed` flips,
 * Firefox 1 ms after); when a COOP page severs the popup, the popup keeps focus and the opener
 * stays unfocused. So:
 * - `closed` with the opener focused (within {@link FOCUS_WINDOW} of the flip) → closed by the
 *   user; reported after {@link CLOSED_GRACE}, which lets a relay already on its way land first.
 * - `closed` without focus → detached (probably severed by COOP): the attempt goes on waiting for
 *   the landing page's BroadcastChannel relay. If focus later comes back to the opener and stays
 *   {@link DETACHED_GRACE}, the popup is taken as closed: closing a severed popup hands focus back
 *   too, and a user who went back to a still-open popup takes focus away again before that.
 * @internal
 */

/** How long a popup may read as closed before a focused opener reports it, in ms. */
export const CLOSED_GRACE = 400;
/** Focus that returns this soon after `closed` flips belongs to the close itself, in ms. */
export const FOCUS_WINDOW = 500;
/** How long focus must stay on the opener before a detached popup counts as closed, in ms. */
export const DETACHED_GRACE = 2000;

/** What the watch has seen so far; times in ms, 0 for "not now". @internal */
export interface ClosedWatch {
  /** Since when the opener has had focus without a break. */
  focusSince: number;
  /** Since when the popup has read as closed. */
  closedSince: number;
}

/**
 * Updates `watch` with one observation and tells whether the popup is to be taken as closed by the
 * user now.
 * @internal
 */
export function isClosedByUser(watch: ClosedWatch, closed: boolean, focused: boolean, now: number): boolean {
  watch.focusSince = focused ? watch.focusSince || now : 0;
  watch.closedSince = closed ? watch.closedSince || now : 0;
  if (!watch.closedSince || !watch.focusSince) return false;
  const atClose = watch.focusSince <= watch.closedSince + FOCUS_WINDOW;
  return atClose ? now - watch.closedSince >= CLOSED_GRACE : now - watch.focusSince >= DETACHED_GRACE;
}
