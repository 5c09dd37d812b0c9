import { popupStart, type PopupStartDeps } from '../popup-start';
import type { Router } from '../router';

export function registerPopupHandlers({ handle }: Router, deps: PopupStartDeps): void {
  handle('popup:start', () => popupStart(deps));
}
