import { type FetchLike, measureOffset } from '../clock/measure';
import { judgeOffset, isStale } from '../clock/offset';
import { agreedOffset, decideSiteClock, siteClockTrusted } from '../clock/trust';
import {
  type ClockArea,
  type ClockState,
  correctionForOrigin,
  loadClock,
  setEntry,
  updateClock,
} from '../clock/store';
import type { ClockNotice, ClockQuestion, ClockSiteStatus } from '../protocol/clock';
import { clockCheckEnabled } from '../policy/effective';
import type { Policies } from '../policy/reader';

/** At most one request per site in this time, whatever happens. */
export const MIN_INTERVAL_MS = 60 * 60_000;

export interface ClockDeps {
  area: ClockArea;
  fetch: FetchLike;
  /** Twofold may make requests to this origin (host permission, preset or granted). */
  hasHostAccess: (origin: string) => Promise<boolean>;
  /** Plain-http origins (match patterns) whose clock is trusted: the sandbox's in sandbox builds. */
  httpClockOrigins?: readonly string[];
  /** The organisation's policies: `clockCheck` "on" or "off" wins over the user's switch. */
  policies?: () => Promise<Policies>;
  now?: () => number;
}

/**
 * The site's clock against this computer's, per origin. Requests go only to the origin
 * asked about (the caller passes an account's bound origin), only from the background,
 * only over https (or to the sandbox in sandbox builds), never when the user turned the
 * check off, and at most once per site per hour. A measure is two requests whose answers
 * must agree; a large one waits for the user's yes in the popup (`decideSiteClock`).
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
    return correctionForOrigin(await loadClock(this.deps.area), origin, this.now(), this.trusted(origin));
  }

  /** The same for many origins at once (the popup's list): one storage read. */
  async corrections(): Promise<(origin: string | undefined) => number> {
    const state = await loadClock(this.deps.area);
    const now = this.now();
    return (origin) => correctionForOrigin(state, origin, now, this.trusted(origin));
  }

  private trusted(origin: string | undefined): boolean {
    return siteClockTrusted(origin, this.deps.httpClockOrigins ?? []);
  }

  /** A fill is about to happen on `origin`: measure first if no fresh measure exists. */
  async beforeFill(origin: string): Promise<void> {
    const state = await loadClock(this.deps.area);
    if (!(await this.checkOn(state))) return;
    const entry = state.origins[origin];
    if (entry?.measuredAt !== undefined && !isStale(entry.measuredAt, this.now())) return;
    await this.measure(origin, false);
  }

  /** "Check this computer's clock": every origin given (the enrolled ones), hourly limit aside. */
  async checkAll(origins: readonly string[]): Promise<ClockSiteStatus[]> {
    const state = await loadClock(this.deps.area);
    if (await this.checkOn(state)) {
      for (const origin of new Set(origins)) await this.measure(origin, true);
    }
    return this.status(origins);
  }

  async status(origins: readonly string[]): Promise<ClockSiteStatus[]> {
    const state = await loadClock(this.deps.area);
    const all = [...new Set([...origins, ...Object.keys(state.origins)])].sort();
    return all.map((origin) => siteStatus(state, origin, this.now(), this.trusted(origin)));
  }

  /** The fresh measured skew for `origin`, in whole seconds, when it is worth mentioning. */
  async skewSeconds(origin: string): Promise<{ seconds: number } | null> {
    const entry = (await loadClock(this.deps.area)).origins[origin];
    if (entry?.offsetMs === undefined || entry.measuredAt === undefined || !this.trusted(origin)) return null;
    if (isStale(entry.measuredAt, this.now()) || judgeOffset(entry.offsetMs).kind === 'ok') return null;
    return { seconds: Math.round(entry.offsetMs / 1000) };
  }

  /** Whether the check runs: the user's switch, unless the organisation fixed it. */
  async enabled(): Promise<boolean> {
    return this.checkOn(await loadClock(this.deps.area));
  }

  private async checkOn(state: ClockState): Promise<boolean> {
    const policies = await (this.deps.policies?.() ?? Promise.resolve({})).catch(() => ({}));
    return clockCheckEnabled(state.checkEnabled, policies);
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

  /**
   * The popup's one-time notice: an offset applied without asking, or one refused as too far,
   * the user was not told about yet. A pending one is a question instead (`question`).
   */
  async takeNotice(): Promise<ClockNotice | null> {
    const state = await loadClock(this.deps.area);
    const now = this.now();
    for (const [origin, entry] of Object.entries(state.origins).sort()) {
      if (entry.offsetMs === undefined || entry.measuredAt === undefined || isStale(entry.measuredAt, now))
        continue;
      if (!this.trusted(origin) || entry.noticeShownFor === entry.measuredAt) continue;
      const verdict = judgeOffset(entry.offsetMs);
      const decision = decideSiteClock(entry, true, now);
      const tell =
        verdict.kind === 'out-of-bounds' ||
        (entry.manualMs === undefined && decision.kind === 'applied' && !decision.consented);
      if (!tell || verdict.kind === 'ok') continue;
      await updateClock(this.deps.area, (s) => setEntry(s, origin, { noticeShownFor: entry.measuredAt }));
      return { origin, kind: verdict.kind, offsetMs: entry.offsetMs };
    }
    return null;
  }

  /** The popup's question: the first site whose measured clock waits for the user's yes, or null. */
  async question(): Promise<ClockQuestion | null> {
    const state = await loadClock(this.deps.area);
    const now = this.now();
    for (const [origin, entry] of Object.entries(state.origins).sort()) {
      // A manual offset is what codes use: nothing to ask.
      if (entry.manualMs !== undefined) continue;
      const decision = decideSiteClock(entry, this.trusted(origin), now);
      if (decision.kind === 'pending') return { origin, offsetMs: decision.offsetMs };
    }
    return null;
  }

  /**
   * The user's answer in the popup to the question about `offsetMs` for `origin`. Taken only
   * while that very offset is pending (a new measure in between asks again); true when taken.
   */
  async answer(origin: string, offsetMs: number, use: boolean): Promise<boolean> {
    let taken = false;
    await updateClock(this.deps.area, (state) => {
      const entry = state.origins[origin];
      const decision = entry && decideSiteClock(entry, this.trusted(origin), this.now());
      if (entry?.manualMs !== undefined || decision?.kind !== 'pending' || decision.offsetMs !== offsetMs)
        return state;
      taken = true;
      return setEntry(
        state,
        origin,
        use ? { consentMs: offsetMs, declinedMs: undefined } : { declinedMs: offsetMs, consentMs: undefined },
      );
    });
    return taken;
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
    if (!this.trusted(origin) || !(await this.deps.hasHostAccess(origin))) return;
    this.lastAttempt.set(origin, this.now());
    // Two answers, the second asked once the first arrived: one stray answer, or two servers
    // behind one name with different clocks, decide nothing.
    const first = await measureOffset(origin, this.deps.fetch, this.now);
    if (first === undefined) return;
    const second = await measureOffset(origin, this.deps.fetch, this.now);
    const offsetMs = second === undefined ? undefined : agreedOffset([first, second]);
    if (offsetMs === undefined) return;
    const measuredAt = this.now();
    await updateClock(this.deps.area, (state) => setEntry(state, origin, { offsetMs, measuredAt }));
  }
}

function siteStatus(state: ClockState, origin: string, now: number, trusted: boolean): ClockSiteStatus {
  const entry = state.origins[origin] ?? {};
  const fresh = trusted && entry.measuredAt !== undefined && !isStale(entry.measuredAt, now);
  const decision = decideSiteClock(entry, trusted, now);
  return {
    origin,
    ...(fresh && entry.offsetMs !== undefined
      ? { offsetMs: entry.offsetMs, measuredAt: entry.measuredAt, verdict: judgeOffset(entry.offsetMs).kind }
      : {}),
    ...(entry.manualMs !== undefined ? { manualMs: entry.manualMs } : {}),
    ...(decision.kind === 'pending' || decision.kind === 'declined' ? { held: decision.kind } : {}),
    ...(trusted ? {} : { untrusted: true }),
    correctionMs: correctionForOrigin(state, origin, now, trusted),
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
