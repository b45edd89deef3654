/** The opener's position and size on screen. @internal */
export interface Frame {
  screenX: number;
  screenY: number;
  outerWidth: number;
  outerHeight: number;
}

/**
 * `window.open` features for a popup of `width`×`height` centred on the opener's window, kept on
 * screen.
 * @internal
 */
export function popupFeatures(frame: Frame, width = 500, height = 650): string {
  const left = Math.max(0, frame.screenX + (frame.outerWidth - width) / 2) | 0;
  const top = Math.max(0, frame.screenY + (frame.outerHeight - height) / 2) | 0;
  return `popup,width=${width},height=${height},left=${left},top=${top}`;
}
