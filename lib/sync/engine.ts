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
import { parseHeader, verifyHeader, type SyncHeader } from './header';
import { compareHlc, decodeHlc, encodeHlc, observe, tick, type Hlc } from './hlc';
import { ingest, type KnownVersion, type SyncNotice } from './ingest';
import { liveAccounts, mergeRecords, purgeTombstones } from './merge';
import { areaChanges, HEADER_KEY, pack } from './pack';
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
  records: Record<string, { v: string; fp?: string; rank?: number; area?: string }>;
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
  | 'other-vault';

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
    const [area, accounts] = await Promise.all([areaApi.get(null), vault.read()]);
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
    const known = new Map<string, SyncRecord>();
    const fps = new Map<string, string>();
    const local = new Map(accounts.map((a) => [a.id, a]));
    for (const [id, entry] of Object.entries(state.records)) {
      const version = decodeHlc(entry.v);
      const account = local.get(id);
      if (entry.fp === undefined) known.set(id, { id, version });
      else if (account) known.set(id, { id, version, body: bodyOf(account, entry.rank ?? 0) });
      // A live record missing from the vault was deleted here: handled below.
      else known.set(id, { id, version, body: { account: { ...stubAccount }, rank: entry.rank ?? 0 } });
      if (entry.fp !== undefined) fps.set(id, entry.fp);
    }

    // Local changes since the last run.
    const changed = new Set<string>();
    const ranks = assignRanks(
      accounts.map((a) => a.id),
      new Map(accounts.map((a) => [a.id, known.get(a.id)?.body?.rank])),
    );
    for (const account of accounts) {
      const before = known.get(account.id);
      const rank = ranks.get(account.id) ?? before?.body?.rank ?? 0;
      const fp = await fingerprint(account);
      if (before?.body && fps.get(account.id) === fp && before.body.rank === rank) continue;
      clock = tick(clock, state.device, now);
      known.set(account.id, { id: account.id, version: clock, body: bodyOf(account, rank) });
      fps.set(account.id, fp);
      changed.add(account.id);
    }
    for (const [id, record] of known) {
      if (record.body && !local.has(id)) {
        clock = tick(clock, state.device, now);
        known.set(id, { id, version: clock });
        fps.delete(id);
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
    // Right after a key change the area still holds records sealed with the previous key.
    const rekeyed = state.epoch !== undefined && state.epoch !== header.epoch;
    report.notices.push(...incoming.notices.filter((n) => !rekeyed || n.kind !== 'unauthentic'));
    const outcomes = mergeRecords(known, incoming.newer);
    for (const record of incoming.newer) {
      if (outcomes.get(record.id) !== 'applied') continue;
      clock = observe(clock, record.version, state.device, now);
      report.received++;
      changed.delete(record.id);
      if (record.body) fps.set(record.id, await fingerprint(withId(record)));
      else fps.delete(record.id);
    }
    for (const id of purgeTombstones(known, now)) {
      purged.add(id);
      fps.delete(id);
    }

    // The vault after the merge: local objects are kept where nothing changed.
    const next = liveAccounts(known).map((a) => {
      const mine = local.get(a.id);
      return mine && outcomes.get(a.id) !== 'applied' ? mine : a;
    });
    report.accounts = next.length;
    if (!sameList(accounts, next) && !(await vault.replace(accounts, next))) return undefined;

    // The area after the merge: known records reuse their sealed text when the area has it.
    const texts = new Map<string, string>();
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
    const records: SyncState['records'] = {};
    for (const [id, record] of known) {
      const previous = state.records[id]?.area;
      records[id] = {
        v: encodeHlc(record.version),
        ...(record.body ? { fp: fps.get(id)!, rank: record.body.rank } : {}),
        ...(packed.ok ? { area: encodeHlc(record.version) } : previous ? { area: previous } : {}),
      };
    }
    if (packed.ok) {
      const desired: Record<string, unknown> = { [HEADER_KEY]: header, ...packed.items };
      const { set, remove } = areaChanges(area, desired);
      if (Object.keys(set).length) {
        await areaApi.set(set);
        report.writes++;
      }
      if (remove.length) {
        await areaApi.remove(remove);
        report.writes++;
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
    await this.deps.state.save({
      device: state.device,
      ...(clock ? { clock: encodeHlc(clock) } : {}),
      header,
      records,
      purged: [...purged].slice(-MAX_PURGED),
      ...pick(state, ['localRev']),
      ...(packed.ok ? { areaRev: header.rev, epoch: header.epoch } : pick(state, ['areaRev', 'epoch'])),
    });
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

/** A digest of what sync carries of an account (its rank aside), to notice local edits. */
export async function fingerprint(account: StoredAccount): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encodeBody(bodyOf(account, 0)));
  return toB64u(new Uint8Array(digest).subarray(0, 16));
}

function sameList(a: readonly StoredAccount[], b: readonly StoredAccount[]): boolean {
  return a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]));
}

export { compareHlc };
