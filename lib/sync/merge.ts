/**
 * Merge by concern. Each account record carries a version per concern (`concerns.ts`): the key
 * material, the names, the pin, the rank and the website. Two versions of a record merge field
 * group by field group, the newer concern winning, so a stale rename never rolls back a key.
 * Beside the concerns: `previousKeys` is a union (newest first, bounded, each kept its 30 days),
 * and a key that loses to a concurrent replacement joins it; an HOTP counter is the maximum when
 * the secrets are equal, and a key that union lets go leaves its counter in `letGo`, so it never
 * comes back with a lower one; `createdAt` is the earliest.
 *
 * A delete is a tombstone that names the keys (by digest) the deleting computer saw. It wins over
 * every edit of names, pin, rank, website or counter, concurrent or later; but an account that
 * holds a key the delete never saw (a replacement, or its undo, made on a computer that had not
 * seen the delete yet) comes back, so no key is ever lost by a delete nobody meant for it.
 * Tombstones from before (no key list) fall back to the clock: the account comes back when its
 * key changed after the delete. Distinct ids (every add gets a fresh one) are never merged.
 */
import type { PreviousKey, StoredAccount } from '../otp/account';
import { toB64u } from './bytes';
import type { AccountBody } from './codec';
import { CONCERNS, type Concern } from './concerns';
import { compareHlc, type Hlc } from './hlc';
import { joinKeyEntries, keyEntry, parseKeyEntry } from './key-entries';
import { joinLetGo, type LetGoKey } from './let-go';
import { keepPreviousKeys } from './previous-keys';
import type { SyncRecord } from './record';

/** Tombstones are kept at least this long, so a computer away for up to 90 days still learns of a delete. */
export const TOMBSTONE_RETENTION_MS = 90 * 24 * 3600 * 1000;
export { MAX_PREVIOUS_KEYS, PREVIOUS_KEY_RETENTION_MS } from './previous-keys';

/**
 * applied: the incoming record as it is; stale: what is known already has it all; same: the very
 * same version; merged: neither holds the result, which needs a version newer than both.
 */
export type Outcome = 'applied' | 'stale' | 'same' | 'merged';

/** Turns a key into its digest (what a tombstone remembers of it). */
export type KeyDigest = (key: KeyMaterial) => Promise<string>;
export type KeyMaterial = Pick<
  PreviousKey,
  'type' | 'secret' | 'algorithm' | 'digits' | 'period' | 'encoder'
>;

/** A key's identity: everything that makes its codes (the HOTP counter aside). */
export function keyIdentity(key: KeyMaterial): string {
  return [key.type, key.algorithm, key.digits, key.period, key.encoder ?? '', key.secret].join(':');
}

/** SHA-256 of the key's identity, 8 bytes: enough to tell keys apart, nothing to find one from. */
export async function keyDigest(key: KeyMaterial): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(keyIdentity(key)));
  return toB64u(new Uint8Array(digest).subarray(0, 8));
}

/** Every key an account holds: the current one, then the replaced ones. */
export function keysOf(account: AccountBody['account']): (KeyMaterial & { counter: number })[] {
  return [account, ...(account.previousKeys ?? [])];
}

/** The version of one concern of a live record. */
export function concernVersion(record: SyncRecord, concern: Concern): Hlc {
  return record.body?.versions?.[concern] ?? record.version;
}

export interface Merged {
  outcome: Outcome;
  /** The record to keep; for 'merged', its version is the newer input's and must be renewed. */
  record: SyncRecord;
}

/** Merges one incoming version of a record with the known one. */
export async function mergeRecord(
  known: SyncRecord | undefined,
  incoming: SyncRecord,
  digest: KeyDigest = keyDigest,
): Promise<Merged> {
  if (!known) return { outcome: 'applied', record: incoming };
  const order = compareHlc(incoming.version, known.version);
  if (order === 0) return { outcome: 'same', record: known };
  const result = await mergeContent(known, incoming, digest);
  const newer = order > 0 ? incoming : known;
  if (sameContent(result, newer)) return { outcome: order > 0 ? 'applied' : 'stale', record: newer };
  return { outcome: 'merged', record: { ...result, version: newer.version } };
}

/** Merges `incoming` into `known` (mutated); returns what happened to each incoming record. */
export async function mergeRecords(
  known: Map<string, SyncRecord>,
  incoming: Iterable<SyncRecord>,
  digest: KeyDigest = keyDigest,
): Promise<Map<string, Merged>> {
  const out = new Map<string, Merged>();
  for (const record of incoming) {
    const merged = await mergeRecord(known.get(record.id), record, digest);
    known.set(record.id, merged.record);
    out.set(record.id, merged);
  }
  return out;
}

