import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../../../lib/qr';
import { buildQrCorpus, type QrCase } from '../../corpus/qr/generate';

const corpus = buildQrCorpus();

/**
 * Cases decodeQr may miss (it must still never return a wrong text there). Kept small, each
 * with the reason; the last test fails if one of them starts decoding, so the list stays honest.
 */
const KNOWN_LIMITS = new Map<string, string>([
  [
    'blur gaussian 3.5 module 8',
    'σ = 3.5 px blur over 8 px modules smears the finder patterns beyond the 1:1:3:1:1 tolerance of jsQR; ' +
      'stretch, Otsu, 2× down/upscaling were tried and do not recover it (plain jsQR fails too).',
  ],
]);

const sameSet = (got: string[], expected: string[]) =>
  got.length === expected.length && expected.every((t) => got.includes(t));

const ours = new Map<string, string[]>();
function decodeOnce(c: QrCase): string[] {
  let got = ours.get(c.name);
  if (!got) {
    got = decodeQr(c.image);
    ours.set(c.name, got);
  }
  return got;
}

describe('decodeQr on the generated corpus', () => {
  it('has unique case names and covers every family', () => {
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
    for (const family of [
      'module',
      'inverted',
      'colour',
      'blur',
      'jpeg',
      'scaled',
      'rotated',
      'dpr',
      'transparent',
      'page',
      'two codes',
      'negative',
    ]) {
      expect(corpus.some((c) => c.name.startsWith(family))).toBe(true);
    }
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const got = decodeOnce(c);
    // Never a wrong text, whatever the case.
    for (const text of got) expect(c.expected).toContain(text);
    expect(new Set(got).size).toBe(got.length);
    if (KNOWN_LIMITS.has(name)) return;
    expect([...got].sort()).toEqual([...c.expected].sort());
  });

  it('decodes strictly more of the corpus than plain jsQR, and never a wrong text', () => {
    let oursOk = 0;
    let jsqrOk = 0;
    let wrong = 0;
    for (const c of corpus) {
      const got = decodeOnce(c);
      if (sameSet(got, c.expected)) oursOk++;
      wrong += got.filter((t) => !c.expected.includes(t)).length;
      const plain = jsQR(c.image.data, c.image.width, c.image.height);
      if (sameSet(plain ? [plain.data] : [], c.expected)) jsqrOk++;
    }
    console.log(`QR corpus: decodeQr ${oursOk}/${corpus.length}, plain jsQR ${jsqrOk}/${corpus.length}`);
    expect(wrong).toBe(0);
    expect(oursOk).toBeGreaterThan(jsqrOk);
    expect(oursOk).toBe(corpus.length - KNOWN_LIMITS.size);
  });

  it('yields both texts of every two-code frame (a URL and an otpauth URI)', () => {
    const pairs = corpus.filter((c) => c.name.startsWith('two codes'));
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const c of pairs) {
      expect(c.expected.some((t) => t.startsWith('https://'))).toBe(true);
      expect(c.expected.some((t) => t.startsWith('otpauth://'))).toBe(true);
      expect([...decodeOnce(c)].sort()).toEqual([...c.expected].sort());
    }
  });

  it('keeps the known-limits list small and accurate', () => {
    expect(KNOWN_LIMITS.size).toBeLessThanOrEqual(3);
    for (const name of KNOWN_LIMITS.keys()) {
      const c = corpus.find((k) => k.name === name);
      expect(c, name).toBeDefined();
      // Still a limit: if it decodes now, move it out of the list.
      expect(sameSet(decodeOnce(c!), c!.expected), name).toBe(false);
    }
  });
});
