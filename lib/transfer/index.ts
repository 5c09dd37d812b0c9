/** Public API of import/export: pure functions, no storage, no UI. */
export { detectFormat } from './detect';
export { importText } from './import';
export { createBackup, readBackup, BACKUP_FORMAT, BACKUP_VERSION, MIN_BACKUP_PASSPHRASE } from './backup';
export type { BackupOptions } from './backup';
export {
  exportMigrationUris,
  exportOtpauthList,
  migrationIncompatible,
  MIGRATION_BATCH_SIZE,
  splitExportable,
} from './export';
export type { LeftOutAccount } from './export';
export { planImport } from './plan';
export type { PlanItem, PlanStatus } from './plan';
export { FORMAT_NAMES, isImportError } from './types';
export type { FormatId, ImportedAccount, ImportResult, SkippedEntry } from './types';
export { PASSWORD_PROBLEMS, TRANSFER_ERRORS } from './errors';
export type { TransferErrorCode } from './errors';