/** The merged content: concern versions all spelled out (the caller normalises them). */
async function mergeContent(a: SyncRecord, b: SyncRecord, digest: KeyDigest): Promise<SyncRecord> {
  if (!a.body && !b.body) {
    const gone = a.gone || b.gone ? joinKeyEntries([...(a.gone ?? []), ...(b.gone ?? [])]) : undefined;
    return { id: a.id, version: a.version, ...(gone ? { gone } : {}) };
  }
  if (!a.body || !b.body) {
    const [live, dead] = a.body ? [a, b] : [b, a];
    const entries = await goneEntries(live.body!.account, digest);
    if (!dead.gone) {
      return compareHlc(concernVersion(live, 'key'), dead.version) > 0 ? spelledOut(live) : dead;
    }
    const seen = new Map(dead.gone.map(parseKeyEntry));
    if (entries.some((e) => !seen.has(parseKeyEntry(e)[0]))) {
      // It holds a key the delete never saw: it comes back, with the counters the delete knew.
      const account = live.body!.account;
      const counterOf = async (key: KeyMaterial & { counter: number }) =>
        Math.max(key.counter, seen.get(await digest(key)) ?? 0);
      const revived: Account = { ...account, counter: await counterOf(account) };
      if (account.previousKeys)
        revived.previousKeys = await Promise.all(
          account.previousKeys.map(async (k) => ({ ...k, counter: await counterOf(k) })),
        );
      return spelledOut({ ...live, body: { ...live.body!, account: revived } });
    }
    // Deleted: the tombstone also keeps the highest counters, should the account come back.
    return { ...dead, gone: joinKeyEntries([...dead.gone, ...entries]) };
  }
  return mergeLive(a, b, digest);
}

/** What a tombstone keeps of an account's keys: their digests and HOTP counters. */
export async function goneEntries(account: AccountBody['account'], digest: KeyDigest): Promise<string[]> {
  return joinKeyEntries(
    await Promise.all(keysOf(account).map(async (k) => keyEntry(await digest(k), k.counter))),
  );
}

function spelledOut(record: SyncRecord): SyncRecord {
  if (!record.body) return record;
  const versions = Object.fromEntries(CONCERNS.map((c) => [c, concernVersion(record, c)]));
  return { ...record, body: { ...record.body, versions } };
}

type Account = AccountBody['account'];

async function mergeLive(a: SyncRecord, b: SyncRecord, digest: KeyDigest): Promise<SyncRecord> {
  const versions = {} as Record<Concern, Hlc>;
  const winner = {} as Record<Concern, SyncRecord>;
  for (const concern of CONCERNS) {
    const va = concernVersion(a, concern);
    const vb = concernVersion(b, concern);
    const order = compareHlc(va, vb);
    // Equal versions are the same write; were they not, the larger content wins alike everywhere.
    const pickA = order > 0 || (order === 0 && contentOf(a, concern) >= contentOf(b, concern));
    winner[concern] = pickA ? a : b;
    versions[concern] = pickA ? va : vb;
  }
  const keyFrom = winner.key.body!.account;
  const keyLoser = winner.key === a ? b : a;
  const lost = keyLoser.body!.account;
  const lostDigest = await digest(lost);
  const account: Account = {
    type: keyFrom.type,
    issuer: winner.names.body!.account.issuer,
    label: winner.names.body!.account.label,
    secret: keyFrom.secret,
    algorithm: keyFrom.algorithm,
    digits: keyFrom.digits,
    period: keyFrom.period,
    // The same key may be current on one side and replaced (undone) on the other: its highest
    // counter anywhere, or an undo swapped on two computers offers a used code again.
    counter: highestCounter(keyFrom, [a, b]),
    ...(keyFrom.encoder ? { encoder: keyFrom.encoder } : {}),
    ...optional('origin', winner.site.body!.account.origin),
    ...optional('pinned', winner.pin.body!.account.pinned),
    createdAt: Math.min(a.body!.account.createdAt, b.body!.account.createdAt),
  };
  // Keys either computer let go (`let-go.ts`): the loser's key stays let go unless it became
  // current there after it was let go.
  const remembered = joinLetGo([...(a.body!.letGo ?? []), ...(b.body!.letGo ?? [])]);
  const letGoAt = remembered.find((k) => k.digest === lostDigest)?.at;
  const becameCurrent = Math.max(concernVersion(keyLoser, 'key').wall, newestReplacement(lost));
  const previous = unionPreviousKeys(keyFrom, [
    ...(a.body!.account.previousKeys ?? []),
    ...(b.body!.account.previousKeys ?? []),
    // A key replaced concurrently is kept as replaced when its rival won, replaced when the
    // winner was written: its own key version may be old (an undo back to it since the last
    // sync leaves it unchanged), and the 30-day rule must not take it for a long-replaced key.
    ...(letGoAt === undefined || becameCurrent > letGoAt
      ? [{ ...keyMaterialOf(lost), counter: lost.counter, replacedAt: versions.key.wall }]
      : []),
  ]);
  if (previous.length) account.previousKeys = previous;
  const letGo = await rememberLetGo(account, [a, b], remembered, digest);
  return {
    id: a.id,
    version: a.version,
    body: { account, rank: winner.rank.body!.rank, versions, ...(letGo.length ? { letGo } : {}) },
  };
}

