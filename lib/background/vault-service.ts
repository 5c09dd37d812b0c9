import { isTwofoldError, TwofoldError } from '../errors';
import type { VaultState } from '../messaging';
import type { StoredAccount } from '../otp';
import type { VaultPayload, VaultStore } from '../vault/store';
import { purgeDeleted } from './deleted-accounts';
import type { SessionKey } from './session-key';
import type { VaultHealth } from './vault-health';

export interface VaultServiceDeps {
  store: VaultStore;
  sessionKey: SessionKey;
  /** Called after every unlock and every change, to restart the idle timer. */
  onActivity?: () => void;
  /** Rollback and quarantine notices after unlock. */
  health?: VaultHealth;
  /**
   * A passphrase this vault does not know may open a synced vault (changed on another computer).
   * Only tried after the vault's own slots: a passphrase that opens this vault always unlocks it,
   * whatever the sync space says.
   */
  unlockFallback?: (passphrase: string) => Promise<Uint8Array<ArrayBuffer> | undefined>;
  /** After a passphrase change, with the new key already the session's (sync re-wraps its key). */
  onPassphraseChanged?: (next: string, before: Uint8Array<ArrayBuffer>) => Promise<void>;
  /** The clock that ages recently deleted accounts out of the vault (on every write). */
  now?: () => number;
}

/**
 * The vault and its key: create, unlock, lock, change the passphrase, read, and the one write
 * path. The background's only writer of the vault and only holder of the data key; the other
 * services read and change accounts through `accounts()` and `update()`.
 */
export class VaultService {
  private readonly unlockListeners: (() => void)[] = [];
  private readonly lockListeners: (() => void)[] = [];

  constructor(private readonly deps: VaultServiceDeps) {}

  async state(): Promise<VaultState> {
    return (await this.stateAndAccounts()).state;
  }

  /**
   * The state and, when unlocked, every account, from one decryption (the popup's start needs
   * both; reading them one after the other would decrypt the vault twice).
   */
  async stateAndAccounts(): Promise<{ state: VaultState; accounts?: StoredAccount[] }> {
    // The session key and the stored copies are read at once: one wait instead of two.
    const dek = this.deps.sessionKey.get();
    const { exists, quarantined, snapshot } = await this.deps.store.overview(dek);
    // A key that no longer opens the vault (replaced meanwhile) is worthless: drop it.
    if ((await dek) && !snapshot) await this.deps.sessionKey.clear();
    const readOnly = snapshot?.readOnly ?? false;
    const accounts = snapshot?.payload.accounts;
    const unlocked = accounts !== undefined;
    const rollback = unlocked ? await this.deps.health?.rollback() : undefined;
    const state = {
      exists,
      unlocked,
      quarantined: quarantined.length,
      readOnly,
      ...(rollback ? { rollback } : {}),
    };
    return accounts ? { state, accounts } : { state };
  }

  /**
   * A new vault is an open one: work that waited for the vault (a save asked for before any vault
   * existed) resumes as it does after an unlock.
   */
  async create(passphrase: string): Promise<VaultState> {
    await this.deps.sessionKey.set(await this.deps.store.create(passphrase));
    this.deps.onActivity?.();
    this.unlockListeners.forEach((listener) => listener());
    return this.state();
  }

  async unlock(passphrase: string): Promise<VaultState> {
    const dek = await this.deps.store.unlock(passphrase).catch(async (error: unknown) => {
      const synced = isTwofoldError(error, 'WRONG_PASSPHRASE')
        ? await this.deps.unlockFallback?.(passphrase)
        : undefined;
      if (!synced) throw error;
      return synced;
    });
    return this.unlockWith(dek);
  }

  /** A data key opened by any slot (passphrase or passkey) becomes the session's. */
  async unlockWith(dek: Uint8Array<ArrayBuffer>): Promise<VaultState> {
    await this.deps.sessionKey.set(dek);
    await this.deps.health?.afterUnlock(dek);
    this.deps.onActivity?.();
    this.unlockListeners.forEach((listener) => listener());
    return this.state();
  }

  async lock(): Promise<VaultState> {
    this.lockListeners.forEach((listener) => listener());
    await this.deps.sessionKey.clear();
    return this.state();
  }

  /** A new passphrase brings a new data key: an old copy and the old passphrase open nothing of today's. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const before = await this.key();
    await this.deps.sessionKey.set(await this.deps.store.changePassphrase(before, current, next));
    await this.deps.onPassphraseChanged?.(next, before);
    this.deps.onActivity?.();
  }

  async clearQuarantine(): Promise<VaultState> {
    await this.deps.health?.clearQuarantine(await this.key());
    return this.state();
  }

  async acceptRollback(): Promise<VaultState> {
    await this.deps.health?.acceptRollback(await this.key());
    return this.state();
  }

  /** What held decrypted material for the session (import previews) lets go of it here. */
  onLock(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  /** Work that waited for the vault (a QR capture, a fill) resumes here. */
  onUnlock(listener: () => void): void {
    this.unlockListeners.push(listener);
  }

  /** Whether a vault was ever created here (a fresh install has none: "set up", not "unlock"). */
  exists(): Promise<boolean> {
    return this.deps.store.exists();
  }

  async isUnlocked(): Promise<boolean> {
    return (await this.deps.sessionKey.get()) !== undefined;
  }

  /** Every account, decrypted. Throws LOCKED while locked. */
  async accounts(): Promise<StoredAccount[]> {
    return (await this.deps.store.read(await this.key())).payload.accounts;
  }

  /**
   * The one write path: with the session key, one serialised read-modify-write (no writer loses
   * another's update), then the idle timer restarts. Returns the accounts as saved.
   */
  async update(change: (accounts: StoredAccount[]) => StoredAccount[]): Promise<StoredAccount[]> {
    const saved = await this.deps.store.update(await this.key(), (payload) =>
      purgeDeleted({ ...payload, accounts: change(payload.accounts) }, this.now()),
    );
    this.deps.onActivity?.();
    return saved.accounts;
  }

  /** The whole decrypted payload (accounts and recently deleted ones). Throws LOCKED while locked. */
  async payload(): Promise<VaultPayload> {
    return (await this.deps.store.read(await this.key())).payload;
  }

  /**
   * The write path for changes beyond the account list (the recently deleted ones): the same one
   * serialised read-modify-write as `update`. Returns the payload as saved.
   */
  async updatePayload(change: (payload: VaultPayload) => VaultPayload): Promise<VaultPayload> {
    const saved = await this.deps.store.update(await this.key(), (payload) =>
      purgeDeleted(change(payload), this.now()),
    );
    this.deps.onActivity?.();
    return saved;
  }

  /**
   * Changes one account. `change` returns the new account, or undefined to leave it as it is.
   * Returns the account as saved, or undefined when no account has that id (or it was left alone).
   */
  async updateAccount(
    id: string,
    change: (account: StoredAccount) => StoredAccount | undefined,
  ): Promise<StoredAccount | undefined> {
    let updated: StoredAccount | undefined;
    await this.update((accounts) =>
      accounts.map((account) => {
        if (account.id !== id) return account;
        updated = change(account);
        return updated ?? account;
      }),
    );
    return updated;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private async key(): Promise<Uint8Array<ArrayBuffer>> {
    const dek = await this.deps.sessionKey.get();
    if (!dek) throw new TwofoldError('LOCKED');
    return dek;
  }
}
