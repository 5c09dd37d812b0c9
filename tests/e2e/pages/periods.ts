/** TOTP periods of 30 s on the real clock (the browser's and the sandbox's, on one machine). */
export const PERIOD_MS = 30_000;

/** How long until the current period (or the next one) is `offsetMs` in. */
export function msUntilPeriodOffset(offsetMs: number, now = Date.now()): number {
  return (offsetMs - (now % PERIOD_MS) + PERIOD_MS) % PERIOD_MS;
}
