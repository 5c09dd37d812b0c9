/**
 * Shapes shared by every importer and exporter. Importers are pure: text (and a password) in,
 * accounts out; nothing here touches the vault, so a bad file can never change anything.
 */
import { isTwofoldError, TwofoldError, type ErrorCode } from '../errors';
import type { OtpAccount, PreviousKey } from '../otp/account';
import { TRANSFER_ERRORS } from './errors';

export type FormatId =
  | 'twofold-backup'
  | 'otpauth-list'
  | 'google-migration'
  | 'aegis'
  | 'aegis-encrypted'
  | '2fas'
  | '2fas-encrypted'
  | 'bitwarden-json'
  | 'bitwarden-encrypted'
  | 'bitwarden-csv'
  | 'andotp';

/**
 * The app each format comes from, for messages and the preview: a name that reads the same in
 * every language (the messages around it are translated).
 */
export const FORMAT_NAMES: Record<FormatId, string> = {
  'twofold-backup': 'Twofold',
  'otpauth-list': 'otpauth',
  'google-migration': 'Google Authenticator',
  aegis: 'Aegis',
  'aegis-encrypted': 'Aegis',
  '2fas': '2FAS',
  '2fas-encrypted': '2FAS',
  'bitwarden-json': 'Bitwarden',
  'bitwarden-encrypted': 'Bitwarden',
  'bitwarden-csv': 'Bitwarden',
  andotp: 'andOTP',
};

export interface ImportedAccount extends OtpAccount {
  /**
   * Bound web origin. Only a Twofold backup sets it: the binding was made by the user in Twofold
   * and the file is authenticated with their passphrase. Other formats never bind.
   */
  origin?: string;
  /** A website the other app associated with the entry (Bitwarden login URI), as an origin.
   * A suggestion for the preview only: it must never become `origin` without the user. */
  websiteHint?: string;
  /** Free-text note carried by the source (Aegis, backup), if any. */
  note?: string;
  /** Twofold backup only. */
  pinned?: boolean;
  /** Twofold backup only: when the account was first added (ms epoch). */
  createdAt?: number;
  /** Twofold backup only: keys the user replaced, newest first. */
  previousKeys?: PreviousKey[];
}

/** Twofold backup only: an account the user had deleted (restorable for 30 days after `deletedAt`). */
export interface ImportedDeletedAccount extends ImportedAccount {
  deletedAt: number;
}

/** An entry of the file that is not imported: how the source names it, and why (a code). */
export interface SkippedEntry {
  /** "Issuer (name)" as the source has it, or '' when it has none; never its secret. */
  name: string;
  /** 1-based line of a text export, when the entry is a line. */
  line?: number;
  /** 1-based position in the file's list, when the entry is not even an object. */
  position?: number;
  code: ErrorCode;
  params: string[];
}

export interface ImportResult {
  format: FormatId;
  accounts: ImportedAccount[];
  skipped: SkippedEntry[];
  /** Twofold backup only: its recently deleted accounts (never shown in the preview). */
  deleted?: ImportedDeletedAccount[];
}

/** A whole-file failure: a coded error whose first parameter names the app. */
function fileError(code: ErrorCode, format: FormatId): TwofoldError {
  return new TwofoldError(code, [FORMAT_NAMES[format]]);
}

export function unsupported(code: ErrorCode = 'IMPORT_UNSUPPORTED'): TwofoldError {
  return new TwofoldError(code);
}

export function needsPassword(format: FormatId): TwofoldError {
  return fileError('IMPORT_NEEDS_PASSWORD', format);
}

export function wrongPassword(format: FormatId): TwofoldError {
  return fileError('IMPORT_WRONG_PASSWORD', format);
}

export type DamageDetail = 'json' | 'keyParams' | 'noList' | 'noTotpColumn';
const DAMAGE_CODES: Record<DamageDetail, ErrorCode> = {
  json: 'IMPORT_DAMAGED_JSON',
  keyParams: 'IMPORT_DAMAGED_KEY_PARAMS',
  noList: 'IMPORT_DAMAGED_NO_LIST',
  noTotpColumn: 'IMPORT_DAMAGED_NO_TOTP_COLUMN',
};

export function damaged(format: FormatId, detail?: DamageDetail): TwofoldError {
  return fileError(detail ? DAMAGE_CODES[detail] : 'IMPORT_DAMAGED', format);
}

export function empty(format: FormatId): TwofoldError {
  return fileError('IMPORT_EMPTY', format);
}

/** Whether an error is an import's own refusal (as opposed to a bug or a locked vault). */
export function isImportError(error: unknown): error is TwofoldError {
  return isTwofoldError(error) && error.code in TRANSFER_ERRORS;
}
