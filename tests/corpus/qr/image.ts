/**
 * Pure-TS RGBA raster helpers for the QR corpus (no canvas, so the corpus is identical in Node,
 * happy-dom and the bench runner).
 */
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../../lib/qr/types';

export type Rgba = readonly [number, number, number, number];

export const WHITE: Rgba = [255, 255, 255, 255];
export const BLACK: Rgba = [0, 0, 0, 255];
export const CLEAR: Rgba = [0, 0, 0, 0];

/** Mulberry32: tiny, fast, good enough to make the corpus deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function newImage(width: number, height: number, color: Rgba = WHITE): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < data.length; p += 4) {
    data[p] = color[0];
    data[p + 1] = color[1];
    data[p + 2] = color[2];
    data[p + 3] = color[3];
  }
  return { data, width, height };
}

export function fillRect(img: RgbaImage, x: number, y: number, w: number, h: number, color: Rgba): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(img.width, Math.round(x + w));
  const y1 = Math.min(img.height, Math.round(y + h));
  const a = color[3] / 255;
  for (let yy = y0; yy < y1; yy++) {
    for (let xx = x0; xx < x1; xx++) {
      const p = (yy * img.width + xx) * 4;
      for (let c = 0; c < 3; c++) img.data[p + c] = color[c]! * a + img.data[p + c]! * (1 - a);
      img.data[p + 3] = Math.max(img.data[p + 3]!, color[3]);
    }
  }
}

export function strokeRect(img: RgbaImage, x: number, y: number, w: number, h: number, color: Rgba): void {
  fillRect(img, x, y, w, 1, color);
  fillRect(img, x, y + h - 1, w, 1, color);
  fillRect(img, x, y, 1, h, color);
  fillRect(img, x + w - 1, y, 1, h, color);
}

export function fillCircle(img: RgbaImage, cx: number, cy: number, r: number, color: Rgba): void {
  for (let y = Math.floor(cy - r); y <= cy + r; y++) {
    for (let x = Math.floor(cx - r); x <= cx + r; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) fillRect(img, x, y, 1, 1, color);
    }
  }
}

/** Source-over compositing of `src` onto `dst` at (dx, dy). */
export function drawImage(dst: RgbaImage, src: RgbaImage, dx: number, dy: number): void {
  for (let y = 0; y < src.height; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= dst.height) continue;
    for (let x = 0; x < src.width; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= dst.width) continue;
      const s = (y * src.width + x) * 4;
      const d = (ty * dst.width + tx) * 4;
      const a = src.data[s + 3]! / 255;
      for (let c = 0; c < 3; c++) dst.data[d + c] = src.data[s + c]! * a + dst.data[d + c]! * (1 - a);
      dst.data[d + 3] = Math.max(dst.data[d + 3]!, src.data[s + 3]!);
    }
  }
}

/** Multiplies rgb by `factor` (a modal's dim overlay). */
export function dim(img: RgbaImage, factor: number): void {
  for (let p = 0; p < img.data.length; p += 4) {
    for (let c = 0; c < 3; c++) img.data[p + c] = img.data[p + c]! * factor;
  }
}

export function invertColors(img: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(img.data);
  for (let p = 0; p < data.length; p += 4) {
    for (let c = 0; c < 3; c++) data[p + c] = 255 - data[p + c]!;
  }
  return { data, width: img.width, height: img.height };
}

/** Separable convolution with a symmetric 1-D kernel, edges clamped. */
function convolve(img: RgbaImage, kernel: number[]): RgbaImage {
  const r = (kernel.length - 1) / 2;
  const { width, height } = img;
  const pass = (src: Uint8ClampedArray, horizontal: boolean) => {
    const out = new Uint8ClampedArray(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          for (let k = -r; k <= r; k++) {
            const xx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
            const yy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
            sum += src[(yy * width + xx) * 4 + c]! * kernel[k + r]!;
          }
          out[(y * width + x) * 4 + c] = sum;
        }
      }
    }
    return out;
  };
  return { data: pass(pass(img.data, true), false), width, height };
}

export function boxBlur(img: RgbaImage, radius: number): RgbaImage {
  const n = 2 * radius + 1;
  return convolve(img, new Array<number>(n).fill(1 / n));
}

export function gaussianBlur(img: RgbaImage, sigma: number): RgbaImage {
  const r = Math.ceil(sigma * 3);
  const k: number[] = [];
  for (let i = -r; i <= r; i++) k.push(Math.exp(-(i * i) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  return convolve(
    img,
    k.map((v) => v / sum),
  );
}

/** JPEG round trip at a low quality: blocking and ringing like a screenshot shared by mail. */
export function jpegNoise(img: RgbaImage, quality: number): RgbaImage {
  const encoded = jpeg.encode({ data: img.data, width: img.width, height: img.height }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { data: new Uint8ClampedArray(decoded.data), width: decoded.width, height: decoded.height };
}

function sampleBilinear(img: RgbaImage, sx: number, sy: number, out: Uint8ClampedArray, o: number, bg: Rgba) {
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const fx = sx - x0;
  const fy = sy - y0;
  for (let c = 0; c < 4; c++) {
    let v = 0;
    for (let j = 0; j < 2; j++) {
      for (let i = 0; i < 2; i++) {
        const x = x0 + i;
        const y = y0 + j;
        const w = (i ? fx : 1 - fx) * (j ? fy : 1 - fy);
        const inside = x >= 0 && y >= 0 && x < img.width && y < img.height;
        v += w * (inside ? img.data[(y * img.width + x) * 4 + c]! : bg[c]!);
      }
    }
    out[o + c] = v;
  }
}

/** Bilinear resampling by a (possibly non-integer) factor, like a browser zoom. */
export function scaleBilinear(img: RgbaImage, factor: number): RgbaImage {
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8ClampedArray(width * height * 4);
  // Downscaling by more than 2× first averages, as browsers do, instead of skipping pixels.
  const src = factor < 0.5 ? boxBlur(img, Math.round(0.5 / factor)) : img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
      sampleBilinear(src, sx, sy, data, (y * width + x) * 4, WHITE);
    }
  }
  return { data, width, height };
}

/** Rotation about the centre into a canvas big enough to hold the result; corners filled with `bg`. */
export function rotate(img: RgbaImage, degrees: number, bg: Rgba = WHITE): RgbaImage {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const width = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin));
  const height = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos));
  const data = new Uint8ClampedArray(width * height * 4);
  const cx = img.width / 2;
  const cy = img.height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - width / 2;
      const dy = y + 0.5 - height / 2;
      const sx = cos * dx + sin * dy + cx - 0.5;
      const sy = -sin * dx + cos * dy + cy - 0.5;
      sampleBilinear(img, sx, sy, data, (y * width + x) * 4, bg);
    }
  }
  return { data, width, height };
}

/** Exact quarter-turn rotation (no resampling). */
export function rotate90(img: RgbaImage): RgbaImage {
  const width = img.height;
  const height = img.width;
  const data = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 4;
      const d = (x * width + (width - 1 - y)) * 4;
      for (let c = 0; c < 4; c++) data[d + c] = img.data[s + c]!;
    }
  }
  return { data, width, height };
}

/** Uniform per-pixel noise of ±amplitude on rgb. */
export function addNoise(img: RgbaImage, amplitude: number, rng: () => number): RgbaImage {
  const data = new Uint8ClampedArray(img.data);
  for (let p = 0; p < data.length; p += 4) {
    const n = (rng() * 2 - 1) * amplitude;
    for (let c = 0; c < 3; c++) data[p + c] = data[p + c]! + n;
  }
  return { data, width: img.width, height: img.height };
}
