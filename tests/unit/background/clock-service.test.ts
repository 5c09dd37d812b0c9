import { describe, expect, it } from 'vitest';
import { ClockService, MIN_INTERVAL_MS } from '@/lib/background/clock-service';
import { POLICY } from '@/lib/background/policy';
import { loadClock } from '@/lib/clock/store';
import { SANDBOX_CLOCK_ORIGINS } from '@/lib/clock/trust';
import type { Policies } from '@/lib/policy/reader';
import { MemoryArea } from '../helpers/memory-area';

const O = 'https://m2mmanager.matooma.com';
const T0 = Date.parse('2026-11-28T09:00:00Z');

function setup(
  options: {
    /** The site's Date skew; a list gives one per request (the last one repeats; null: no Date). */
    skewMs?: number | (number | null)[];
    access?: boolean;
    status?: 'ok' | 'redirect';
    httpClockOrigins?: readonly string[];
    policies?: Policies;
  } = {},
) {
  let now = T0;
  const calls: { url: string; init: RequestInit }[] = [];
  const area = new MemoryArea();
  let skews: (number | null)[] = [options.skewMs ?? 0].flat();
  const clock = new ClockService({
    area,
    now: () => now,
    hasHostAccess: () => Promise.resolve(options.access ?? true),
    ...(options.httpClockOrigins ? { httpClockOrigins: options.httpClockOrigins } : {}),
    ...(options.policies ? { policies: () => Promise.resolve(options.policies ?? {}) } : {}),
    fetch: (url, init) => {
      calls.push({ url, init });
      const skew = skews[Math.min(calls.length - 1, skews.length - 1)] ?? 0;
      const date = skew === null ? undefined : new Date(now + skew).toUTCString();
      return Promise.resolve({
        type: options.status === 'redirect' ? ('opaqueredirect' as const) : ('basic' as const),
        headers: new Headers(options.status === 'redirect' || !date ? {} : { date }),
      });
    },
  });
  return {
    clock,
    calls,
    area,
    advance: (ms: number) => (now += ms),
    /** From now on the site says this skew (every request). */
    siteSays: (ms: number) => {
      skews = [ms];
      calls.length = 0;
    },
  };
}

