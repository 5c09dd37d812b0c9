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

/** Rectangles in pixels of the source image. */
export type { Rect } from '../geometry';
