import { describe, expect, it } from 'vitest';
import { maskRects } from '@/lib/background/screenshot';

/** A 4×2 device-pixel image, all black, of a 2×1 CSS-pixel viewport (devicePixelRatio 2). */
const black = () => ({ data: new Uint8ClampedArray(4 * 2 * 4).fill(0), width: 4, height: 2 });

describe('maskRects', () => {
  it.each([
    ['nothing to mask', [], 0],
    ['the left CSS pixel (2×2 device pixels)', [{ x: 0, y: 0, width: 1, height: 1 }], 4],
    ['a rectangle partly outside the image', [{ x: 1, y: 0, width: 5, height: 5 }], 4],
  ])('paints white: %s', (_name, rects, whitePixels) => {
    const image = black();
    const masked = maskRects(image, rects, { width: 2 });
    const white = [...Array(8).keys()].filter((i) => masked.data[i * 4] === 255).length;
    expect(white).toBe(whitePixels);
    expect(image.data.every((v) => v === 0)).toBe(true);
  });
});
