import { binarizeOtsu, invert, stretchContrast } from './contrast';
import { decodeGrey } from './jsqr';
import { hasTransparency, isConsistentImage, toLuminance } from './luminance';
import { findQrRegions } from './regions';
import { downscaleGrey, padGrey, upscaleGrey } from './resample';
import type { GreyImage, Rect, RgbaImage } from './types';

/** Each preprocessing step can be switched off, so the corpus can measure what it pays. */
export interface DecodeSteps {
  /** Composite transparent pixels onto white (otherwise alpha is ignored, as jsQR does). */
  flatten: boolean;
  /** Pad every jsQR input with a light border (missing quiet zone). Measured: no gain, off by default. */
  quietZone: boolean;
  /** Locate candidate regions in large frames and decode each crop. */
  regions: boolean;
  /** Try the inverted image (light modules on a dark background). */
  invert: boolean;
  /** Flatten transparency onto black too when white gives nothing (light code on transparent). */
  alphaOnBlack: boolean;
  /** Percentile contrast stretch (grey on grey, white on a brand colour). */
  stretch: boolean;
  /** Otsu global threshold (JPEG noise, blur). Measured: no gain on the corpus, off by default. */
  otsu: boolean;
  /** 2× box downscale of big crops (noise averaging, fewer pixels). */
  downscale: boolean;
  /** 2× bilinear upscale of small crops (tiny blurred modules). Measured: no gain, off by default. */
  upscale: boolean;
  /** Decode the whole frame when no region gave anything. */
  fallback: boolean;
}

export const DEFAULT_STEPS: Readonly<DecodeSteps> = {
  flatten: true,
  quietZone: false,
  regions: true,
  invert: true,
  alphaOnBlack: true,
  stretch: true,
  otsu: false,
  downscale: true,
  upscale: false,
  fallback: true,
};

/** Frames up to this area are decoded whole: region finding only pays on large frames. */
const REGION_MIN_PIXELS = 640 * 640;
/**
 * jsQR inputs are kept under this many pixels so huge crops and frames stay bounded; a full-HD
 * frame still fits, so its 2 px modules survive.
 */
const MAX_PIXELS = 1920 * 1088;
/** Small crops get the upscale step. */
const UPSCALE_MAX_SIDE = 320;

function expand(rect: Rect, grey: Rect): Rect {
  const m = Math.round(Math.max(8, 0.08 * Math.max(rect.width, rect.height)));
  const x = Math.max(0, rect.x - m);
  const y = Math.max(0, rect.y - m);
  return {
    x,
    y,
    width: Math.min(grey.width, rect.x + rect.width + m) - x,
    height: Math.min(grey.height, rect.y + rect.height + m) - y,
  };
}

/** A light border sized to the crop, standing in for a missing quiet zone. */
function withQuietZone(grey: GreyImage, steps: DecodeSteps): GreyImage {
  if (!steps.quietZone) return grey;
  return padGrey(grey, Math.min(48, Math.max(8, Math.round(0.06 * Math.max(grey.width, grey.height)))));
}

/** True when the crop's border is darker than its inside: a light-on-dark code, tried inverted first. */
function looksInverted(grey: GreyImage): boolean {
  const { data, width, height } = grey;
  let border = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    border += data[x]! + data[(height - 1) * width + x]!;
    count += 2;
  }
  for (let y = 0; y < height; y++) {
    border += data[y * width]! + data[y * width + width - 1]!;
    count += 2;
  }
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]!;
  return border / count < sum / data.length;
}

/** Tries the image in its likely polarity, then (in thorough mode) the other one. */
function tryPolarities(grey: GreyImage, steps: DecodeSteps, both: boolean): string | null {
  const inverted = steps.invert && looksInverted(grey);
  const first = decodeGrey(withQuietZone(inverted ? invert(grey) : grey, steps));
  if (first !== null || !both || !steps.invert) return first;
  return decodeGrey(withQuietZone(inverted ? grey : invert(grey), steps));
}

/**
 * Decodes one crop: the plain pixels in their likely polarity first (cheap and usually enough),
 * then, only when `thorough` (nothing cheaper found a code), the other polarity and the costlier
 * normalisations.
 */
