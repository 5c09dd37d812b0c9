/**
 * One reconciliation between the local vault and the sync area: local changes become new
 * record versions, newer records from the area are merged in, the vault is rewritten when the
 * merge changed it, and the area is rewritten where it lacks what this computer knows. Running
 * it again with nothing new changes nothing (no write), so it can run on every local save and
 * every change the browser delivers, in any order, any number of times.
 */
import type { StoredAccount } from '../otp/account';
import { importAesKey } from '../vault/aead';
import { toB64u } from './bytes';
import { encodeBody, type AccountBody } from './codec';
import { isNewerHeader, parseHeader, verifyHeader, type SyncHeader } from './header';
import { compareHlc, decodeHlc, encodeHlc, observe, tick, type Hlc } from './hlc';
import { ingest, type KnownVersion, type SyncNotice } from './ingest';
import { CONCERNS, type Concern } from './concerns';
import {
  concernVersion,
  goneEntries,
  keyDigest,
  keyIdentity,
  liveAccounts,
  mergeRecords,
  newestReplacement,
  purgeTombstones,
  withVersion,
  type KeyDigest,
} from './merge';
import { joinKeyEntries, parseKeyEntry } from './key-entries';
import { joinLetGo, type LetGoKey } from './let-go';
import { areaChanges, HEADER_KEY, pack } from './pack';
import { fieldsOf } from './concerns';
import { canonicalJson, itemBytes, SYNC_QUOTA, type Quota } from './quota';
import { assignRanks } from './ranks';
import { sealRecord, type SyncRecord } from './record';

export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The local vault as sync sees it. */
export interface LocalVault {
  read(): Promise<StoredAccount[]>;
  /** Writes `next` if the list still equals `expected`; false when another write came first. */
  replace(expected: readonly StoredAccount[], next: StoredAccount[]): Promise<boolean>;
}

/** What sync remembers on this computer (in storage.local): versions and digests, no secret. */
export interface SyncState {
  device: string;
  clock?: string;
  header: SyncHeader;
  records: Record<
    string,
    {
      v: string;
      fp?: string;
      rank?: number;
      area?: string;
      /** Concern versions older than `v`. */
      cv?: Partial<Record<Concern, string>>;
      /** Digests of the key, names, pin and site as last written, to tell which one changed. */
      cf?: string;
      /** Digests of every key the account holds (a tombstone: of the keys it saw). */
      k?: string[];
      /** The keys the record's account let go (`AccountBody.letGo`). */
      lg?: LetGoKey[];
    }
  >;
  /** Ids whose tombstone was purged: a record with such an id is a replay. */
  purged: string[];
  /** The newest header revision seen in, or written to, the area: an older one is a replay. */
  areaRev?: number;
  /** The header revision whose passphrase opens this computer's vault. */
  localRev?: number;
  /** The key epoch of the records this computer last wrote. */
  epoch?: number;
}

export interface StateStore {
  load(): Promise<SyncState | undefined>;
  save(state: SyncState): Promise<void>;
}

export type SyncStatus =
  /** Everything this computer knows is in the area (or on its way). */
  | 'ok'
  /** The records do not fit in the browser's sync space: nothing was written there. */
  | 'full'
  /** One account alone is larger than an item may be: nothing was written there. */
  | 'too-large'
  /** Another computer changed the passphrase (and key): unlock with the new passphrase. */
  | 'key-changed'
  /** The area holds another vault. */
  | 'other-vault'
  /** A newer Twofold wrote the area in a format this build cannot read: nothing read or written. */
  | 'newer-version';

export interface SyncReport {
  status: SyncStatus;
  /** Records sealed and written by this run. */
  sent: number;
  /** Records from other computers merged into the vault by this run. */
  received: number;
  /** storage.sync write operations made. */
  writes: number;
  /** Bytes the area holds (or would need, when full). */
  bytes: number;
  limit: number;
  accounts: number;
  notices: SyncNotice[];
}

export interface SyncEngineDeps {
  area: SyncArea;
  vault: LocalVault;
  state: StateStore;
  dek: Uint8Array<ArrayBuffer>;
  now?: () => number;
  quota?: Quota;
}

const MAX_PURGED = 20_000;

