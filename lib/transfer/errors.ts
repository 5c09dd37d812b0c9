/**
 * Why a file cannot be imported, or why one of its entries is left out (English; see
 * lib/errors.ts). `$1` in file-level messages is the app the file comes from (FORMAT_NAMES),
 * a name that reads the same in every language. Never a secret in a parameter.
 */
export const TRANSFER_ERRORS = {
  IMPORT_UNSUPPORTED:
    'This file is not a format Twofold can import (Aegis, 2FAS, Bitwarden, andOTP, Google Authenticator, Ente plain text, otpauth URIs, Twofold backup).',
  IMPORT_TOO_LARGE: 'This file is too large to be an authenticator export.',
  IMPORT_NEEDS_PASSWORD: 'This $1 file is encrypted: enter its passphrase.',
  IMPORT_WRONG_PASSWORD: 'Wrong passphrase for this $1 file. Nothing was imported.',
  IMPORT_DAMAGED: 'This $1 file is damaged or incomplete. Nothing was imported.',
  IMPORT_DAMAGED_JSON:
    'This $1 file is damaged or incomplete (it is not complete JSON). Nothing was imported.',
  IMPORT_DAMAGED_KEY_PARAMS:
    'This $1 file is damaged or incomplete (its key parameters are not valid). Nothing was imported.',
  IMPORT_DAMAGED_NO_LIST:
    'This $1 file is damaged or incomplete (it has no list of accounts). Nothing was imported.',
  IMPORT_DAMAGED_NO_TOTP_COLUMN:
    'This $1 file is damaged or incomplete (it has no login_totp column). Nothing was imported.',
  IMPORT_EMPTY: 'This $1 file holds no accounts.',
  IMPORT_NOT_BACKUP: 'This file is not a Twofold backup.',
  IMPORT_BACKUP_NEEDS_PASSPHRASE: 'This Twofold backup is encrypted: enter its passphrase.',
  IMPORT_BACKUP_WRONG_PASSPHRASE: 'Wrong passphrase for this Twofold backup. Nothing was imported.',
  IMPORT_BACKUP_NEWER:
    'This backup was made by a newer version of Twofold (backup format $1). Update Twofold to import it. Nothing was imported.',
  IMPORT_ENTE_ENCRYPTED:
    'Encrypted Ente exports cannot be imported yet. In Ente Auth, export as plain text instead, then import that file.',
  IMPORT_AUTHENTICATOR_EXTENSION:
    'Authenticator (extension) backups cannot be imported yet. Export "otpauth URIs" from that extension instead.',
  IMPORT_BITWARDEN_ACCOUNT_LOCKED:
    'This Bitwarden export is locked to your Bitwarden account and cannot be opened elsewhere. Export again from Bitwarden choosing "Password protected" (or unencrypted JSON).',
  IMPORT_AEGIS_NO_PASSWORD_SLOT:
    'This Aegis export has no password slot (it can only be opened on the phone that made it). Export it again from Aegis with a password.',
  IMPORT_TOO_COSTLY:
    'This $1 asks for a password key derivation too costly to run safely here ($2; Twofold allows at most $3). Nothing was imported.',
  IMPORT_TOO_MANY:
    'This file holds $1 accounts; one import may add at most $2. Split it and import it in parts. Nothing was imported.',
  IMPORT_EXPIRED: 'This import preview has expired. Choose the file again. Nothing was imported.',
  BACKUP_PASSPHRASE_SHORT: 'Choose a backup passphrase of at least $1 characters.',
  ENTRY_TRASHED: 'The entry is in the trash of the app that exported it',
  TYPE_MOTP: 'mOTP accounts are not supported',
  TYPE_YANDEX: 'Yandex accounts are not supported',
  TYPE_BATTLE: 'Battle.net accounts are not supported',
} as const;

export type TransferErrorCode = keyof typeof TRANSFER_ERRORS;

/** Failures the import form answers with a password field rather than a dead end. */
export const PASSWORD_PROBLEMS: readonly string[] = [
  'IMPORT_NEEDS_PASSWORD',
  'IMPORT_WRONG_PASSWORD',
  'IMPORT_BACKUP_NEEDS_PASSPHRASE',
  'IMPORT_BACKUP_WRONG_PASSPHRASE',
] satisfies TransferErrorCode[];