function decodeCrop(crop: GreyImage, steps: DecodeSteps, thorough: boolean): string | null {
  let grey = crop;
  // Bounded work: only beyond full HD, where codes are drawn with big modules (e.g. a 4K screen).
  if (area(grey) > MAX_PIXELS) grey = downscaleGrey(grey, Math.ceil(Math.sqrt(area(grey) / MAX_PIXELS)));
  const plain = tryPolarities(grey, steps, thorough);
  if (plain !== null || !thorough) return plain;
  const attempt = (g: GreyImage) => tryPolarities(g, steps, true);
  if (steps.stretch) {
    const text = attempt(stretchContrast(grey)) ?? attempt(stretchContrast(grey, 0.02, true));
    if (text !== null) return text;
  }
  if (steps.otsu) {
    const text = attempt(binarizeOtsu(grey));
    if (text !== null) return text;
  }
  if (steps.downscale && Math.min(grey.width, grey.height) >= 200) {
    const small = downscaleGrey(grey, 2);
    const text = attempt(small) ?? (steps.otsu ? attempt(binarizeOtsu(small)) : null);
    if (text !== null) return text;
  }
  if (steps.upscale && Math.max(grey.width, grey.height) <= UPSCALE_MAX_SIDE) {
    const text = attempt(upscaleGrey(steps.stretch ? stretchContrast(grey) : grey, 2));
    if (text !== null) return text;
  }
  return null;
}

function area(r: { width: number; height: number }): number {
  return r.width * r.height;
}

function decodeWithBackground(
  image: RgbaImage,
  background: 0 | 255,
  steps: DecodeSteps,
  found: Set<string>,
): void {
  const whole: Rect = { x: 0, y: 0, width: image.width, height: image.height };
  const large = area(image) > REGION_MIN_PIXELS;
  const candidates: GreyImage[] = [];
  // A small image is usually a tight crop of one code: decode it whole, first.
  if (!large || !steps.regions) candidates.push(toLuminance(image, background));
  if (steps.regions) {
    for (const r of findQrRegions(image, { background })) {
      const rect = expand(r, whole);
      // A region covering most of a small image would repeat the whole-image attempt.
      if (!large && area(rect) > 0.6 * area(image)) continue;
      candidates.push(toLuminance(image, background, rect));
    }
  }
  // Cheap pass over every candidate, so two codes in one frame both decode.
  const failed: GreyImage[] = [];
  for (const crop of candidates) {
    const text = decodeCrop(crop, steps, false);
    if (text !== null) found.add(text);
    else failed.push(crop);
  }
  if (found.size > 0) return;
  // Nothing yet: the other polarity and the costlier normalisations, candidate by candidate.
  for (const crop of failed) {
    const text = decodeCrop(crop, steps, true);
    if (text !== null) found.add(text);
  }
  // Last resort on large frames, kept cheap: the whole frame (a region may have cut a code).
  if (found.size === 0 && large && steps.regions && steps.fallback) {
    const grey = toLuminance(image, background);
    const text = tryPolarities(
      area(grey) > MAX_PIXELS ? downscaleGrey(grey, Math.ceil(Math.sqrt(area(grey) / MAX_PIXELS))) : grey,
      steps,
      true,
    );
    if (text !== null) found.add(text);
  }
}

function opaque(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let p = 3; p < data.length; p += 4) data[p] = 255;
  return { data, width: image.width, height: image.height };
}

/** `decodeQr` with chosen preprocessing steps (for measurements); same guarantees. */
export function decodeQrWith(image: RgbaImage, steps: Readonly<DecodeSteps> = DEFAULT_STEPS): string[] {
  try {
    if (!isConsistentImage(image)) return [];
    const found = new Set<string>();
    // Measurement only: without flattening, alpha is ignored as plain jsQR does.
    if (!steps.flatten) image = opaque(image);
    decodeWithBackground(image, 255, steps, found);
    if (found.size === 0 && steps.alphaOnBlack && hasTransparency(image)) {
      decodeWithBackground(image, 0, steps, found);
    }
    return [...found];
  } catch {
    // Defensive: a decoder bug must never break the content script.
    return [];
  }
}

/**
 * Every QR text found in the image, de-duplicated, in discovery order; empty when none.
 * Only texts jsQR decoded (Reed–Solomon checked) and that pass a plausibility filter.
 */
export function decodeQr(image: RgbaImage): string[] {
  return decodeQrWith(image, DEFAULT_STEPS);
}