export class SyncEngine {
  private readonly now: () => number;
  private readonly quota: Quota;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.quota = deps.quota ?? SYNC_QUOTA;
  }

  /** Runs are serialised: a run always starts from what the previous one wrote. */
  run(): Promise<SyncReport> {
    const next = this.running.then(
      () => this.runOnce(),
      () => this.runOnce(),
    );
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * Remembers the keys and HOTP counters the vault now holds, without a sync run: called on every
   * local save, so a code used and its account deleted before the next run still leaves a
   * tombstone with the counter that code used (else a revival elsewhere would offer it again).
   */
  noteLocal(accounts: readonly StoredAccount[]): Promise<void> {
    const next = this.running.then(
      () => this.noteOnce(accounts),
      () => this.noteOnce(accounts),
    );
    this.running = next.catch(() => undefined);
    return next;
  }

  private async noteOnce(accounts: readonly StoredAccount[]): Promise<void> {
    const state = await this.deps.state.load();
    if (!state) return;
    let changed = false;
    for (const account of accounts) {
      const entry = state.records[account.id];
      if (entry?.fp === undefined) continue; // not synced yet: nobody else holds it
      const before = entry.k ?? [];
      const k = joinKeyEntries([...before, ...(await keyDigests(bodyOf(account, 0).account, keyDigest))]);
      if (k.join() === before.join()) continue;
      state.records[account.id] = { ...entry, k };
      changed = true;
    }
    if (changed) await this.deps.state.save(state);
  }

  private async runOnce(): Promise<SyncReport> {
    for (let attempt = 0; ; attempt++) {
      const report = await this.attempt();
      if (report || attempt >= 4) return report ?? this.attemptFailed();
    }
  }

  private attemptFailed(): never {
    throw new Error('The vault kept changing during sync; it will be retried.');
  }

  /** Undefined when the vault changed under us (the caller retries). */
  private async attempt(): Promise<SyncReport | undefined> {
    const { area: areaApi, vault, dek } = this.deps;
    const state = await this.deps.state.load();
    if (!state) throw new Error('Sync is not set up on this computer.');
    const [area, stored] = await Promise.all([areaApi.get(null), vault.read()]);
    // An account no record can carry (a damaged copy: an unknown algorithm or encoder, a negative
    // counter) stays here untouched, neither sent, nor overwritten, nor taken for a delete: the
    // others still sync, and the popup names it as an error row.
    const heldOut = new Set(stored.filter((a) => !carriable(a)).map((a) => a.id));
    const accounts = heldOut.size ? stored.filter((a) => !heldOut.has(a.id)) : stored;
    const now = this.now();
    const report: SyncReport = {
      status: 'ok',
      sent: 0,
      received: 0,
      writes: 0,
      bytes: 0,
      limit: this.quota.totalBytes,
      accounts: 0,
      notices: [],
    };

    // The header first: whose vault, which key.
    const header = await this.reconcileHeader(state, area[HEADER_KEY], report);
    if (!header) return report;
    state.header = header;
    const key = await importAesKey(dek);
    const context = { vaultId: header.vaultId, epoch: header.epoch };

    let clock: Hlc | undefined = state.clock ? decodeHlc(state.clock) : undefined;
    const digests = new Map<string, string>();
    const digest: KeyDigest = async (k) => {
      const id = keyIdentity(k);
      let d = digests.get(id);
      if (d === undefined) digests.set(id, (d = await keyDigest(k)));
      return d;
    };
    const known = new Map<string, SyncRecord>();
    /** What this computer last wrote of each record, to tell which concern changed since. */
    const prints = new Map<string, Prints>();
    const local = new Map(accounts.map((a) => [a.id, a]));
    for (const [id, entry] of Object.entries(state.records)) {
      if (heldOut.has(id)) continue;
      const version = decodeHlc(entry.v);
      if (entry.fp === undefined) {
        known.set(id, { id, version, ...(entry.k ? { gone: entry.k } : {}) });
        continue;
      }
      const account = local.get(id);
      const rank = entry.rank ?? 0;
      // A live record missing from the vault was deleted here: handled below.
      const body: AccountBody = account ? bodyOf(account, rank) : { account: { ...stubAccount }, rank };
      const versions = decodeVersions(entry.cv);
      if (versions) body.versions = versions;
      if (entry.lg) body.letGo = entry.lg;
      known.set(id, { id, version, body });
      prints.set(id, {
        fp: entry.fp,
        ...(entry.cf ? { cf: entry.cf } : {}),
        ...(entry.k ? { k: entry.k } : {}),
      });
    }

    // Local changes since the last run: only the concerns that changed get the new version.
    const changed = new Set<string>();
    const ranks = assignRanks(
      accounts.map((a) => a.id),
      new Map(accounts.map((a) => [a.id, known.get(a.id)?.body?.rank])),
    );
    for (const account of accounts) {
      const before = known.get(account.id);
      const rank = ranks.get(account.id) ?? before?.body?.rank ?? 0;
      const fp = await fingerprint(account);
      const was = prints.get(account.id);
      if (before?.body && was?.fp === fp && before.body.rank === rank) continue;
      const cf = await concernPrints(account);
      clock = tick(clock, state.device, now);
      const versions: Partial<Record<Concern, Hlc>> = {};
      if (before?.body && was) {
        const old = was.cf ? splitPrints(was.cf) : undefined;
        const mine = splitPrints(cf);
        for (const concern of CONCERNS) {
          // Entries written before concerns were tracked: the record changed, not its concerns.
          const same =
            concern === 'rank' ? before.body.rank === rank : old ? old[concern] === mine[concern] : true;
          if (same) versions[concern] = concernVersion(before, concern);
        }
      }
      const body = bodyOf(account, rank);
      if (Object.keys(versions).length) body.versions = versions;
      const k = await keyDigests(body.account, digest);
      // Keys held before and not now were let go here (the bound on replaced keys): their counters
      // are remembered with the record's.
      const at = newestReplacement(account);
      const letGo = joinLetGo(
        [
          ...(before?.body?.letGo ?? []),
          ...(was?.k ?? []).map(parseKeyEntry).map(([digest, counter]) => ({ digest, counter, at })),
        ],
        new Set(k.map((e) => parseKeyEntry(e)[0])),
      );
      if (letGo.length) body.letGo = letGo;
      known.set(account.id, { id: account.id, version: clock, body });
      prints.set(account.id, { fp, cf, k });
      changed.add(account.id);
    }
    for (const [id, record] of known) {
      if (record.body && !local.has(id)) {
        clock = tick(clock, state.device, now);
        // The tombstone names the keys this computer saw: a key it never saw revives the account.
        const seen = prints.get(id)?.k;
        known.set(id, { id, version: clock, ...(seen ? { gone: seen } : {}) });
        prints.delete(id);
        changed.add(id);
      }
    }

    // What the area brings.
    const versions = new Map<string, KnownVersion>();
    for (const [id, record] of known) {
      const inArea = state.records[id]?.area;
      versions.set(id, { version: record.version, ...(inArea ? { inArea: decodeHlc(inArea) } : {}) });
    }
    const purged = new Set(state.purged);
    const incoming = await ingest(area, key, context, versions, purged);
    if (incoming.newerFormat) {
      report.status = 'newer-version';
      return report;
    }
    // Right after a key change the area still holds records sealed with the previous key.
    const rekeyed = state.epoch !== undefined && state.epoch !== header.epoch;
    report.notices.push(...incoming.notices.filter((n) => !rekeyed || n.kind !== 'unauthentic'));
    const newer = heldOut.size ? incoming.newer.filter((r) => !heldOut.has(r.id)) : incoming.newer;
    const outcomes = await mergeRecords(known, newer, digest);
    for (const record of newer) {
      const merged = outcomes.get(record.id);
      if (!merged || merged.outcome === 'same' || merged.outcome === 'stale') continue;
      clock = observe(clock, record.version, state.device, now);
      report.received++;
      prints.delete(record.id);
      if (merged.outcome === 'merged') {
        // Neither version holds the merge: it gets a version newer than both, for every computer.
        clock = tick(clock, state.device, now);
        known.set(record.id, withVersion(merged.record, clock));
        changed.add(record.id);
      } else changed.delete(record.id);
    }
    for (const id of purgeTombstones(known, now)) {
      purged.add(id);
      prints.delete(id);
    }

    // The vault after the merge: local objects are kept where sync changed nothing of them.
    const next = liveAccounts(known).map((a) => {
      const mine = local.get(a.id);
      return mine && sameSynced(mine, a) ? mine : a;
    });
    // Held-out accounts keep their place in the list.
    stored.forEach((a, i) => heldOut.has(a.id) && next.splice(Math.min(i, next.length), 0, a));
    report.accounts = next.length;
    if (!sameList(stored, next) && !(await vault.replace(stored, next))) return undefined;

    // The area after the merge: known records reuse their sealed text when the area has it.
    const texts = new Map<string, string>();
    // What the area holds of a held-out account stays there as it is.
    for (const id of heldOut) {
      const current = incoming.texts.get(id);
      if (current) texts.set(id, current.text);
    }
    for (const [id, record] of known) {
      const current = incoming.texts.get(id);
      if (current && compareHlc(current.version, record.version) === 0) {
        texts.set(id, current.text);
        continue;
      }
      texts.set(id, await sealRecord(key, context, record));
      report.sent++;
    }
    const headerBytes = itemBytes(HEADER_KEY, header);
    const packed = pack(texts, area, headerBytes, this.quota);
    // The vault may already hold the merge: what this run knows is remembered even when the
    // area refuses the write (quota), or the next run would take the merge for a local edit.
    let written = packed.ok;
    let failure: Error | undefined;
    if (packed.ok) {
      const desired: Record<string, unknown> = { [HEADER_KEY]: header, ...packed.items };
      const { set, remove } = areaChanges(area, desired);
      try {
        if (Object.keys(set).length) {
          await areaApi.set(set);
          report.writes++;
        }
        if (remove.length) {
          await areaApi.remove(remove);
          report.writes++;
        }
      } catch (error) {
        written = false;
        failure = error instanceof Error ? error : new Error(String(error));
      }
      report.bytes = packed.bytes;
    } else {
      report.status = packed.reason === 'record' ? 'too-large' : 'full';
      report.sent = 0;
      // Measured against the whole space, so the share shown is what would be needed.
      report.bytes =
        packed.reason === 'items' ? Math.max(packed.bytes, this.quota.totalBytes + 1) : packed.bytes;
      report.limit = packed.reason === 'record' ? packed.limit : this.quota.totalBytes;
    }
    const records: SyncState['records'] = {};
    for (const id of heldOut) {
      const entry = state.records[id];
      if (entry) records[id] = entry;
    }
    for (const [id, record] of known) {
      const previous = state.records[id]?.area;
      let entry: SyncState['records'][string] = { v: encodeHlc(record.version) };
      if (record.body) {
        let print = prints.get(id);
        if (!print?.cf || !print.k) {
          const account = withId(record);
          print = {
            fp: await fingerprint(account),
            cf: await concernPrints(account),
            k: await keyDigests(record.body.account, digest),
          };
        }
        const cv = encodeVersions(record);
        entry = {
          ...entry,
          fp: print.fp,
          rank: record.body.rank,
          ...(cv ? { cv } : {}),
          cf: print.cf!,
          k: print.k!,
          ...(record.body.letGo ? { lg: record.body.letGo } : {}),
        };
      } else if (record.gone) entry.k = record.gone;
      records[id] = {
        ...entry,
        ...(written ? { area: encodeHlc(record.version) } : previous ? { area: previous } : {}),
      };
    }
    await this.deps.state.save({
      device: state.device,
      ...(clock ? { clock: encodeHlc(clock) } : {}),
      header,
      records,
      purged: [...purged].slice(-MAX_PURGED),
      ...pick(state, ['localRev']),
      ...(written ? { areaRev: header.rev, epoch: header.epoch } : pick(state, ['areaRev', 'epoch'])),
    });
    if (failure !== undefined) throw failure;
    return report;
  }

  /**
   * The header to keep: ours when the area has none or an older one (a replay: noticed);
   * the area's when it is newer and sealed with our key (a passphrase changed elsewhere).
   * Undefined (and a status) when the area now belongs to another key or vault.
   */
  private async reconcileHeader(
    state: SyncState,
    stored: unknown,
    report: SyncReport,
  ): Promise<SyncHeader | undefined> {
    const ours = state.header;
    if (stored === undefined) return ours;
    if (isNewerHeader(stored)) {
      report.status = 'newer-version';
      return undefined;
    }
    let theirs: SyncHeader;
    try {
      theirs = parseHeader(stored);
    } catch {
      report.notices.push({ kind: 'unauthentic' });
      return ours;
    }
    if (theirs.vaultId !== ours.vaultId) {
      report.status = 'other-vault';
      return undefined;
    }
    if (canonicalJson(theirs) === canonicalJson(ours)) return ours;
    if (theirs.rev === ours.rev && outranks(theirs, ours)) {
      // Two computers changed the passphrase at once: every computer keeps the same header (no
      // endless rewriting); the one whose header lost stops until it joins the winner's key.
      if (await verifyHeader(theirs, this.deps.dek)) {
        state.areaRev = theirs.rev;
        return theirs;
      }
      report.status = 'key-changed';
      return undefined;
    }
    if (theirs.rev > ours.rev) {
      if (await verifyHeader(theirs, this.deps.dek)) {
        state.areaRev = theirs.rev;
        return theirs; // a new passphrase for the same key: adopted
      }
      if (theirs.epoch > ours.epoch) {
        report.status = 'key-changed';
        return undefined;
      }
    } else if (theirs.rev < ours.rev && theirs.rev >= (state.areaRev ?? 0)) {
      return ours; // ours is newer and not written yet
    }
    report.notices.push({ kind: theirs.rev < ours.rev ? 'replayed' : 'unauthentic' });
    return ours;
  }
}

