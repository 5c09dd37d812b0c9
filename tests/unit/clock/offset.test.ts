import { describe, expect, it } from 'vitest';
import { correctionFor, estimateOffset, isStale, judgeOffset } from '@/lib/clock/offset';

const T = Date.parse('2026-11-28T09:00:00Z');
const header = (ms: number) => new Date(ms).toUTCString();

describe('estimateOffset', () => {
  it.each([
    // [what, server Date (ms, truncated to the second by the header), sent, received, expected]
    ['same clock, instant reply', T, T, T, 500],
    ['same clock, 400 ms round trip', T, T - 200, T + 200, 500],
    ['computer 47 s slow', T + 47_000, T, T + 100, 47_450],
    ['computer 90 s fast', T - 90_000, T, T + 1000, -90_000],
    ['header sub-second part is lost', T + 999, T, T, 500],
  ])('%s', (_what, server, sent, received, expected) => {
    expect(estimateOffset(header(server), sent, received)).toBe(expected);
  });

  it.each([
    ['no header', null, T, T],
    ['empty header', '', T, T],
    ['garbage', 'yesterday-ish', T, T],
    ['received before sent', header(T), T, T - 1],
    ['not a number', header(T), Number.NaN, T],
  ])('%s: no estimate', (_what, value, sent, received) => {
    expect(estimateOffset(value, sent, received)).toBeUndefined();
  });
});

describe('judgeOffset and correctionFor', () => {
  it.each([
    [0, 'ok', 0],
    [9_999, 'ok', 0],
    [-9_999, 'ok', 0],
    [10_000, 'adjusted', 10_000],
    [-47_000, 'adjusted', -47_000],
    [90_000, 'adjusted', 90_000],
    [15 * 60_000, 'adjusted', 15 * 60_000],
    [15 * 60_000 + 1, 'out-of-bounds', 0],
    [-20 * 60_000, 'out-of-bounds', 0],
  ])('%i ms: %s, codes shifted by %i', (offset, kind, correction) => {
    expect(judgeOffset(offset).kind).toBe(kind);
    expect(correctionFor(offset)).toBe(correction);
  });

  it.each([undefined, Number.NaN, Number.POSITIVE_INFINITY])('%s: no correction', (offset) => {
    expect(correctionFor(offset)).toBe(0);
  });
});

describe('isStale', () => {
  const H = 3_600_000;
  it.each([
    [T, T, false],
    [T - 23 * H, T, false],
    [T - 24 * H + 1, T, false],
    [T - 24 * H, T, true],
    [T - 48 * H, T, true],
    // Measured "in the future": the local clock jumped back; measure again.
    [T + 16 * 60_000, T, true],
  ])('measured at %i, now %i: stale %s', (measuredAt, now, stale) => {
    expect(isStale(measuredAt, now)).toBe(stale);
  });
});
