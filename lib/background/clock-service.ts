import { type FetchLike, measureOffset } from '../clock/measure';
import { judgeOffset, isStale } from '../clock/offset';
import {
  type ClockArea,
  type ClockState,
  correctionForOrigin,
  loadClock,
  setEntry,
  updateClock,
} from '../clock/store';
import type { ClockNotice, ClockSiteStatus } from '../protocol/clock';

/** At most one request per site in this time, whatever happens. */
export const MIN_INTERVAL_MS = 60 * 60_000;

export interface ClockDeps {
  area: ClockArea;
  fetch: FetchLike;
  /** Twofold may make requests to this origin (host permission, preset or granted). */
  hasHostAccess: (origin: string) => Promise<boolean>;
  now?: () => number;
}

/**
 * The site's clock against this computer's, per origin. Requests go only to the origin
 * asked about (the caller passes an account's bound origin), only from the background,
 * never when the user turned the check off, and at most once per site per hour.
 */
export class ClockService {
  private readonly now: () => number;
  private readonly lastAttempt = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: ClockDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The ms to add to this computer's clock for codes of `origin` (0 when close enough or unknown). */
  async correction(origin: string | undefined): Promise<number> {
    return correctionForOrigin(await loadClock(this.deps.area), origin, this.now());
  }

  /** The same for many origins at once (the popup's list): one storage read. */
  async corrections(): Promise<(origin: string | undefined) => number> {
    const state = await loadClock(this.deps.area);
    const now = this.now();
    return (origin) => correctionForOrigin(state, origin, now);
  }

  /** A fill is about to happen on `origin`: measure first if no fresh measure exists. */
  async beforeFill(origin: string): Promise<void> {
    const state = await loadClock(this.deps.area);
    if (!state.checkEnabled) return;
    const entry = state.origins[origin];
    if (entry?.measuredAt !== undefined && !isStale(entry.measuredAt, this.now())) return;
    await this.measure(origin, false);
  }

  /** "Check this computer's clock": every origin given (the enrolled ones), hourly limit aside. */
  async checkAll(origins: readonly string[]): Promise<ClockSiteStatus[]> {
    const state = await loadClock(this.deps.area);
    if (state.checkEnabled) {
      for (const origin of new Set(origins)) await this.measure(origin, true);
    }
    return this.status(origins);
  }

  async status(origins: readonly string[]): Promise<ClockSiteStatus[]> {
    const state = await loadClock(this.deps.area);
    const all = [...new Set([...origins, ...Object.keys(state.origins)])].sort();
    return all.map((origin) => siteStatus(state, origin, this.now()));
  }

  /** The fresh measured skew for `origin`, in whole seconds, when it is worth mentioning. */
  async skewSeconds(origin: string): Promise<{ seconds: number } | null> {
    const entry = (await loadClock(this.deps.area)).origins[origin];
    if (entry?.offsetMs === undefined || entry.measuredAt === undefined) return null;
    if (isStale(entry.measuredAt, this.now()) || judgeOffset(entry.offsetMs).kind === 'ok') return null;
    return { seconds: Math.round(entry.offsetMs / 1000) };
  }

  async enabled(): Promise<boolean> {
    return (await loadClock(this.deps.area)).checkEnabled;
  }

  async setEnabled(checkEnabled: boolean): Promise<void> {
    await updateClock(this.deps.area, (state) => ({ ...state, checkEnabled }));
  }

  /** A manual offset (ms, server minus local) for a site; null removes it. */
  async setManual(origin: string, manualMs: number | null): Promise<void> {
    await updateClock(this.deps.area, (state) =>
      setEntry(state, origin, { manualMs: manualMs === null ? undefined : Math.round(manualMs) }),
    );
  }

  /** The popup's one-time notice: an adjusted or refused offset the user was not told about yet. */
  async takeNotice(): Promise<ClockNotice | null> {
    const state = await loadClock(this.deps.area);
    const now = this.now();
    for (const [origin, entry] of Object.entries(state.origins).sort()) {
      if (entry.offsetMs === undefined || entry.measuredAt === undefined || isStale(entry.measuredAt, now))
        continue;
      const verdict = judgeOffset(entry.offsetMs);
      if (verdict.kind === 'ok' || entry.noticeShownFor === entry.measuredAt) continue;
      await updateClock(this.deps.area, (s) => setEntry(s, origin, { noticeShownFor: entry.measuredAt }));
      return { origin, kind: verdict.kind, offsetMs: entry.offsetMs };
    }
    return null;
  }

  private measure(origin: string, userAsked: boolean): Promise<void> {
    const running = this.inFlight.get(origin);
    if (running) return running;
    const last = this.lastAttempt.get(origin);
    if (!userAsked && last !== undefined && this.now() - last < MIN_INTERVAL_MS) return Promise.resolve();
    const run = this.measureNow(origin).finally(() => this.inFlight.delete(origin));
    this.inFlight.set(origin, run);
    return run;
  }

  private async measureNow(origin: string): Promise<void> {
    if (!/^https?:\/\//.test(origin) || !(await this.deps.hasHostAccess(origin))) return;
    this.lastAttempt.set(origin, this.now());
    const offsetMs = await measureOffset(origin, this.deps.fetch, this.now);
    if (offsetMs === undefined) return;
    const measuredAt = this.now();
    await updateClock(this.deps.area, (state) => setEntry(state, origin, { offsetMs, measuredAt }));
  }
}

function siteStatus(state: ClockState, origin: string, now: number): ClockSiteStatus {
  const entry = state.origins[origin] ?? {};
  const fresh = entry.measuredAt !== undefined && !isStale(entry.measuredAt, now);
  return {
    origin,
    ...(fresh && entry.offsetMs !== undefined
      ? { offsetMs: entry.offsetMs, measuredAt: entry.measuredAt, verdict: judgeOffset(entry.offsetMs).kind }
      : {}),
    ...(entry.manualMs !== undefined ? { manualMs: entry.manualMs } : {}),
    correctionMs: correctionForOrigin(state, origin, now),
  };
}

/** What code makers need of the clock: a measure before a fill, then the correction. */
export interface ClockForCodes {
  beforeFill(origin: string): Promise<void>;
  correction(origin: string): Promise<number>;
}

/** Measures the site's clock if due (never fails a fill), then the correction for its codes. */
export async function correctionBeforeFill(
  clock: ClockForCodes | undefined,
  origin: string,
): Promise<number> {
  if (!clock) return 0;
  await clock.beforeFill(origin).catch(() => undefined);
  return clock.correction(origin).catch(() => 0);
}
