/**
 * Messages of the clock check: the popup's notice and the options page's "Check this
 * computer's clock", manual offsets and the switch; a content script may only read
 * the skew known for its own origin, and never triggers a request.
 */

import type { PolicyOf } from './policy';

export interface ClockSiteStatus {
  origin: string;
  /** Last fresh measure: server minus local, ms (positive: this computer is slow). */
  offsetMs?: number;
  measuredAt?: number;
  verdict?: 'ok' | 'adjusted' | 'out-of-bounds';
  /** Set by the user. */
  manualMs?: number;
  /** What codes for this site are shifted by now. */
  correctionMs: number;
  /** The measure is not used: it waits for the user's answer in the popup, or the user said no. */
  held?: 'pending' | 'declined';
  /** Plain http: its clock is never measured nor used. */
  untrusted?: true;
}

/** Asked in the popup: a site's clock is too far off to use without the user's yes. */
export interface ClockQuestion {
  origin: string;
  /** Server minus local, ms (positive: the site is ahead). */
  offsetMs: number;
}

/** Said once in the popup per measure: codes are adjusted, or the skew is too large to trust. */
export interface ClockNotice {
  origin: string;
  kind: 'adjusted' | 'out-of-bounds';
  offsetMs: number;
}

export interface ClockProtocol {
  /**
   * A content script whose filled code was refused: the skew measured for its own origin
   * (decided from `sender`), in whole seconds, or null. Reads storage only; never a request.
   */
  'clock:skew'(): { seconds: number } | null;
  /** The popup: a notice not shown yet (marks it shown), or null. */
  'clock:notice'(): ClockNotice | null;
  /** Offsets known for the enrolled sites and manual ones. */
  'clock:status'(): { enabled: boolean; sites: ClockSiteStatus[] };
  /** Measure every enrolled site Twofold can reach, now. */
  'clock:check'(): { enabled: boolean; sites: ClockSiteStatus[] };
  /** The popup: the site whose clock waits for the user's yes, or null. */
  'clock:question'(): ClockQuestion | null;
  /**
   * The user's answer in the popup for exactly the offset it showed: "Use its time" (`use`)
   * or "Keep this computer's time". False when that offset is no longer the one pending.
   */
  'clock:answer'(data: { origin: string; offsetMs: number; use: boolean }): boolean;
  'clock:setEnabled'(data: { enabled: boolean }): void;
  /** Manual offset in seconds (server minus local); null removes it. */
  'clock:setManual'(data: { origin: string; seconds: number | null }): void;
}

export const CLOCK_POLICY = {
  'clock:skew': 'content-script',
  'clock:notice': 'extension-page',
  'clock:status': 'extension-page',
  'clock:check': 'extension-page',
  'clock:question': 'extension-page',
  'clock:answer': 'extension-page',
  'clock:setEnabled': 'extension-page',
  'clock:setManual': 'extension-page',
} as const satisfies PolicyOf<ClockProtocol>;
