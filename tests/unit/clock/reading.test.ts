import { describe, expect, it } from 'vitest';
import { clockReading } from '@/lib/clock/reading';

describe('clockReading: what the settings page says was measured', () => {
  it.each([
    [undefined, undefined, { kind: 'unmeasured' }],
    [0, 'ok', { kind: 'in-time' }],
    [2_000, 'ok', { kind: 'in-time' }],
    [-1_900, 'ok', { kind: 'in-time' }],
    [5_000, 'ok', { kind: 'within', direction: 'slow', seconds: 5 }],
    [-5_400, 'ok', { kind: 'within', direction: 'fast', seconds: 5 }],
    [2_600, 'ok', { kind: 'within', direction: 'slow', seconds: 3 }],
    [12_000, 'adjusted', { kind: 'adjusted', direction: 'slow', seconds: 12 }],
    [-40_000, 'adjusted', { kind: 'adjusted', direction: 'fast', seconds: 40 }],
    [1_000_000, 'out-of-bounds', { kind: 'too-far', seconds: 1000 }],
    [Number.NaN, 'ok', { kind: 'unmeasured' }],
  ] as const)('%s ms, %s', (offsetMs, verdict, reading) => {
    expect(clockReading(offsetMs, verdict)).toEqual(reading);
  });
});
