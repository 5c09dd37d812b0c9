import { isTwofoldError, TwofoldError } from '../errors';
import type { BackupExport, ImportCommit, ImportFailure, ImportPreview } from '../messaging';
import type { StoredAccount } from '../otp';
import { secretBits } from '../otp';
import {
  createBackup,
  detectFormat,
  FORMAT_NAMES,
  importText,
  isImportError,
  planImport,
  splitExportable,
} from '../transfer';
import { deletedOf, importDeleted, keptDeleted } from './deleted-accounts';
import { applyImportChoices } from './import-commit';
import { ImportTokens } from './import-tokens';
import type { VaultService } from './vault-service';

/** Backups, imports and exports: files in and out of the vault, secrets never leaving the background. */
export class TransferService {
  private readonly now: () => number;
  private readonly imports: ImportTokens;

  constructor(
    private readonly vault: VaultService,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
    this.imports = new ImportTokens(() => this.now());
    vault.onLock(() => this.imports.clear());
  }

  /**
   * A Twofold encrypted backup (fresh salt, so a fresh key) of every account that can make a
   * code; the others are named in `leftOut` with why, instead of failing the whole backup.
   */
  async exportBackup(passphrase: string): Promise<BackupExport> {
    const payload = await this.vault.payload();
    const { usable, leftOut } = splitExportable(payload.accounts);
    const now = this.now();
    // The recently deleted accounts travel too, so a restored backup can still bring them back.
    const deleted = keptDeleted(deletedOf(payload), payload.accounts, now);
    const text = await createBackup(usable, passphrase, { now, deleted });
    return { text, count: usable.length, leftOut };
  }

  /** Every account with its secret, for the options page's explicit plain exports only. */
  exportAccounts(): Promise<StoredAccount[]> {
    return this.vault.accounts();
  }

  /**
   * What importing `text` would do: names and statuses, never secrets. Nothing is written. The
   * decrypted result waits here for the commit under the returned token (derived once).
   */
  async preview(text: string, password?: string): Promise<ImportPreview> {
    try {
      const saved = await this.vault.accounts();
      const result = await importText(text, password);
      const plan = planImport(saved, result.accounts);
      return {
        ok: true,
        token: this.imports.put(result),
        format: result.format,
        formatName: FORMAT_NAMES[result.format],
        skipped: result.skipped,
        items: plan.map(({ account, status, repeatOf }, index) => ({
          index,
          issuer: account.issuer,
          label: account.label,
          type: account.type,
          digits: account.digits,
          period: account.period,
          algorithm: account.algorithm,
          status,
          ...(account.type === 'hotp' ? { counter: account.counter } : {}),
          ...(repeatOf !== undefined ? { repeatOf } : {}),
          ...(account.origin ? { origin: account.origin } : {}),
          secretBits: secretBits(account.secret),
          ...(account.encoder ? { encoder: account.encoder } : {}),
        })),
      };
    } catch (error) {
      return importFailure(error, text);
    }
  }

  /**
   * Writes the choices made on the preview `token` in one vault write (see
   * applyImportChoices): accounts already in Twofold are never added again; a repeat chosen
   * is added; a conflict is added next to its namesake or, in `replace`, replaces its key.
   * Only a Twofold backup carries bindings (origin), pins and creation dates.
   */
  async commit(
    token: string,
    select: readonly number[],
    replace: readonly number[] = [],
  ): Promise<ImportCommit> {
    try {
      const result = this.imports.take(token);
      if (!result) throw new TwofoldError('IMPORT_EXPIRED');
      const now = this.now();
      let added = 0;
      let replaced = 0;
      await this.vault.updatePayload((payload) => {
        const outcome = applyImportChoices(payload.accounts, result.accounts, { select, replace }, now);
        added = outcome.added;
        replaced = outcome.replaced;
        const next = { ...payload, accounts: outcome.accounts };
        return result.deleted ? importDeleted(next, result.deleted, now) : next;
      });
      return { ok: true, added, ...(replaced > 0 ? { replaced } : {}) };
    } catch (error) {
      return importFailure(error);
    }
  }
}

/** An import failure as the page shows it: the importer's own message, never a secret. */
function importFailure(error: unknown, text?: string): ImportFailure {
  if (isImportError(error) || isTwofoldError(error, 'LOCKED')) {
    // The file's app, when there is a file to tell (a commit names a preview, not a file).
    const format = isImportError(error) && text !== undefined ? detectFormat(text) : undefined;
    return {
      ok: false,
      code: error.code,
      params: [...error.params],
      message: error.message,
      ...(format ? { format } : {}),
    };
  }
  throw error;
}