/** The same-revision tie-break every computer makes alike: newer key epoch, then the check. */
function outranks(theirs: SyncHeader, ours: SyncHeader): boolean {
  return theirs.epoch !== ours.epoch ? theirs.epoch > ours.epoch : theirs.check > ours.check;
}

const stubAccount: AccountBody['account'] = {
  type: 'totp',
  issuer: '',
  label: '',
  secret: '',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  createdAt: 0,
};

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<
    Pick<T, K>
  >;
}

function bodyOf(account: StoredAccount, rank: number): AccountBody {
  const { id: _id, updatedAt: _updatedAt, ...rest } = account;
  return { account: rest, rank };
}

function withId(record: SyncRecord): StoredAccount {
  return { ...record.body!.account, id: record.id, updatedAt: record.version.wall };
}

/** Whether a sync record can carry the account (the codec refuses what it cannot write back). */
function carriable(account: StoredAccount): boolean {
  try {
    encodeBody(bodyOf(account, 0));
    return true;
  } catch {
    return false;
  }
}

/** A digest of what sync carries of an account (its rank aside), to notice local edits. */
export async function fingerprint(account: StoredAccount): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encodeBody(bodyOf(account, 0)));
  return toB64u(new Uint8Array(digest).subarray(0, 16));
}

interface Prints {
  fp: string;
  cf?: string;
  k?: string[];
}