describe('ClockService', () => {
  it('measures the bound origin with a cookie-less HEAD, then shifts its codes', async () => {
    const { clock, calls } = setup({ skewMs: 90_000 });
    await clock.beforeFill(O);
    // Two samples, two answers.
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.url).toBe(`${O}/`);
      expect(call.init).toMatchObject({ method: 'HEAD', credentials: 'omit', redirect: 'manual' });
    }
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

  it.each([
    // [the organisation's clockCheck, the user's switch, requests made, enabled as reported]
    ['off', true, 0, false],
    ['on', false, 2, true],
    ['user', false, 0, false],
    ['user', true, 2, true],
    [undefined, true, 2, true],
  ] as const)(
    'clockCheck %s with the user switch %s: %i requests, reported enabled %s',
    async (policy, userOn, requests, enabled) => {
      const { clock, calls } = setup({ skewMs: 90_000, policies: policy ? { clockCheck: policy } : {} });
      await clock.setEnabled(userOn);
      await clock.beforeFill(O);
      expect(calls).toHaveLength(requests);
      await expect(clock.enabled()).resolves.toBe(enabled);
    },
  );

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
    expect(calls).toHaveLength(2);
    advance(3_600_000);
    await clock.beforeFill(O);
    expect(calls).toHaveLength(4);
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

  it.each([
    ['plain http', 'http://m2mmanager.matooma.com', undefined, 0],
    ['plain http, the sandbox host, in a normal build', 'http://m2mmanager.localhost:4100', undefined, 0],
    ['the sandbox, in a sandbox build', 'http://m2mmanager.localhost:4100', SANDBOX_CLOCK_ORIGINS, 2],
  ])('%s: %i requests', async (_what, origin, httpClockOrigins, requests) => {
    const { clock, calls } = setup({ skewMs: 90_000, ...(httpClockOrigins ? { httpClockOrigins } : {}) });
    await clock.beforeFill(origin);
    expect(calls).toHaveLength(requests);
    expect(Math.abs((await clock.correction(origin)) - (requests ? 90_000 : 0))).toBeLessThanOrEqual(1000);
  });

  it.each([
    ['one answer, then one without a Date', [14 * 60_000 + 50_000, null]],
    ['two answers 14 min apart (two servers)', [14 * 60_000 + 50_000, 0]],
    ['two answers 5 s apart', [90_000, 95_000]],
  ])('samples that do not agree decide nothing: %s', async (_what, skews) => {
    const { clock, area } = setup({ skewMs: skews });
    await clock.beforeFill(O);
    expect((await loadClock(area)).origins[O]?.offsetMs).toBeUndefined();
    expect(await clock.correction(O)).toBe(0);
    expect(await clock.question()).toBeNull();
  });

  it.each([
    // [site's Date skew, asked in the popup, codes shifted before an answer]
    [90_000, false, 90_000],
    [-2 * 60_000, false, -2 * 60_000],
    [9 * 60_000, true, 0],
    [14 * 60_000 + 50_000, true, 0],
    [-9 * 60_000, true, 0],
  ])('skew %i: asked %s, codes shifted by about %i until the user answers', async (skew, asked, shift) => {
    const { clock } = setup({ skewMs: skew });
    await clock.beforeFill(O);
    const question = await clock.question();
    expect(question !== null).toBe(asked);
    expect(Math.abs((await clock.correction(O)) - shift)).toBeLessThanOrEqual(1000);
    if (asked) {
      expect(question).toMatchObject({ origin: O });
      expect(Math.abs(question!.offsetMs - skew)).toBeLessThanOrEqual(1000);
      // Not "codes are adjusted": they are not.
      expect(await clock.takeNotice()).toBeNull();
    }
  });

  it('"Use its time": codes shift, the question goes; a later very different measure asks again', async () => {
    const { clock, advance, siteSays } = setup({ skewMs: 9 * 60_000 });
    await clock.beforeFill(O);
    const question = (await clock.question())!;
    // An answer for another offset than the one pending (a measure came in between) is not taken.
    expect(await clock.answer(O, question.offsetMs + 60_000, true)).toBe(false);
    expect(await clock.correction(O)).toBe(0);
    expect(await clock.answer(O, question.offsetMs, true)).toBe(true);
    expect(await clock.correction(O)).toBe(question.offsetMs);
    expect(await clock.question()).toBeNull();
    // The statuses say what codes use.
    expect((await clock.status([O]))[0]).toMatchObject({ correctionMs: question.offsetMs });

    // A day later the site says 14 min: asked again; meanwhile codes keep the offset agreed.
    advance(24 * 3_600_000);
    siteSays(14 * 60_000);
    await clock.beforeFill(O);
    const again = (await clock.question())!;
    expect(Math.abs(again.offsetMs - 14 * 60_000)).toBeLessThanOrEqual(1000);
    expect(await clock.correction(O)).toBe(question.offsetMs);
    expect((await clock.status([O]))[0]).toMatchObject({ held: 'pending' });
  });

  it('"Keep this computer\'s time": codes stay, nothing asked again for that offset', async () => {
    const { clock } = setup({ skewMs: 14 * 60_000 + 50_000 });
    await clock.beforeFill(O);
    const question = (await clock.question())!;
    expect(await clock.answer(O, question.offsetMs, false)).toBe(true);
    expect(await clock.question()).toBeNull();
    expect(await clock.correction(O)).toBe(0);
    expect((await clock.status([O]))[0]).toMatchObject({ held: 'declined', correctionMs: 0 });
    // Nothing pending: a yes now is not taken.
    expect(await clock.answer(O, question.offsetMs, true)).toBe(false);
    expect(await clock.correction(O)).toBe(0);
  });

  it('a manual offset stays as the user set it: no question, whatever the site says', async () => {
    const { clock } = setup({ skewMs: 14 * 60_000 + 50_000 });
    await clock.setManual(O, 30_000);
    await clock.beforeFill(O);
    expect(await clock.question()).toBeNull();
    expect(await clock.correction(O)).toBe(30_000);
    expect(await clock.answer(O, 14 * 60_000 + 50_000, true)).toBe(false);
    expect(await clock.correction(O)).toBe(30_000);
  });

  it("only Twofold's own pages may ask or answer; content scripts only read their skew", () => {
    expect(POLICY['clock:question']).toBe('extension-page');
    expect(POLICY['clock:answer']).toBe('extension-page');
  });
});
