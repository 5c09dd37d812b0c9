import jsQR from 'jsqr';
import { greyToRgba } from './luminance';
import { isPlausibleText } from './sanity';
import { qrText } from './text';
import type { GreyImage } from './types';

const RESET_PIXEL = new Uint8ClampedArray(4);

/**
 * jsQR 1.4.0 writes the options of each call into its shared defaults, so our 'dontInvert' would
 * silently change every later plain `jsQR(data, w, h)` in the same realm. A 1-pixel call with
 * the documented default puts them back (microseconds).
 */
function restoreJsQrDefaults(): void {
  try {
    jsQR(RESET_PIXEL, 1, 1, { inversionAttempts: 'attemptBoth' });
  } catch {
    // Nothing to restore if even this fails.
  }
}

/**
 * One jsQR attempt on a grey image, inversion handled by the caller (cheaper than jsQR's
 * attemptBoth, which always pays for a second binarization). Never throws.
 */
export function decodeGrey(grey: GreyImage): string | null {
  if (grey.width < 21 || grey.height < 21) return null;
  try {
    const result = jsQR(greyToRgba(grey), grey.width, grey.height, { inversionAttempts: 'dontInvert' });
    const text = result ? qrText(result.chunks) : null;
    return text !== null && isPlausibleText(text) ? text : null;
  } catch {
    return null;
  } finally {
    restoreJsQrDefaults();
  }
}
