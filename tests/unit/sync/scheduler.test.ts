import { describe, expect, it } from 'vitest';
import { WriteScheduler, type SchedulerMemory, type Timers } from '@/lib/sync/scheduler';

/** Manual time: timers fire only when the test advances the clock. */
class ManualTime implements Timers {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private serial = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.serial;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      this.timers.sort((x, y) => x.at - y.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.now = next.at;
      next.callback();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    this.now = end;
  }
}

function scheduler(time: ManualTime, run: () => Promise<{ writes: number }>, extra = {}) {
  return new WriteScheduler({ run, now: () => time.now, timers: time, ...extra });
}

describe('write scheduler', () => {
  it('batches a burst of saves into one run after a quiet time', async () => {
    const time = new ManualTime();
    const runs: number[] = [];
    const s = scheduler(time, () => Promise.resolve((runs.push(time.now), { writes: 1 })));
    for (let i = 0; i < 5; i++) {
      s.local();
      await time.advance(500);
    }
    expect(runs).toEqual([]);
    await time.advance(2_000);
    expect(runs).toEqual([4_000]);
  });

  it('still writes at most maxWait after the first save of a steady stream', async () => {
    const time = new ManualTime();
    const runs: number[] = [];
    const s = scheduler(time, () => Promise.resolve((runs.push(time.now), { writes: 1 })));
    for (let i = 0; i < 30; i++) {
      s.local();
      await time.advance(1_000);
    }
    expect(runs[0]).toBe(10_000);
  });

  it('merges a change from another computer promptly', async () => {
    const time = new ManualTime();
    const runs: number[] = [];
    const s = scheduler(time, () => Promise.resolve((runs.push(time.now), { writes: 0 })));
    s.remote();
    await time.advance(1_000);
    expect(runs).toEqual([300]);
  });

  it.each([
    ['per minute', 120, 60_000],
    ['per hour', 1_800, 3_600_000],
  ])('never exceeds the browser write budget %s', async (_name, limit, window) => {
    const time = new ManualTime();
    const runs: number[] = [];
    const s = scheduler(time, () => Promise.resolve((runs.push(time.now), { writes: 2 })), {
      debounceMs: 0,
      maxWaitMs: 0,
    });
    for (let i = 0; i < limit * 2; i++) {
      s.local();
      await time.advance(window / limit / 4);
    }
    await time.advance(window * 2);
    for (const at of runs) {
      const inWindow = runs.filter((t) => t > at - window && t <= at).length * 2;
      expect(inWindow).toBeLessThanOrEqual(limit);
    }
    expect(runs.length).toBeGreaterThan(0);
  });

  it('backs off after a quota error, doubling, then recovers', async () => {
    const time = new ManualTime();
    const runs: number[] = [];
    const errors: number[] = [];
    let fail = 3;
    const s = scheduler(
      time,
      () => {
        runs.push(time.now);
        if (fail-- > 0) return Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
        return Promise.resolve({ writes: 1 });
      },
      { onError: (_e: unknown, retryAt: number) => errors.push(retryAt) },
    );
    s.remote();
    await time.advance(10 * 60_000);
    expect(runs).toEqual([300, 60_300, 180_300, 420_300]);
    expect(errors).toEqual([60_300, 180_300, 420_300]);
    await s.idle();
  });

  it('a save during a run causes one more run after it', async () => {
    const time = new ManualTime();
    const runs: number[] = [];
    let during: (() => void) | undefined;
    const s = scheduler(time, () => {
      runs.push(time.now);
      during?.();
      during = undefined;
      return Promise.resolve({ writes: 1 });
    });
    during = () => s.local();
    s.remote();
    await time.advance(10_000);
    expect(runs).toEqual([300, 300]);
  });

  it.each<[string, () => Promise<{ writes: number }>, number]>([
    ['a quota error’s back-off', () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), 60_300],
    ['the writes of the last minute', () => Promise.resolve({ writes: 119 }), 60_300],
  ])('keeps %s across a restart of the service worker', async (_name, firstRun, notBefore) => {
    const time = new ManualTime();
    let memory: SchedulerMemory | undefined;
    const first = scheduler(time, firstRun, { remember: (m: SchedulerMemory) => (memory = m) });
    first.remote();
    await time.advance(1_000);
    first.cancel(); // the browser stops the idle worker
    const runs: number[] = [];
    const second = scheduler(time, () => Promise.resolve((runs.push(time.now), { writes: 1 })));
    second.restore(memory);
    second.remote();
    await time.advance(2 * 60_000);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeGreaterThanOrEqual(notBefore);
  });

  it('a remembered back-off never blocks for more than an hour (a clock set back)', async () => {
    const time = new ManualTime();
    const runs: number[] = [];
    const s = scheduler(time, () => Promise.resolve((runs.push(time.now), { writes: 1 })));
    s.restore({ writes: [], blockedUntil: 10 * 3_600_000, backoffMs: 10 * 3_600_000 });
    s.remote();
    await time.advance(2 * 3_600_000);
    expect(runs).toEqual([3_600_000]);
  });
});
