import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, observe, tick, type Hlc } from '@/lib/sync/hlc';

describe('hybrid logical clock', () => {
  it('ticks forward even when the physical clock goes back', () => {
    const a = tick(undefined, 'AAAA', 1000);
    const b = tick(a, 'AAAA', 500);
    const c = tick(b, 'AAAA', 2000);
    expect(compareHlc(b, a)).toBeGreaterThan(0);
    expect(b).toEqual({ wall: 1000, count: 1, device: 'AAAA' });
    expect(c).toEqual({ wall: 2000, count: 0, device: 'AAAA' });
  });

  it('is after everything it has observed, even from a clock ahead of ours', () => {
    const remote: Hlc = { wall: 9000, count: 4, device: 'BBBB' };
    const seen = observe(tick(undefined, 'AAAA', 1000), remote, 'AAAA', 1000);
    expect(compareHlc(tick(seen, 'AAAA', 1000), remote)).toBeGreaterThan(0);
  });

  it.each([
    [{ wall: 5, count: 0, device: 'AAAA' }, { wall: 5, count: 0, device: 'AAAB' }, -1],
    [{ wall: 5, count: 1, device: 'AAAA' }, { wall: 5, count: 0, device: 'zzzz' }, 1],
    [{ wall: 4, count: 9, device: 'zzzz' }, { wall: 5, count: 0, device: 'AAAA' }, -1],
  ])('orders %o against %o (device id breaks ties)', (a, b, sign) => {
    expect(Math.sign(compareHlc(a, b))).toBe(sign);
    expect(Math.sign(compareHlc(b, a))).toBe(-sign);
  });

  it.each([
    { wall: 0, count: 0, device: 'AAAA' },
    { wall: Date.UTC(2026, 10, 28), count: 0, device: 'x-_9' },
    { wall: Date.UTC(2100, 0, 1), count: 1295, device: 'Zz09' },
  ])('round-trips %o in at most 15 characters', (hlc) => {
    const text = encodeHlc(hlc);
    expect(text.length).toBeLessThanOrEqual(15);
    expect(decodeHlc(text)).toEqual(hlc);
  });

  it.each(['', 'AAAAAAA', 'AAAAAAAAAAA0', 'AAAAAAAAAA!A', 'AAAAAAAAAAA-1'])('refuses %j', (text) => {
    expect(() => decodeHlc(text)).toThrow();
  });
});
