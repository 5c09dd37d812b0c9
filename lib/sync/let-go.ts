/**
 * What a record remembers of the keys its account let go (the bound on replaced keys,
 * `keepPreviousKeys`): each key's digest, the highest HOTP counter it reached, and when it was let
 * go (the newest replacement then). A computer that was away may still hold such a key as its
 * current one. When it comes back, its key loses to the newer one, and the merge tells:
 * - the key became current there after it was let go here (a replacement or an undo made while
 *   away): it is a replaced key again, as any key that loses a concurrent replacement;
 * - it did not: it stays let go. Brought back, it would take one of the 5 places kept whatever
 *   their age, and push out a key that must stay (found by the model check).
 * Either way its counter is at least the remembered one, so no used code is offered again.
 */
export interface LetGoKey {
  /** `keyDigest` of the key. */
  digest: string;
  /** Its highest HOTP counter (0: a TOTP key, or one never used). */
  counter: number;
  /** The newest replacement of the account when the key was let go (ms). */
  at: number;
}

/**
 * The most let-go keys one record remembers: the most recently let go. A key is let go only
 * beyond 5 replaced keys and 30 days, so an account reaches this after years of replacements.
 */
export const MAX_LET_GO = 16;

/**
 * One entry per key (its highest counter, its latest let-go), none the account holds again (its
 * counter travels with it then), the most recent `MAX_LET_GO`, sorted by digest: depends on its
 * inputs only, so every computer keeps the same.
 */
export function joinLetGo(keys: readonly LetGoKey[], held: ReadonlySet<string> = new Set()): LetGoKey[] {
  const byDigest = new Map<string, LetGoKey>();
  for (const key of keys) {
    if (held.has(key.digest)) continue;
    const seen = byDigest.get(key.digest);
    byDigest.set(key.digest, {
      digest: key.digest,
      counter: Math.max(key.counter, seen?.counter ?? 0),
      at: Math.max(key.at, seen?.at ?? 0),
    });
  }
  return [...byDigest.values()]
    .sort((a, b) => b.at - a.at || byDigestOrder(a, b))
    .slice(0, MAX_LET_GO)
    .sort(byDigestOrder);
}

function byDigestOrder(a: LetGoKey, b: LetGoKey): number {
  return a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0;
}
