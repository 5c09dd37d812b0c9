import { TwofoldError } from '../errors';
import type { StoredAccount } from '../otp/account';
import type { SyncProblem, SyncStatusView } from '../protocol/sync';
import { toB64u } from '../sync/bytes';
import { SyncEngine, type LocalVault, type SyncArea, type SyncReport, type SyncState } from '../sync/engine';
import {
  changedHeader,
  createHeader,
  isNewerHeader,
  openChangedHeader,
  parseHeader,
  previousKeys,
  unwrapHeader,
  type SyncHeader,
} from '../sync/header';
import { newDeviceId } from '../sync/hlc';
import { HEADER_KEY, isSyncKey } from '../sync/pack';
import { SYNC_QUOTA } from '../sync/quota';
import { isQuotaError, WriteScheduler, type SchedulerMemory, type Timers } from '../sync/scheduler';
import { equalBytes, randomBytes } from '../bytes';
import { DEFAULT_KDF } from '../vault/kdf';
import type { KeyValueArea, VaultStore } from '../vault/store';
import type { RevisionWatermark } from '../vault/watermark';
import type { SessionKey } from './session-key';
import { keepRemoved } from './deleted-accounts';

const STATE_KEY = 'sync.state';
const STATUS_KEY = 'sync.status';
const BUDGET_KEY = 'sync.budget';

/** What the settings page shows, kept in storage.local (no secret in it). */
interface StoredStatus {
  lastSentAt?: number;
  lastReceivedAt?: number;
  bytes: number;
  limit: number;
  accounts: number;
  problem?: SyncProblem;
  ignored: number;
}

export interface SyncServiceDeps {
  /** browser.storage.sync */
  area: SyncArea;
  /** browser.storage.local */
  local: KeyValueArea;
  store: VaultStore;
  sessionKey: SessionKey;
  kdf?: { memory: number; iterations: number; parallelism: number };
  now?: () => number;
  timers?: Timers;
  /**
   * The rollback watermark in the sync space (storage.sync only): raised by each run, so its
   * writes count in the run's budget; this computer's mark leaves when sync is turned off.
   */
  watermark?: RevisionWatermark;
}

export interface EnableOptions {
  /**
   * The sync space holds a header that the passphrase typed does not open, while it opens this
   * computer's vault: replace that header with this computer's vault (after a warning).
   */
  replace?: boolean;
}

class VaultChanged extends Error {}

/**
 * End-to-end encrypted sync of the vault through the browser's sync space. The vault write
 * path and the browser's change events only poke it; the scheduler decides when a run
 * happens; each run is one reconciliation (lib/sync/engine.ts) with the unlocked data key.
 * While Twofold is locked nothing runs: changes wait in the sync space until the next unlock.
 */
