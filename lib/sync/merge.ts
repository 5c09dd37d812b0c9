/**
 * Per-record last-writer-wins on the hybrid logical clock. A delete is a tombstone that wins
 * over older versions only, so an edit made after a delete brings the account back; distinct
 * ids (every add gets a fresh one) are never merged into each other, so concurrent adds are
 * both kept.
 */
import type { StoredAccount } from '../otp/account';
import { compareHlc } from './hlc';
import type { SyncRecord } from './record';

/** Tombstones are kept at least this long, so a computer away for up to 90 days still learns of a delete. */
export const TOMBSTONE_RETENTION_MS = 90 * 24 * 3600 * 1000;

export type Outcome = 'applied' | 'stale' | 'same';

/** The newer of the two versions of one record. */
export function pick(known: SyncRecord | undefined, incoming: SyncRecord): Outcome {
  if (!known) return 'applied';
  const order = compareHlc(incoming.version, known.version);
  return order > 0 ? 'applied' : order < 0 ? 'stale' : 'same';
}

/** Merges `incoming` into `known` (mutated); returns what happened to each incoming record. */
export function mergeRecords(
  known: Map<string, SyncRecord>,
  incoming: Iterable<SyncRecord>,
): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const record of incoming) {
    const outcome = pick(known.get(record.id), record);
    if (outcome === 'applied') known.set(record.id, record);
    outcomes.set(record.id, outcome);
  }
  return outcomes;
}

/** Drops tombstones older than the retention; returns their ids (remembered as purged). */
export function purgeTombstones(
  known: Map<string, SyncRecord>,
  now: number,
  retention = TOMBSTONE_RETENTION_MS,
): string[] {
  const purged: string[] = [];
  for (const [id, record] of known) {
    if (!record.body && record.version.wall < now - retention) {
      known.delete(id);
      purged.push(id);
    }
  }
  return purged;
}

/** The vault's account list: live records by rank, then id (the same order on every computer). */
export function liveAccounts(known: ReadonlyMap<string, SyncRecord>): StoredAccount[] {
  return [...known.values()]
    .filter((r): r is SyncRecord & Required<Pick<SyncRecord, 'body'>> => r.body !== undefined)
    .sort((a, b) => a.body.rank - b.body.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ ...r.body.account, id: r.id, updatedAt: r.version.wall }));
}
