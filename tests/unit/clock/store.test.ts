import { describe, expect, it } from 'vitest';
import { correctionForOrigin, loadClock, setEntry, updateClock, type ClockState } from '@/lib/clock/store';
import { MemoryArea } from '../helpers/memory-area';

const T = Date.parse('2026-11-28T09:00:00Z');
const O = 'https://m2mmanager.matooma.com';
const H = 3_600_000;

describe('correctionForOrigin', () => {
  const state = (entry: ClockState['origins'][string]): ClockState => ({
    checkEnabled: true,
    origins: { [O]: entry },
  });
  it.each([
    ['nothing known', {}, 0],
    ['fresh measure, adjusted', { offsetMs: 47_000, measuredAt: T - H }, 47_000],
    ['fresh measure, below threshold', { offsetMs: 4_000, measuredAt: T - H }, 0],
    ['fresh measure, out of bounds', { offsetMs: 20 * 60_000, measuredAt: T }, 0],
    ['stale measure', { offsetMs: 47_000, measuredAt: T - 25 * H }, 0],
    ['manual wins over a measure', { offsetMs: 47_000, measuredAt: T, manualMs: -30_000 }, -30_000],
    ['manual below the threshold still applies', { manualMs: 5_000 }, 5_000],
    ['manual out of bounds is ignored', { manualMs: 16 * 60_000 }, 0],
    ['fresh measure beyond 2 min, not agreed: computer time', { offsetMs: 9 * 60_000, measuredAt: T }, 0],
    [
      'fresh measure beyond 2 min, agreed in the popup',
      { offsetMs: 9 * 60_000, measuredAt: T, consentMs: 9 * 60_000 },
      9 * 60_000,
    ],
    // The user set it: no question, whatever the site says.
    [
      'manual wins over a pending measure',
      { offsetMs: 9 * 60_000, measuredAt: T, manualMs: 3 * 60_000 },
      3 * 60_000,
    ],
  ])('%s', (_what, entry, expected) => {
    expect(correctionForOrigin(state(entry), O, T, true)).toBe(expected);
    expect(correctionForOrigin(state(entry), 'https://other.example', T, true)).toBe(0);
    expect(correctionForOrigin(state(entry), undefined, T, true)).toBe(0);
  });

  it.each([
    ['a measure', { offsetMs: 47_000, measuredAt: T - H }, 0],
    ['a manual offset still applies', { manualMs: -30_000 }, -30_000],
  ])('an origin whose clock is not trusted (http): %s', (_what, entry, expected) => {
    expect(correctionForOrigin(state(entry), O, T, false)).toBe(expected);
  });
});

describe('clock store', () => {
  it('round-trips per origin, defaults to enabled, keeps only numbers', async () => {
    const area = new MemoryArea();
    expect(await loadClock(area)).toEqual({ checkEnabled: true, origins: {} });
    await updateClock(area, (s) => setEntry(s, O, { offsetMs: 47_000, measuredAt: T }));
    await updateClock(area, (s) => ({ ...setEntry(s, O, { manualMs: 1000 }), checkEnabled: false }));
    await updateClock(area, (s) => setEntry(s, O, { consentMs: 540_000, declinedMs: -540_000 }));
    expect(await loadClock(area)).toEqual({
      checkEnabled: false,
      origins: {
        [O]: { offsetMs: 47_000, measuredAt: T, manualMs: 1000, consentMs: 540_000, declinedMs: -540_000 },
      },
    });
    await updateClock(area, (s) => setEntry(s, O, { consentMs: undefined, declinedMs: undefined }));
    await updateClock(area, (s) => setEntry(s, O, { manualMs: undefined }));
    expect((await loadClock(area)).origins[O]).toEqual({ offsetMs: 47_000, measuredAt: T });
  });

  it.each([
    ['a string', 'x'],
    ['null', null],
    [
      'junk entries',
      { origins: { [O]: { offsetMs: 'soon', measuredAt: null, secret: 'JBSW', consentMs: '9' } } },
    ],
  ])('tolerates %s in storage', async (_what, stored) => {
    const area = new MemoryArea();
    await area.set({ clock: stored });
    const state = await loadClock(area);
    expect(state.checkEnabled).toBe(true);
    expect(Object.values(state.origins).every((e) => Object.keys(e).length === 0)).toBe(true);
  });
});
