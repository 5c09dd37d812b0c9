/**
 * When a site's measured clock may shift its codes. A site that says its clock is ahead gets
 * codes from the future: a hostile or broken site could collect codes it will accept later.
 * So a measured offset is used only when it came over https, when two separate responses
 * agreed on it, and, beyond a couple of TOTP periods, only once the user said yes in the popup.
 */
import { patternMatchesOrigin } from '../origins';
import { MAX_OFFSET_MS, judgeOffset, isStale } from './offset';

declare const __TWOFOLD_SANDBOX__: boolean | undefined;

/**
 * Two samples agree when their offsets are this close: the `Date` header has a resolution of
 * one second and each sample is taken against its own round trip, so an honest server's two
 * answers land within about a second of each other; two load-balanced servers with different
 * clocks, or one stray answer, do not.
 */
export const AGREE_WITHIN_MS = 2_000;
/** Up to this, an agreed offset applies without asking (four TOTP periods). */
export const ASK_ABOVE_MS = 2 * 60_000;
/** The user's yes covers later measures this close to the offset agreed; farther, the popup asks again. */
export const CONSENT_COVERS_MS = 30_000;

/** The local M2Mmanager sandbox (plain http) of sandbox builds, trusted there only. */
export const SANDBOX_CLOCK_ORIGINS: readonly string[] = ['http://m2mmanager.localhost/*'];

/** Plain-http origins whose clock this build trusts: the sandbox's in a sandbox build, none otherwise. */
export const BUILD_HTTP_CLOCK_ORIGINS: readonly string[] =
  typeof __TWOFOLD_SANDBOX__ !== 'undefined' && __TWOFOLD_SANDBOX__ ? SANDBOX_CLOCK_ORIGINS : [];

/**
 * Whether the `Date` of `origin` may be measured and used: https (anything on the way could
 * rewrite a plain-http answer), or one of `httpPatterns` (the sandbox's, in tests).
 */
export function siteClockTrusted(origin: string | undefined, httpPatterns: readonly string[]): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && httpPatterns.some((pattern) => patternMatchesOrigin(pattern, origin));
}

/**
 * The offset two or more samples (server minus local, ms) agree on: their mean, when every
 * one is within AGREE_WITHIN_MS of every other; undefined with fewer than two or any disagreement.
 */
export function agreedOffset(samples: readonly number[]): number | undefined {
  if (samples.length < 2 || !samples.every(Number.isFinite)) return undefined;
  const low = Math.min(...samples);
  const high = Math.max(...samples);
  if (high - low > AGREE_WITHIN_MS) return undefined;
  return Math.round(samples.reduce((sum, s) => sum + s, 0) / samples.length);
}

/** What is known of one site's clock, as stored. */
export interface SiteClockFacts {
  /** The last agreed measure: server minus local, ms. */
  offsetMs?: number;
  measuredAt?: number;
  /** The offset the user agreed to use, in the popup. */
  consentMs?: number;
  /** The offset the user refused ("Keep this computer's time"). */
  declinedMs?: number;
}

export type SiteClockDecision =
  /** Codes on this computer's clock: nothing measured, stale, not https, too small or too far. */
  | { kind: 'local' }
  /** Codes shifted by the measure: small enough, or the user agreed to about this offset. */
  | { kind: 'applied'; offsetMs: number; consented: boolean }
  /**
   * Too far to use without asking: codes stay on `fallbackMs` (0, or an offset the user agreed
   * to before) until the user answers; `declined` when the user already said no to about this.
   */
  | { kind: 'pending' | 'declined'; offsetMs: number; fallbackMs: number };

const covers = (agreed: number | undefined, offsetMs: number): boolean =>
  agreed !== undefined && Math.abs(agreed - offsetMs) <= CONSENT_COVERS_MS;

/** How codes of a site use its measured clock (a manual offset is decided elsewhere: it wins). */
export function decideSiteClock(facts: SiteClockFacts, trusted: boolean, now: number): SiteClockDecision {
  const { offsetMs, measuredAt } = facts;
  if (!trusted || offsetMs === undefined || measuredAt === undefined || isStale(measuredAt, now))
    return { kind: 'local' };
  if (judgeOffset(offsetMs).kind !== 'adjusted') return { kind: 'local' };
  if (Math.abs(offsetMs) <= ASK_ABOVE_MS) return { kind: 'applied', offsetMs, consented: false };
  if (covers(facts.consentMs, offsetMs)) return { kind: 'applied', offsetMs, consented: true };
  const consent = facts.consentMs;
  const fallbackMs = consent !== undefined && Math.abs(consent) <= MAX_OFFSET_MS ? consent : 0;
  return { kind: covers(facts.declinedMs, offsetMs) ? 'declined' : 'pending', offsetMs, fallbackMs };
}

/** The ms to add to this computer's clock for the site's codes under `decision`. */
export function decidedCorrection(decision: SiteClockDecision): number {
  switch (decision.kind) {
    case 'local':
      return 0;
    case 'applied':
      return decision.offsetMs;
    default:
      return decision.fallbackMs;
  }
}
