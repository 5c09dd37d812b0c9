/**
 * When sync runs: local saves are batched and debounced (a burst of edits is one write), a
 * change from another computer is merged promptly, writes stay within the browser's per-minute
 * and per-hour budgets, and a quota error backs off (doubling, up to an hour) instead of
 * retrying at once. Time and timers are injected so tests drive them. The budget and the
 * back-off outlive the service worker (which the browser stops when idle) through `remember`
 * and `restore`: a restart neither forgets the writes of the last hour nor retries at once.
 */
import { SYNC_QUOTA } from './quota';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Does the work; resolves with the write operations it made. */
  run: () => Promise<{ writes: number }>;
  now?: () => number;
  timers?: Timers;
  /** Quiet time after a local save before writing. */
  debounceMs?: number;
  /** A steady stream of saves still writes at least this often. */
  maxWaitMs?: number;
  /** Delay before merging a change from another computer (lets a burst of items arrive). */
  remoteDelayMs?: number;
  writesPerMinute?: number;
  writesPerHour?: number;
  /** Told about every failed run (after which the scheduler retries by itself). */
  onError?: (error: unknown, retryAt: number) => void;
  /** Told the budget and back-off after every run, to keep them across restarts. */
  remember?: (memory: SchedulerMemory) => void;
}

/** What the scheduler keeps across restarts (no secret: times only). */
export interface SchedulerMemory {
  /** Times of the write operations of the last hour. */
  writes: number[];
  blockedUntil: number;
  backoffMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** One run makes at most two writes (set, then remove). */
const WRITES_PER_RUN = 2;

export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /QUOTA|MAX_WRITE_OPERATIONS|MAX_ITEMS/i.test(text);
}

export class WriteScheduler {
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly remoteDelayMs: number;
  private readonly perMinute: number;
  private readonly perHour: number;
  private readonly writes: number[] = [];
  private timer: unknown;
  private dueAt: number | undefined;
  private firstPendingAt: number | undefined;
  private running = false;
  private again = false;
  private backoffMs = 0;
  private blockedUntil = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.debounceMs = options.debounceMs ?? 2_000;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.remoteDelayMs = options.remoteDelayMs ?? 300;
    this.perMinute = options.writesPerMinute ?? SYNC_QUOTA.writesPerMinute;
    this.perHour = options.writesPerHour ?? SYNC_QUOTA.writesPerHour;
  }

  /** A local save: run after a quiet `debounceMs`, or `maxWaitMs` after the first one at most. */
  local(): void {
    const now = this.now();
    this.firstPendingAt ??= now;
    this.plan(Math.min(now + this.debounceMs, this.firstPendingAt + this.maxWaitMs), true);
  }

  /** A change from another computer (or a first run): merge soon. */
  remote(): void {
    this.plan(this.now() + this.remoteDelayMs, false);
  }

  /** What an earlier instance remembered (before this one plans anything, ideally). */
  restore(memory: SchedulerMemory | undefined): void {
    if (!memory || !Array.isArray(memory.writes)) return;
    const now = this.now();
    const times = memory.writes.filter((t) => Number.isFinite(t) && t > now - HOUR && t <= now);
    this.writes.push(...times);
    this.writes.sort((a, b) => a - b);
    // Bounded: a clock set back must not block sync for longer than the longest back-off.
    if (Number.isFinite(memory.blockedUntil)) {
      this.blockedUntil = Math.max(this.blockedUntil, Math.min(memory.blockedUntil, now + HOUR));
    }
    if (Number.isFinite(memory.backoffMs)) {
      this.backoffMs = Math.max(this.backoffMs, Math.min(memory.backoffMs, HOUR));
    }
    if (this.dueAt !== undefined && !this.running) this.arm(Math.max(this.dueAt, this.allowedAt()));
  }

  /** Write operations made in the last hour (for the status and the tests). */
  writesInLastHour(): number {
    this.forget();
    return this.writes.length;
  }

  /** When the next run is due, if one is pending. */
  nextRunAt(): number | undefined {
    return this.dueAt;
  }

  /** Resolves when nothing is pending or running (tests, and before the worker sleeps). */
  idle(): Promise<void> {
    if (!this.running && this.dueAt === undefined) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
    this.firstPendingAt = undefined;
    this.again = false;
    this.settle();
  }

  private plan(wanted: number, debounce: boolean): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const at = Math.max(wanted, this.allowedAt());
    // A debounced save moves the run later; anything else only brings it earlier.
    if (this.dueAt !== undefined && !debounce && this.dueAt <= at) return;
    this.arm(at);
  }

  private arm(at: number): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = this.timers.setTimeout(() => void this.fire(), Math.max(0, at - this.now()));
  }

  /** The earliest time a run may start: budgets, and any back-off after a quota error. */
  private allowedAt(): number {
    this.forget();
    const now = this.now();
    let at = Math.max(now, this.blockedUntil);
    const minute = this.writes.filter((t) => t > now - MINUTE);
    if (minute.length + WRITES_PER_RUN > this.perMinute) {
      at = Math.max(at, minute[minute.length + WRITES_PER_RUN - this.perMinute - 1]! + MINUTE);
    }
    if (this.writes.length + WRITES_PER_RUN > this.perHour) {
      at = Math.max(at, this.writes[this.writes.length + WRITES_PER_RUN - this.perHour - 1]! + HOUR);
    }
    return at;
  }

  private forget(): void {
    const horizon = this.now() - HOUR;
    while (this.writes.length && this.writes[0]! <= horizon) this.writes.shift();
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    const allowed = this.allowedAt();
    if (allowed > this.now()) {
      this.arm(allowed);
      return;
    }
    this.dueAt = undefined;
    this.firstPendingAt = undefined;
    this.running = true;
    try {
      const { writes } = await this.options.run();
      const at = this.now();
      for (let i = 0; i < writes; i++) this.writes.push(at);
      this.backoffMs = 0;
    } catch (error) {
      // Quota errors wait long (the budget refills slowly); other failures retry sooner.
      this.backoffMs = Math.min(Math.max(this.backoffMs * 2, isQuotaError(error) ? MINUTE : 5_000), HOUR);
      this.blockedUntil = this.now() + this.backoffMs;
      this.again = true;
      this.options.onError?.(error, this.blockedUntil);
    } finally {
      this.running = false;
      this.forget();
      this.options.remember?.({
        writes: [...this.writes],
        blockedUntil: this.blockedUntil,
        backoffMs: this.backoffMs,
      });
    }
    if (this.again) {
      this.again = false;
      this.plan(this.now(), false);
    }
    this.settle();
  }

  private settle(): void {
    if (this.running || this.dueAt !== undefined) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