/**
 * The let-go keys after merging `records` into `account`: those either remembered, and the keys
 * either held that the merge let go, at its newest replacement. Every key `account` holds gets at
 * least the highest counter known for it (`account` is changed).
 */
async function rememberLetGo(
  account: Account,
  records: readonly SyncRecord[],
  remembered: readonly LetGoKey[],
  digest: KeyDigest,
): Promise<LetGoKey[]> {
  const at = newestReplacement(account);
  const dropped = await Promise.all(
    records
      .flatMap((r) => keysOf(r.body!.account))
      .map(async (k) => ({ digest: await digest(k), counter: k.counter, at })),
  );
  const all = [...remembered, ...dropped];
  const held = new Set<string>();
  for (const key of keysOf(account)) {
    const d = await digest(key);
    held.add(d);
    for (const k of all) if (k.digest === d) key.counter = Math.max(key.counter, k.counter);
  }
  return joinLetGo(all, held);
}

/** When the account's key last changed by a replacement (its newest replaced key), else 0. */
export function newestReplacement(account: Pick<Account, 'previousKeys'>): number {
  return Math.max(0, ...(account.previousKeys ?? []).map((k) => k.replacedAt));
}

/** The highest counter `key` has in either record, current or replaced. */
function highestCounter(key: KeyMaterial & { counter: number }, records: readonly SyncRecord[]): number {
  const id = keyIdentity(key);
  let counter = key.counter;
  for (const record of records)
    for (const k of keysOf(record.body!.account))
      if (keyIdentity(k) === id) counter = Math.max(counter, k.counter);
  return counter;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value !== undefined ? { [key]: value } : {}) as { [P in K]?: V };
}

function keyMaterialOf(key: KeyMaterial): KeyMaterial {
  const { type, secret, algorithm, digits, period, encoder } = key;
  return { type, secret, algorithm, digits, period, ...(encoder ? { encoder } : {}) };
}

function contentOf(record: SyncRecord, concern: Concern): string {
  const a = record.body!.account;
  switch (concern) {
    case 'key':
      return keyIdentity(a);
    case 'names':
      return JSON.stringify([a.issuer, a.label]);
    case 'pin':
      return String(a.pinned);
    case 'rank':
      return String(record.body!.rank);
    case 'site':
      return String(a.origin);
  }
}

/**
 * Replaced keys from both sides, without the current key: one entry per key (its latest
 * replacement, its highest counter), newest first, bounded by `keepPreviousKeys` (the rule a
 * replacement on one computer follows too). Depends on no clock, so every computer keeps the
 * same ones.
 */
export function unionPreviousKeys(current: KeyMaterial, keys: readonly PreviousKey[]): PreviousKey[] {
  const currentId = keyIdentity(current);
  const byKey = new Map<string, PreviousKey>();
  for (const key of keys) {
    const id = keyIdentity(key);
    if (id === currentId) continue;
    const seen = byKey.get(id);
    byKey.set(id, {
      ...keyMaterialOf(key),
      counter: Math.max(key.counter, seen?.counter ?? 0),
      replacedAt: Math.max(key.replacedAt, seen?.replacedAt ?? 0),
    });
  }
  const sorted = [...byKey.entries()]
    .sort(([ia, a], [ib, b]) => b.replacedAt - a.replacedAt || (ia < ib ? -1 : ia > ib ? 1 : 0))
    .map(([, key]) => key);
  return keepPreviousKeys(sorted);
}

/** Two records hold the same thing (concern versions spelled out; the record version aside). */
export function sameContent(a: SyncRecord, b: SyncRecord): boolean {
  return contentKey(a) === contentKey(b);
}

function contentKey(record: SyncRecord): string {
  if (!record.body) return JSON.stringify(['gone', record.gone ?? null]);
  const { account, rank, letGo } = record.body;
  const versions = CONCERNS.map((c) => concernVersion(record, c));
  return JSON.stringify([canonical(account), rank, versions, letGo ?? []]);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/** A record with a new version: concern versions equal to it are left implicit. */
export function withVersion(record: SyncRecord, version: Hlc): SyncRecord {
  if (!record.body) return { ...record, version };
  const versions: Partial<Record<Concern, Hlc>> = {};
  for (const concern of CONCERNS) {
    const v = concernVersion(record, concern);
    if (compareHlc(v, version) !== 0) versions[concern] = v;
  }
  const { versions: _old, ...body } = record.body;
  return { ...record, version, body: Object.keys(versions).length ? { ...body, versions } : body };
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
