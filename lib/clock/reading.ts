/**
 * What the settings page says about a measured offset. The Date header has a resolution of
 * one second and the request takes time, so up to 2 s reads as "in time"; beyond, the figure
 * is said even while codes are not adjusted (a TOTP period is 30 s and sites accept about one
 * period of drift, so 5 s off still works, but the person should know).
 */
import { offsetSeconds, type OffsetVerdict } from './offset';

export const IN_TIME_MS = 2_000;

export type ClockReading =
  | { kind: 'unmeasured' }
  | { kind: 'in-time' }
  | { kind: 'within' | 'adjusted'; direction: 'slow' | 'fast'; seconds: number }
  | { kind: 'too-far'; seconds: number };

export function clockReading(
  offsetMs: number | undefined,
  verdict: OffsetVerdict['kind'] | undefined,
): ClockReading {
  if (offsetMs === undefined || verdict === undefined || !Number.isFinite(offsetMs)) {
    return { kind: 'unmeasured' };
  }
  const seconds = offsetSeconds(offsetMs);
  if (verdict === 'out-of-bounds') return { kind: 'too-far', seconds };
  if (verdict === 'ok' && Math.abs(offsetMs) <= IN_TIME_MS) return { kind: 'in-time' };
  const direction = offsetMs > 0 ? 'slow' : 'fast';
  return { kind: verdict === 'ok' ? 'within' : 'adjusted', direction, seconds };
}
