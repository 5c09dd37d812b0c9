import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../../../lib/qr';

describe('decodeQr robustness', () => {
  it('never throws on random small images and returns only strings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('noise', 'blocks', 'flat', 'transparent'),
        (width, height, seed, kind) => {
          const data = new Uint8ClampedArray(width * height * 4);
          let s = seed;
          const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
          for (let i = 0; i < data.length; i++) {
            if (kind === 'noise') data[i] = next();
            else if (kind === 'blocks')
              data[i] =
                (Math.floor(i / 4 / 3) + Math.floor(i / 4 / width / 3)) % 2 ? 255 : next() & 1 ? 0 : 255;
            else if (kind === 'flat') data[i] = seed & 255;
            else data[i] = i % 4 === 3 ? next() & 1 : 0;
          }
          const out = decodeQr({ data, width, height });
          expect(Array.isArray(out)).toBe(true);
          for (const t of out) expect(typeof t).toBe('string');
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  it('returns [] for inconsistent or degenerate inputs instead of throwing', () => {
    const d = new Uint8ClampedArray(16);
    expect(decodeQr({ data: d, width: 3, height: 3 })).toEqual([]); // too short
    expect(decodeQr({ data: d, width: 0, height: 4 })).toEqual([]);
    expect(decodeQr({ data: d, width: -2, height: -2 })).toEqual([]);
    expect(decodeQr({ data: d, width: Number.NaN, height: 1 })).toEqual([]);
    expect(decodeQr({ data: d, width: 1.5, height: 2 })).toEqual([]);
    expect(decodeQr({ data: d, width: 2, height: 2 })).toEqual([]);
    expect(decodeQr({ data: new Uint8ClampedArray(4), width: 1, height: 1 })).toEqual([]);
  });

  it('tolerates a larger buffer than width × height (a reused canvas buffer)', () => {
    expect(decodeQr({ data: new Uint8ClampedArray(4 * 100), width: 5, height: 5 })).toEqual([]);
  });
});

describe('side effects', () => {
  it('leaves jsQR defaults alone (jsQR 1.4.0 keeps the last options it was given)', async () => {
    const { default: jsQR } = await import('jsqr');
    const { invertColors, renderQr } = await import('../../corpus/qr/generate');
    const inverted = invertColors(
      renderQr('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A', { module: 4 }),
    );
    decodeQr(inverted);
    // Plain jsQR inverts by default; it must still do so after decodeQr ran.
    expect(jsQR(inverted.data, inverted.width, inverted.height)?.data).toContain('otpauth://');
  });
});
