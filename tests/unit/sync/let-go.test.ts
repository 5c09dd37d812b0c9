/** The memory of let-go keys: one entry per key, bounded, the same whatever the order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLetGo, MAX_LET_GO, type LetGoKey } from '@/lib/sync/let-go';

const key = (n: number, counter: number, at: number): LetGoKey => ({
  digest: `D${String(n).padStart(10, '0')}`,
  counter,
  at,
});

describe('joinLetGo', () => {
  it.each<[string, LetGoKey[], string[], LetGoKey[]]>([
    [
      'one key seen twice: its highest counter, its latest let-go',
      [key(1, 4, 10), key(1, 9, 5)],
      [],
      [key(1, 9, 10)],
    ],
    [
      'a key held again is forgotten (its counter travels with it)',
      [key(1, 4, 10), key(2, 0, 10)],
      [key(1, 0, 0).digest],
      [key(2, 0, 10)],
    ],
    [
      'sorted by digest',
      [key(3, 0, 1), key(1, 0, 2), key(2, 0, 3)],
      [],
      [key(1, 0, 2), key(2, 0, 3), key(3, 0, 1)],
    ],
  ])('%s', (_name, keys, held, expected) => {
    expect(joinLetGo(keys, new Set(held))).toEqual(expected);
  });

  it(`keeps the ${MAX_LET_GO} let go most recently`, () => {
    const keys = Array.from({ length: MAX_LET_GO + 3 }, (_, n) => key(n, 0, n * 1000));
    const kept = joinLetGo(keys);
    expect(kept).toHaveLength(MAX_LET_GO);
    expect(kept.map((k) => k.at).sort((a, b) => a - b)[0]).toBe(3000);
  });

  it('gives the same memory whatever the order and grouping of its inputs, within the bound', () => {
    // Within the bound, merges in any order agree; beyond it, the oldest go first.
    const entry = fc.record({
      digest: fc.constantFrom(...Array.from({ length: MAX_LET_GO }, (_, n) => key(n, 0, 0).digest)),
      counter: fc.nat(50),
      at: fc.nat(30),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.array(entry, { maxLength: 40 }), (a, b) => {
        const whole = joinLetGo([...a, ...b]);
        expect(joinLetGo([...b, ...a])).toEqual(whole);
        expect(joinLetGo([...joinLetGo(a), ...joinLetGo(b)])).toEqual(whole);
      }),
    );
  });
});
