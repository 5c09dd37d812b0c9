/**
 * How many replaced keys an account keeps: one rule for a replacement on this computer and for
 * the sync merge, so neither drops a key the other keeps (a key dropped on one computer would
 * come back from another, or be lost on both).
 */

/** A replaced key is kept (and offered for undo) at least this long: the popup's undo window. */
export const PREVIOUS_KEY_RETENTION_MS = 30 * 24 * 3600_000;
/** Replaced keys kept per account beyond those of the last 30 days. */
export const MAX_PREVIOUS_KEYS = 5;
/**
 * The most replaced keys one account holds, however recent: what a sync record carries at most
 * (the codec refuses a record with more, and never writes one).
 */
export const MAX_RECORD_PREVIOUS_KEYS = 64;

/**
 * The replaced keys to keep, from a list newest first: the `MAX_PREVIOUS_KEYS` first, and beyond
 * them every key replaced within 30 days of the newest, `MAX_RECORD_PREVIOUS_KEYS` at most. Measured
 * from the newest replacement, not from a clock, so every computer keeps the same ones.
 */
export function keepPreviousKeys<T extends { replacedAt: number }>(newestFirst: readonly T[]): T[] {
  const newest = Math.max(0, ...newestFirst.map((k) => k.replacedAt));
  return newestFirst
    .filter((key, i) => i < MAX_PREVIOUS_KEYS || key.replacedAt >= newest - PREVIOUS_KEY_RETENTION_MS)
    .slice(0, MAX_RECORD_PREVIOUS_KEYS);
}