export class SyncService {
  private readonly now: () => number;
  private readonly scheduler: WriteScheduler;
  private enabled: Promise<boolean>;

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.scheduler = new WriteScheduler({
      run: () => this.runNow(),
      now: this.now,
      ...(deps.timers ? { timers: deps.timers } : {}),
      onError: (error) => void this.saveProblem(isQuotaError(error) ? 'quota' : 'failed'),
      remember: (memory) => void deps.local.set({ [BUDGET_KEY]: memory }).catch(() => undefined),
    });
    // Nothing is planned before the budget of the previous worker is back.
    this.enabled = Promise.all([this.loadState(), deps.local.get([BUDGET_KEY])]).then(([state, stored]) => {
      this.scheduler.restore(stored[BUDGET_KEY] as SchedulerMemory | undefined);
      return state !== undefined;
    });
    void this.enabled.then((on) => on && this.scheduler.remote());
  }

  /** The vault was written on this computer (`accounts`: what it now holds). */
  onVaultWrite(accounts?: readonly StoredAccount[]): void {
    void this.enabled.then((on) => {
      if (!on) return;
      // Noted at once (no write to the sync space): a delete before the next run still knows the counters.
      if (accounts) void this.serial(() => this.noteLocal(accounts)).catch(() => undefined);
      this.scheduler.local();
    });
  }

  /** Runs and notes one at a time: each starts from the state the previous one saved. */
  private chain: Promise<unknown> = Promise.resolve();
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async noteLocal(accounts: readonly StoredAccount[]): Promise<void> {
    const dek = await this.deps.sessionKey.get();
    if (dek) await this.engineFor(dek).noteLocal(accounts);
  }

  /** The browser delivered a change to the sync space (or Twofold was just unlocked). */
  onRemoteChange(): void {
    void this.enabled.then((on) => on && this.scheduler.remote());
  }

  /** Resolves when no run is pending (tests). */
  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  async status(): Promise<SyncStatusView> {
    const [enabled, area, stored] = await Promise.all([
      this.enabled,
      this.deps.area.get(null),
      this.deps.local.get([STATUS_KEY]),
    ]);
    const status = (stored[STATUS_KEY] as StoredStatus | undefined) ?? emptyStatus();
    return {
      enabled,
      syncedVault: area[HEADER_KEY] !== undefined,
      ...status,
      percent: Math.ceil((status.bytes / status.limit) * 100),
      ...(enabled ? {} : { problem: undefined }),
    };
  }

  /** Whether sync is on on this computer (the watermark's sync area follows it). */
  isOn(): Promise<boolean> {
    return this.enabled;
  }

  async enable(passphrase: string, options: EnableOptions = {}): Promise<SyncStatusView> {
    const { store, sessionKey } = this.deps;
    const stored = (await this.deps.area.get(null))[HEADER_KEY];
    const exists = await store.exists();
    const dek = await sessionKey.get();
    // A newer Twofold's synced vault: neither joined nor replaced by this build's.
    if (isNewerHeader(stored)) throw new TwofoldError('SYNC_NEWER_VERSION');
    let header: SyncHeader;
    if (stored === undefined) {
      // The first computer: its vault becomes the synced vault.
      header = await this.newHeader(await this.ownKey(passphrase, exists, dek), passphrase);
    } else {
      let parsed: SyncHeader | undefined;
      try {
        parsed = parseHeader(stored);
      } catch {
        parsed = undefined;
      }
      const synced = parsed && (await unwrapHeader(parsed, passphrase));
      if (parsed && synced) {
        header = parsed;
        if (!exists) await store.create(passphrase, synced);
        else {
          if (!dek) throw new TwofoldError('LOCKED');
          // The accounts stay; the synced vault's key and passphrase open them from now on.
          await store.rekey(dek, synced, passphrase);
        }
        await sessionKey.set(synced);
      } else {
        // No passphrase typed opens the sync space's header. When this one opens this
        // computer's vault, that header may be forged or damaged: after a warning, this
        // computer's vault may take its place (the others stop until they join it again).
        const own =
          exists && dek ? await this.ownKey(passphrase, exists, dek).catch(() => undefined) : undefined;
        if (!own) throw new TwofoldError(parsed ? 'SYNC_WRONG_PASSPHRASE' : 'SYNC_DAMAGED');
        if (!options.replace) return { ...(await this.status()), replaceOffered: true };
        header = await this.newHeader(own, passphrase);
        // The old records go too: sealed for the replaced header, they would only read as altered.
        const records = Object.keys(await this.deps.area.get(null)).filter(
          (key) => isSyncKey(key) && key !== HEADER_KEY,
        );
        if (records.length) await this.deps.area.remove(records);
        await this.deps.area.set({ [HEADER_KEY]: header });
      }
    }
    const state: SyncState = { device: newDeviceId(), header, records: {}, purged: [], localRev: header.rev };
    await this.deps.local.set({ [STATE_KEY]: state, [STATUS_KEY]: emptyStatus() });
    this.enabled = Promise.resolve(true);
    await this.runNow().catch(() => this.scheduler.remote());
    return this.status();
  }

  /** This computer's unlocked data key, when `passphrase` is this computer's own. Throws. */
  private async ownKey(
    passphrase: string,
    exists: boolean,
    dek: Uint8Array<ArrayBuffer> | undefined,
  ): Promise<Uint8Array<ArrayBuffer>> {
    if (!exists) throw new TwofoldError('NO_VAULT');
    if (!dek) throw new TwofoldError('LOCKED');
    if (!equalBytes(await this.deps.store.unlock(passphrase), dek))
      throw new TwofoldError('WRONG_PASSPHRASE');
    return dek;
  }

  /** A header for a new synced vault: this computer's key, a new vault id. */
  private newHeader(dek: Uint8Array<ArrayBuffer>, passphrase: string): Promise<SyncHeader> {
    return createHeader({
      dek,
      passphrase,
      vaultId: toB64u(randomBytes(12)),
      epoch: 1,
      rev: 1,
      kdf: this.deps.kdf ?? DEFAULT_KDF,
    });
  }

  /**
   * Stops syncing this computer: its vault keeps every account; the sync space and the other
   * computers are not touched (only this computer's rollback watermark leaves the sync space).
   */
  async disable(): Promise<SyncStatusView> {
    this.enabled = Promise.resolve(false);
    this.scheduler.cancel();
    await this.deps.local.remove([STATE_KEY, STATUS_KEY]);
    const vaultId = (await this.deps.store.header())?.vaultId;
    if (vaultId) await this.deps.watermark?.forget(vaultId);
    return this.status();
  }

  /**
   * Sync stopped because the synced vault's key changed on another computer (this computer's
   * own passphrase still opens its vault): the new passphrase, typed in the settings, moves
   * this computer's vault to the new key and sync resumes. Needs Twofold unlocked.
   */
  async useNewPassphrase(passphrase: string): Promise<SyncStatusView> {
    const state = await this.loadState();
    if (!state) throw new TwofoldError('SYNC_WRONG_PASSPHRASE');
    const dek = await this.deps.sessionKey.get();
    if (!dek) throw new TwofoldError('LOCKED');
    const opened = await openChangedHeader(
      (await this.deps.area.get(null))[HEADER_KEY],
      state.header.vaultId,
      passphrase,
    );
    if (!opened) throw new TwofoldError('SYNC_WRONG_PASSPHRASE');
    const { header, dek: synced } = opened;
    if (!equalBytes(synced, dek)) await this.deps.store.rekey(dek, synced, passphrase);
    await this.deps.sessionKey.set(synced);
    await this.deps.local.set({ [STATE_KEY]: { ...state, header, localRev: header.rev } });
    await this.runNow().catch(() => this.scheduler.remote());
    return this.status();
  }

  /**
   * A passphrase the local vault does not know may be the synced vault's new one (changed on
   * another computer): then the local vault moves to the synced key and that passphrase.
   */
  async unlockFallback(passphrase: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const state = await this.loadState();
    if (!state) return undefined;
    let header: SyncHeader;
    try {
      header = parseHeader((await this.deps.area.get(null))[HEADER_KEY]);
    } catch {
      return undefined;
    }
    // Only a header newer than the one this computer's passphrase belongs to can hold a new
    // passphrase: otherwise a mistyped passphrase costs no second derivation.
    if (header.vaultId !== state.header.vaultId || header.rev <= (state.localRev ?? state.header.rev)) {
      return undefined;
    }
    const synced = await unwrapHeader(header, passphrase);
    if (!synced) return undefined;
    // The local copy may be under any key of the chain: however many changes it missed.
    for (const local of [synced, ...(await previousKeys(header, synced))]) {
      const opens = await this.deps.store.read(local).then(
        () => true,
        () => false,
      );
      if (!opens) continue;
      await this.deps.store.rekey(local, synced, passphrase);
      await this.deps.local.set({ [STATE_KEY]: { ...state, header, localRev: header.rev } });
      return synced;
    }
    return undefined;
  }

  /** This computer changed its passphrase (and maybe its data key): a new header for all. */
  async onPassphraseChanged(next: string, before: Uint8Array<ArrayBuffer>): Promise<void> {
    const state = await this.loadState();
    const dek = await this.deps.sessionKey.get();
    if (!state || !dek) return;
    const header = await changedHeader(state.header, {
      dek,
      before,
      passphrase: next,
      kdf: this.deps.kdf ?? DEFAULT_KDF,
    });
    await this.deps.local.set({ [STATE_KEY]: { ...state, header, localRev: header.rev } });
    this.scheduler.remote();
  }

  /** One reconciliation now (the scheduler calls this; so does turning sync on). */
  async runNow(): Promise<{ writes: number }> {
    await this.enabled; // after the notes of writes made before this call
    return this.serial(() => this.runOnce());
  }

  private async runOnce(): Promise<{ writes: number }> {
    const dek = await this.deps.sessionKey.get();
    if (!(await this.enabled) || !dek) return { writes: 0 };
    const report = await this.engineFor(dek).run();
    await this.saveReport(report);
    return { ...report, writes: report.writes + (await this.raiseWatermark(dek)) };
  }

  private engineFor(dek: Uint8Array<ArrayBuffer>): SyncEngine {
    return new SyncEngine({
      area: this.deps.area,
      vault: this.vaultFor(dek),
      state: {
        load: () => this.loadState(),
        save: (state) => this.deps.local.set({ [STATE_KEY]: state }),
      },
      dek,
      now: this.now,
    });
  }

  /** The sync space's copy of this computer's rollback watermark follows each run (one write at most). */
  private async raiseWatermark(dek: Uint8Array<ArrayBuffer>): Promise<number> {
    if (!this.deps.watermark) return 0;
    const { vaultId, revision } = await this.deps.store.read(dek);
    return this.deps.watermark.record(vaultId, revision);
  }

  private vaultFor(dek: Uint8Array<ArrayBuffer>): LocalVault {
    const { store } = this.deps;
    return {
      read: async () => (await store.read(dek)).payload.accounts,
      replace: async (expected: readonly StoredAccount[], next: StoredAccount[]) => {
        try {
          await store.update(dek, (payload) => {
            if (JSON.stringify(payload.accounts) !== JSON.stringify(expected)) throw new VaultChanged();
            // An account another computer deleted stays restorable here too, as after a delete here.
            return keepRemoved(payload, payload.accounts, next, this.now());
          });
          return true;
        } catch (error) {
          if (error instanceof VaultChanged) return false;
          throw error;
        }
      },
    };
  }

  private async loadState(): Promise<SyncState | undefined> {
    return (await this.deps.local.get([STATE_KEY]))[STATE_KEY] as SyncState | undefined;
  }

  private async loadStatus(): Promise<StoredStatus> {
    return (
      ((await this.deps.local.get([STATUS_KEY]))[STATUS_KEY] as StoredStatus | undefined) ?? emptyStatus()
    );
  }

  private async saveReport(report: SyncReport): Promise<void> {
    const previous = await this.loadStatus();
    const now = this.now();
    const problem: SyncProblem | undefined =
      report.status === 'full'
        ? 'full'
        : report.status === 'too-large'
          ? 'tooLarge'
          : report.status === 'key-changed'
            ? 'keyChanged'
            : report.status === 'other-vault'
              ? 'otherVault'
              : report.status === 'newer-version'
                ? 'newerVersion'
                : undefined;
    const next: StoredStatus = {
      ...(report.sent > 0
        ? { lastSentAt: now }
        : previous.lastSentAt
          ? { lastSentAt: previous.lastSentAt }
          : {}),
      ...(report.received > 0
        ? { lastReceivedAt: now }
        : previous.lastReceivedAt
          ? { lastReceivedAt: previous.lastReceivedAt }
          : {}),
      // One oversized account says nothing of the space used: the last figure stays.
      ...(report.status === 'too-large'
        ? { bytes: previous.bytes, limit: previous.limit }
        : { bytes: report.bytes || previous.bytes, limit: report.limit }),
      accounts: report.accounts,
      ...(problem ? { problem } : {}),
      ignored: previous.ignored + report.notices.length,
    };
    await this.deps.local.set({ [STATUS_KEY]: next });
  }

  private async saveProblem(problem: SyncProblem): Promise<void> {
    await this.deps.local.set({ [STATUS_KEY]: { ...(await this.loadStatus()), problem } });
  }
}

function emptyStatus(): StoredStatus {
  return { bytes: 0, limit: SYNC_QUOTA.totalBytes, accounts: 0, ignored: 0 };
}
