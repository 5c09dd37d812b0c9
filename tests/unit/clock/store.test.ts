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
  ])('%s', (_what, entry, expected) => {
    expect(correctionForOrigin(state(entry), O, T)).toBe(expected);
    expect(correctionForOrigin(state(entry), 'https://other.example', T)).toBe(0);
    expect(correctionForOrigin(state(entry), undefined, T)).toBe(0);
  });
});

describe('clock store', () => {
  it('round-trips per origin, defaults to enabled, keeps only numbers', async () => {
    const area = new MemoryArea();
    expect(await loadClock(area)).toEqual({ checkEnabled: true, origins: {} });
    await updateClock(area, (s) => setEntry(s, O, { offsetMs: 47_000, measuredAt: T }));
    await updateClock(area, (s) => ({ ...setEntry(s, O, { manualMs: 1000 }), checkEnabled: false }));
    expect(await loadClock(area)).toEqual({
      checkEnabled: false,
      origins: { [O]: { offsetMs: 47_000, measuredAt: T, manualMs: 1000 } },
    });
    await updateClock(area, (s) => setEntry(s, O, { manualMs: undefined }));
    expect((await loadClock(area)).origins[O]).toEqual({ offsetMs: 47_000, measuredAt: T });
  });

  it.each([
    ['a string', 'x'],
    ['null', null],
    ['junk entries', { origins: { [O]: { offsetMs: 'soon', measuredAt: null, secret: 'JBSW' } } }],
  ])('tolerates %s in storage', async (_what, stored) => {
    const area = new MemoryArea();
    await area.set({ clock: stored });
    const state = await loadClock(area);
    expect(state.checkEnabled).toBe(true);
    expect(Object.values(state.origins).every((e) => Object.keys(e).length === 0)).toBe(true);
  });
});
