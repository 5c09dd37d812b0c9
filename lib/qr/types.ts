/** RGBA pixels as produced by canvas `getImageData` (4 bytes per pixel, row-major). */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** One byte of luminance per pixel; every preprocessing step works on this. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Axis-aligned rectangle in pixels of the source image. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
