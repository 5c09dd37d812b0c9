import { describe, expect, it } from 'vitest';
import { ClockService, MIN_INTERVAL_MS } from '@/lib/background/clock-service';
import { MemoryArea } from '../helpers/memory-area';

const O = 'https://m2mmanager.matooma.com';
const T0 = Date.parse('2026-11-28T09:00:00Z');

function setup(options: { skewMs?: number; access?: boolean; status?: 'ok' | 'redirect' } = {}) {
  let now = T0;
  const calls: { url: string; init: RequestInit }[] = [];
  const area = new MemoryArea();
  const clock = new ClockService({
    area,
    now: () => now,
    hasHostAccess: () => Promise.resolve(options.access ?? true),
    fetch: (url, init) => {
      calls.push({ url, init });
      const date = new Date(now + (options.skewMs ?? 0)).toUTCString();
      return Promise.resolve({
        type: options.status === 'redirect' ? ('opaqueredirect' as const) : ('basic' as const),
        headers: new Headers(options.status === 'redirect' ? {} : { date }),
      });
    },
  });
  return { clock, calls, area, advance: (ms: number) => (now += ms) };
}

describe('ClockService', () => {
  it('measures the bound origin with a cookie-less HEAD, then shifts its codes', async () => {
    const { clock, calls } = setup({ skewMs: 90_000 });
    await clock.beforeFill(O);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${O}/`);
    expect(calls[0]!.init).toMatchObject({ method: 'HEAD', credentials: 'omit', redirect: 'manual' });
    expect(Math.abs((await clock.correction(O)) - 90_000)).toBeLessThanOrEqual(1000);
    expect(await clock.correction('https://other.example')).toBe(0);
  });

  it.each([
    ['checks turned off', { access: true }, true],
    ['no host access', { access: false }, false],
  ])('%s: no request at all', async (_what, options, turnOff) => {
    const { clock, calls } = setup({ skewMs: 90_000, ...options });
    if (turnOff) await clock.setEnabled(false);
    await clock.beforeFill(O);
    await clock.checkAll([O]);
    expect(calls).toHaveLength(0);
    expect(await clock.correction(O)).toBe(0);
  });

  it('asks at most once per site per hour, and again when the measure is stale', async () => {
    const { clock, calls, advance } = setup({ status: 'redirect' });
    await clock.beforeFill(O);
    await clock.beforeFill(O);
    advance(MIN_INTERVAL_MS - 1);
    await clock.beforeFill(O);
    expect(calls).toHaveLength(1);
    advance(1);
    await clock.beforeFill(O);
    expect(calls).toHaveLength(2);
  });

  it('a fresh measure is not taken again until 24 h later', async () => {
    const { clock, calls, advance } = setup({ skewMs: 47_000 });
    await clock.beforeFill(O);
    advance(23 * 3_600_000);
    await clock.beforeFill(O);
    expect(calls).toHaveLength(1);
    advance(3_600_000);
    await clock.beforeFill(O);
    expect(calls).toHaveLength(2);
  });

  it.each([
    [47_000, 'adjusted', 47_000],
    [20 * 60_000, 'out-of-bounds', 0],
  ])('skew %i: notice %s once, codes shifted by about %i', async (skew, kind, shift) => {
    const { clock } = setup({ skewMs: skew });
    await clock.beforeFill(O);
    expect(await clock.takeNotice()).toMatchObject({ origin: O, kind });
    expect(await clock.takeNotice()).toBeNull();
    expect(Math.abs((await clock.correction(O)) - shift)).toBeLessThanOrEqual(1000);
  });

  it('a small skew: no notice, no shift', async () => {
    const { clock } = setup({ skewMs: 3_000 });
    await clock.beforeFill(O);
    expect(await clock.takeNotice()).toBeNull();
    expect(await clock.correction(O)).toBe(0);
  });

  it('a manual offset applies without any request', async () => {
    const { clock, calls } = setup();
    await clock.setEnabled(false);
    await clock.setManual(O, -30_000);
    expect(await clock.correction(O)).toBe(-30_000);
    expect((await clock.status([]))[0]).toMatchObject({
      origin: O,
      manualMs: -30_000,
      correctionMs: -30_000,
    });
    expect(calls).toHaveLength(0);
  });
});
