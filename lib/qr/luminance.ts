import type { GreyImage, Rect, RgbaImage } from './types';

/** True when the buffer really holds width × height RGBA pixels; anything else is not decoded. */
export function isConsistentImage(image: RgbaImage): boolean {
  const { width, height, data } = image;
  return (
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    width > 0 &&
    height > 0 &&
    // Duck-typed, not instanceof: a content script's ImageData may come from another realm.
    data != null &&
    typeof data.length === 'number' &&
    data.length >= width * height * 4
  );
}

/**
 * Luminance exactly as jsQR computes it (BT.709 weights, stored in a Uint8ClampedArray, so
 * rounded to nearest): any other rounding moves pixels across jsQR's block thresholds and
 * loses real photos that plain jsQR reads. Transparency is flattened onto a background.
 * A transparent PNG often stores rgb 0 under alpha 0, so ignoring alpha turns its background black
 * and the code disappears; compositing onto white (or black for light-on-transparent codes) fixes it.
 */
export function toLuminance(image: RgbaImage, background: 0 | 255 = 255, rect?: Rect): GreyImage {
  const { data } = image;
  // Only the requested rectangle is converted: region crops never pay for the whole frame.
  const x0 = rect ? Math.max(0, Math.floor(rect.x)) : 0;
  const y0 = rect ? Math.max(0, Math.floor(rect.y)) : 0;
  const x1 = rect ? Math.min(image.width, Math.ceil(rect.x + rect.width)) : image.width;
  const y1 = rect ? Math.min(image.height, Math.ceil(rect.y + rect.height)) : image.height;
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  // Clamped so each store rounds as jsQR's own greyscale matrix does.
  const out = new Uint8ClampedArray(width * height);
  let i = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0, p = (y * image.width + x0) * 4; x < x1; x++, p += 4) {
      const lum = 0.2126 * data[p]! + 0.7152 * data[p + 1]! + 0.0722 * data[p + 2]!;
      const a = data[p + 3]!;
      out[i++] = a === 255 ? lum : (lum * a + background * (255 - a)) / 255;
    }
  }
  return { data: new Uint8Array(out.buffer), width, height };
}

/** True when enough pixels are see-through that the flattening background changes the picture. */
export function hasTransparency(image: RgbaImage): boolean {
  const { data } = image;
  const n = image.width * image.height;
  // Sampling keeps this O(1)-ish on huge frames; a transparent background covers many pixels.
  const step = Math.max(1, Math.floor(n / 65536));
  for (let i = 0; i < n; i += step) if (data[i * 4 + 3]! < 128) return true;
  return false;
}

/** Expands grey back to RGBA because jsQR only accepts RGBA. */
export function greyToRgba(grey: GreyImage): Uint8ClampedArray {
  const { data } = grey;
  const out = new Uint8ClampedArray(data.length * 4);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const v = data[i]!;
    out[p] = v;
    out[p + 1] = v;
    out[p + 2] = v;
    out[p + 3] = 255;
  }
  return out;
}
