import type { GreyImage, Rect } from './types';

/** Copies a rectangle (clipped to the image) out of a grey image. */
export function cropGrey(grey: GreyImage, rect: Rect): GreyImage {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(grey.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(grey.height, Math.ceil(rect.y + rect.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = (y0 + y) * grey.width + x0;
    out.set(grey.data.subarray(start, start + width), y * width);
  }
  return { data: out, width, height };
}

/** Adds a uniform border: jsQR needs a light margin around the finder patterns (quiet zone 0 otherwise fails). */
export function padGrey(grey: GreyImage, margin: number, value = 255): GreyImage {
  const width = grey.width + 2 * margin;
  const height = grey.height + 2 * margin;
  const out = new Uint8Array(width * height).fill(value);
  for (let y = 0; y < grey.height; y++) {
    out.set(grey.data.subarray(y * grey.width, (y + 1) * grey.width), (y + margin) * width + margin);
  }
  return { data: out, width, height };
}

/** Box-average downscale by an integer factor: cheap, and averages away JPEG noise. */
export function downscaleGrey(grey: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return grey;
  const width = Math.max(1, Math.floor(grey.width / f));
  const height = Math.max(1, Math.floor(grey.height / f));
  const out = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * grey.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += grey.data[row + dx]!;
      }
      out[y * width + x] = sum / area;
    }
  }
  return { data: out, width, height };
}

/** Bilinear upscale by an integer factor: gives jsQR more samples per module on tiny, soft codes. */
export function upscaleGrey(grey: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return grey;
  const width = grey.width * f;
  const height = grey.height * f;
  const out = new Uint8Array(width * height);
  const maxX = grey.width - 1;
  const maxY = grey.height - 1;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(maxY, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(maxY, y0 + 1);
    const wy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(maxX, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(maxX, x0 + 1);
      const wx = sx - x0;
      const top = grey.data[y0 * grey.width + x0]! * (1 - wx) + grey.data[y0 * grey.width + x1]! * wx;
      const bottom = grey.data[y1 * grey.width + x0]! * (1 - wx) + grey.data[y1 * grey.width + x1]! * wx;
      out[y * width + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return { data: out, width, height };
}