const PRINT_CHARS = 8;
/** The concerns with a digest (the rank is compared as it is). */
const PRINTED = CONCERNS.filter((c) => c !== 'rank');

/** One short digest per concern, concatenated: which of key, names, pin, site changed. */
async function concernPrints(account: StoredAccount): Promise<string> {
  const parts = await Promise.all(
    PRINTED.map(async (concern) => {
      const fields = fieldsOf(concern).map((f) => [f, account[f] ?? null]);
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(fields)));
      return toB64u(new Uint8Array(digest).subarray(0, 6));
    }),
  );
  return parts.join('');
}

function splitPrints(cf: string): Partial<Record<Concern, string>> {
  return Object.fromEntries(PRINTED.map((c, i) => [c, cf.slice(i * PRINT_CHARS, (i + 1) * PRINT_CHARS)]));
}

function keyDigests(account: AccountBody['account'], digest: KeyDigest): Promise<string[]> {
  return goneEntries(account, digest);
}

function encodeVersions(record: SyncRecord): Partial<Record<Concern, string>> | undefined {
  const versions = record.body?.versions;
  if (!versions) return undefined;
  const out: Partial<Record<Concern, string>> = {};
  for (const concern of CONCERNS) {
    const v = versions[concern];
    if (v && compareHlc(v, record.version) !== 0) out[concern] = encodeHlc(v);
  }
  return Object.keys(out).length ? out : undefined;
}

function decodeVersions(cv: Partial<Record<Concern, string>> | undefined): AccountBody['versions'] {
  if (!cv) return undefined;
  const out: Partial<Record<Concern, Hlc>> = {};
  for (const concern of CONCERNS) {
    const v = cv[concern];
    if (v) out[concern] = decodeHlc(v);
  }
  return Object.keys(out).length ? out : undefined;
}

/** The same account as far as sync goes (`updatedAt` is this computer's own). */
function sameSynced(a: StoredAccount, b: StoredAccount): boolean {
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return canonicalJson(x) === canonicalJson(y);
}

function sameList(a: readonly StoredAccount[], b: readonly StoredAccount[]): boolean {
  return a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]));
}

export { compareHlc };
