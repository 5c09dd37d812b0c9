/**
 * Clock skew between this computer and a site, from the site's HTTP `Date` header.
 * `Date` has a resolution of one second and is stamped somewhere between our send and
 * our receive: the midpoint of those two local times is our best guess of the same instant.
 */

/** Below this, codes are computed from the local clock (TOTP servers accept a period of drift). */
export const ADJUST_THRESHOLD_MS = 10_000;
/** Beyond this, the measure is more likely wrong than the clock: warn, do not adjust. */
export const MAX_OFFSET_MS = 15 * 60_000;
/** A measure older than this is taken again at the next fill. */
export const STALE_AFTER_MS = 24 * 60 * 60_000;

/** server time minus local time, in ms (positive: the computer is slow). */
export function estimateOffset(
  dateHeader: string | null | undefined,
  sentAt: number,
  receivedAt: number,
): number | undefined {
  if (!dateHeader || !Number.isFinite(sentAt) || !Number.isFinite(receivedAt) || receivedAt < sentAt)
    return undefined;
  const server = Date.parse(dateHeader);
  if (!Number.isFinite(server)) return undefined;
  // The header truncates to the second: its true instant lies in [server, server + 1 s).
  const serverMid = server + 500;
  const localMid = (sentAt + receivedAt) / 2;
  return Math.round(serverMid - localMid);
}

export type OffsetVerdict =
  /** Close enough: codes from the local clock. */
  | { kind: 'ok'; offsetMs: number }
  /** Codes computed with the offset. */
  | { kind: 'adjusted'; offsetMs: number }
  /** Too far to trust: a warning, and codes from the local clock. */
  | { kind: 'out-of-bounds'; offsetMs: number };

export function judgeOffset(offsetMs: number): OffsetVerdict {
  const size = Math.abs(offsetMs);
  if (size > MAX_OFFSET_MS) return { kind: 'out-of-bounds', offsetMs };
  if (size < ADJUST_THRESHOLD_MS) return { kind: 'ok', offsetMs };
  return { kind: 'adjusted', offsetMs };
}

/** The milliseconds to add to the local clock when computing codes (0 unless adjusted). */
export function correctionFor(offsetMs: number | undefined): number {
  if (offsetMs === undefined || !Number.isFinite(offsetMs)) return 0;
  return judgeOffset(offsetMs).kind === 'adjusted' ? offsetMs : 0;
}

export function isStale(measuredAt: number, now: number): boolean {
  return !(now - measuredAt < STALE_AFTER_MS) || measuredAt > now + MAX_OFFSET_MS;
}

/** Whole seconds, rounded away from the threshold noise: what the popup says. */
export function offsetSeconds(offsetMs: number): number {
  return Math.round(Math.abs(offsetMs) / 1000);
}
