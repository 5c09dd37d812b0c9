import type { KeyValueArea, VaultStore } from '../vault/store';
import type { RevisionWatermark } from '../vault/watermark';

const ROLLBACK_KEY = 'vault.rollbackNotice';

/** The vault opened is older than one already seen here. */
export interface RollbackNotice {
  /** Highest revision seen before. */
  seen: number;
  /** Revision of the vault that was unlocked. */
  current: number;
}

export interface VaultHealthDeps {
  store: VaultStore;
  watermark: RevisionWatermark;
  /** storage.session: the notice lasts until the user acknowledges it or the browser restarts. */
  session: KeyValueArea;
}

/**
 * What the user must be told about the vault's own state after an unlock: a rollback
 * (older copies restored) and copies set aside as damaged. Each notice ends with an
 * explicit acknowledgement.
 */
export class VaultHealth {
  constructor(private readonly deps: VaultHealthDeps) {}

  /** After every unlock: compare with the watermark, raise the notice or raise the watermark. */
  async afterUnlock(dek: Uint8Array<ArrayBuffer>): Promise<void> {
    const { vaultId, revision } = await this.deps.store.read(dek);
    const seen = await this.deps.watermark.highest(vaultId);
    if (seen > revision) {
      const notice: RollbackNotice = { seen, current: revision };
      await this.deps.session.set({ [ROLLBACK_KEY]: notice });
      return;
    }
    await this.deps.watermark.record(vaultId, revision);
  }

  async rollback(): Promise<RollbackNotice | undefined> {
    const value = (await this.deps.session.get([ROLLBACK_KEY]))[ROLLBACK_KEY] as RollbackNotice | undefined;
    return value && Number.isSafeInteger(value.seen) && Number.isSafeInteger(value.current)
      ? value
      : undefined;
  }

  /** The user accepts the vault as it is now: it becomes the watermark. */
  async acceptRollback(dek: Uint8Array<ArrayBuffer>): Promise<void> {
    const { vaultId, revision } = await this.deps.store.read(dek);
    await this.deps.watermark.reset(vaultId, revision);
    await this.deps.session.remove([ROLLBACK_KEY]);
  }

  /** The user read the notice about set-aside copies: delete them, if the vault is healthy. */
  async clearQuarantine(dek: Uint8Array<ArrayBuffer>): Promise<number> {
    return this.deps.store.clearQuarantine(dek);
  }
}
