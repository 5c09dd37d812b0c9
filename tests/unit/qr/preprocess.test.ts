import { describe, expect, it } from 'vitest';
import {
  cropGrey,
  decodeGrey,
  downscaleGrey,
  findQrRegions,
  hasTransparency,
  invert,
  isPlausibleText,
  padGrey,
  scanLineCoverage,
  stretchContrast,
  toLuminance,
  upscaleGrey,
} from '../../../lib/qr';
import type { GreyImage } from '../../../lib/qr';
import {
  CLEAR,
  BLACK,
  WHITE,
  drawImage,
  drawText,
  newImage,
  pageFrame,
  prng,
  renderQr,
} from '../../corpus/qr/generate';

const URI = 'otpauth://totp/M2Mmanager:jane.doe%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=M2Mmanager';
const grey = (values: number[], width = values.length): GreyImage => ({
  data: Uint8Array.from(values),
  width,
  height: values.length / width,
});

describe('luminance', () => {
  it('keeps white at 255 and black at 0', () => {
    const img = newImage(2, 1, WHITE);
    img.data.set([0, 0, 0, 255], 4);
    expect([...toLuminance(img).data]).toEqual([255, 0]);
  });

  it('flattens transparent pixels (rgb 0, alpha 0) onto white, or black on request', () => {
    const img = newImage(2, 1, CLEAR);
    img.data.set(BLACK, 4);
    expect([...toLuminance(img).data]).toEqual([255, 0]);
    expect([...toLuminance(img, 0).data]).toEqual([0, 0]);
    expect(hasTransparency(img)).toBe(true);
    expect(hasTransparency(newImage(4, 4, WHITE))).toBe(false);
  });

  it('converts only the requested rectangle', () => {
    const img = newImage(4, 4, WHITE);
    img.data.set(BLACK, (1 * 4 + 2) * 4);
    const g = toLuminance(img, 255, { x: 2, y: 1, width: 2, height: 2 });
    expect([g.width, g.height, ...g.data]).toEqual([2, 2, 0, 255, 255, 255]);
  });
});

describe('contrast and resampling', () => {
  it('stretches a grey-on-grey image to the full range', () => {
    const s = stretchContrast(grey([110, 140, 110, 140]));
    expect([...s.data]).toEqual([0, 255, 0, 255]);
  });

  it('inverts', () => {
    expect([...invert(grey([0, 10, 255])).data]).toEqual([255, 245, 0]);
  });

  it('crops, pads, downscales and upscales with the expected sizes', () => {
    const g = grey(
      [...Array(16).keys()].map((v) => v * 16),
      4,
    );
    expect(cropGrey(g, { x: 1, y: 1, width: 2, height: 2 }).data).toEqual(
      Uint8Array.from([80, 96, 144, 160]),
    );
    const p = padGrey(g, 2);
    expect([p.width, p.height, p.data[0], p.data[2 * 8 + 2]]).toEqual([8, 8, 255, 0]);
    const d = downscaleGrey(g, 2);
    expect([d.width, d.height, d.data[0]]).toEqual([2, 2, (0 + 16 + 64 + 80) / 4]);
    const u = upscaleGrey(g, 2);
    expect([u.width, u.height]).toEqual([8, 8]);
  });
});

describe('region finder', () => {
  it('finds each of two codes in a 1920×1080 page as its own region', () => {
    const a = renderQr('https://m2mmanager.example.com/help/2fa', { module: 3 });
    const b = renderQr(URI, { module: 3 });
    const frame = pageFrame(11, [{ image: a }, { image: b }], { dialog: true });
    const regions = findQrRegions(frame);
    const texts = regions
      .map((r) =>
        decodeGrey(
          padGrey(
            toLuminance(frame, 255, { x: r.x - 8, y: r.y - 8, width: r.width + 16, height: r.height + 16 }),
            16,
          ),
        ),
      )
      .filter((t) => t !== null);
    expect(new Set(texts)).toEqual(new Set(['https://m2mmanager.example.com/help/2fa', URI]));
  });

  it('scores a code near 1 and a paragraph of text well below', () => {
    const img = newImage(600, 300, WHITE);
    drawImage(img, renderQr(URI, { module: 3, quiet: 0 }), 20, 20);
    drawText(img, prng(3), 300, 20, 280, 10, BLACK);
    expect(scanLineCoverage(img, { x: 20, y: 20, width: 140, height: 140 })).toBeGreaterThan(0.9);
    expect(scanLineCoverage(img, { x: 300, y: 20, width: 280, height: 220 })).toBeLessThan(0.6);
  });
});

describe('sanity filter', () => {
  it('accepts URIs and rejects empty or control-character texts', () => {
    expect(isPlausibleText(URI)).toBe(true);
    expect(isPlausibleText('café\nline two')).toBe(true);
    expect(isPlausibleText('')).toBe(false);
    expect(isPlausibleText('ab\u0000c')).toBe(false);
    expect(isPlausibleText('bad\ufffd')).toBe(false);
  });
});

describe('corpus generator', () => {
  it('is deterministic', () => {
    const a = pageFrame(5, [{ image: renderQr(URI, { module: 2.5 }) }], { dialog: true });
    const b = pageFrame(5, [{ image: renderQr(URI, { module: 2.5 }) }], { dialog: true });
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  });
});

describe('toLuminance matches jsQR’s own greyscale', () => {
  it('for every one of 20 000 random colours (BT.709, rounded as a Uint8ClampedArray stores)', () => {
    const n = 20_000;
    const data = new Uint8ClampedArray(n * 4);
    let seed = 1;
    for (let i = 0; i < data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[i] = i % 4 === 3 ? 255 : seed >>> 24;
    }
    const grey = toLuminance({ data, width: n, height: 1 });
    const jsqr = new Uint8ClampedArray(n);
    for (let i = 0; i < n; i++) {
      jsqr[i] = 0.2126 * data[i * 4]! + 0.7152 * data[i * 4 + 1]! + 0.0722 * data[i * 4 + 2]!;
    }
    expect([...grey.data]).toEqual([...jsqr]);
  });
});
