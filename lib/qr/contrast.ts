import type { GreyImage } from './types';

function histogram(grey: GreyImage): Uint32Array {
  const hist = new Uint32Array(256);
  const { data } = grey;
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  return hist;
}

/**
 * The middle half of the image: inside a region crop that is the code itself, so its levels are not
 * drowned by a white dialog around a grey-on-grey code.
 */
function centre(grey: GreyImage): GreyImage {
  const x0 = Math.floor(grey.width / 4);
  const y0 = Math.floor(grey.height / 4);
  const width = Math.max(1, Math.floor(grey.width / 2));
  const height = Math.max(1, Math.floor(grey.height / 2));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = (y0 + y) * grey.width + x0;
    out.set(grey.data.subarray(start, start + width), y * width);
  }
  return { data: out, width, height };
}

/** Light modules on dark become dark on light: jsQR then sees a normal code. */
export function invert(grey: GreyImage): GreyImage {
  const out = new Uint8Array(grey.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - grey.data[i]!;
  return { data: out, width: grey.width, height: grey.height };
}

/**
 * Linear stretch from the low to the high percentile onto 0..255. jsQR treats any 8×8 block whose
 * range is ≤ 24 as flat, so grey-on-grey or white-on-pastel codes vanish unless stretched first.
 */
export function stretchContrast(grey: GreyImage, percentile = 0.01, centreOnly = false): GreyImage {
  const hist = centreOnly ? histogram(centre(grey)) : histogram(grey);
  const n = grey.data.length;
  const cut = Math.floor((centreOnly ? hist.reduce((a, b) => a + b, 0) : n) * percentile);
  let lo = 0;
  for (let acc = 0; lo < 255 && acc + hist[lo]! <= cut; lo++) acc += hist[lo]!;
  let hi = 255;
  for (let acc = 0; hi > 0 && acc + hist[hi]! <= cut; hi--) acc += hist[hi]!;
  const out = new Uint8Array(n);
  if (hi <= lo) return { data: out.fill(255), width: grey.width, height: grey.height };
  const scale = 255 / (hi - lo);
  for (let i = 0; i < n; i++) {
    const v = (grey.data[i]! - lo) * scale;
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { data: out, width: grey.width, height: grey.height };
}

/** Otsu's global threshold: the level that best separates the two luminance populations. */
export function otsuThreshold(grey: GreyImage): number {
  const hist = histogram(grey);
  const n = grey.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let sumB = 0;
  let wB = 0;
  let best = 127;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/** Pure black/white at the Otsu level: removes JPEG ringing and soft blur that confuse jsQR's local binarizer. */
export function binarizeOtsu(grey: GreyImage): GreyImage {
  const t = otsuThreshold(grey);
  const out = new Uint8Array(grey.data.length);
  for (let i = 0; i < out.length; i++) out[i] = grey.data[i]! > t ? 255 : 0;
  return { data: out, width: grey.width, height: grey.height };
}
