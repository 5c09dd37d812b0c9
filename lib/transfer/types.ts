/**
 * Shapes shared by every importer and exporter. Importers are pure: text (and a password) in,
 * accounts out; nothing here touches the vault, so a bad file can never change anything.
 */
import type { OtpAccount } from '../otp/account';

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

/** Names users know the formats by, for messages and the preview. */
export const FORMAT_NAMES: Record<FormatId, string> = {
  'twofold-backup': 'Twofold backup',
  'otpauth-list': 'otpauth URI list',
  'google-migration': 'Google Authenticator export',
  aegis: 'Aegis export',
  'aegis-encrypted': 'Aegis export',
  '2fas': '2FAS backup',
  '2fas-encrypted': '2FAS backup',
  'bitwarden-json': 'Bitwarden export',
  'bitwarden-encrypted': 'Bitwarden export',
  'bitwarden-csv': 'Bitwarden CSV export',
  andotp: 'andOTP backup',
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
}

export interface SkippedEntry {
  /** How the entry is named in the source (issuer/name, or "Line N"); never its secret. */
  name: string;
  reason: string;
}

export interface ImportResult {
  format: FormatId;
  accounts: ImportedAccount[];
  skipped: SkippedEntry[];
}

export type ImportErrorCode = 'NEEDS_PASSWORD' | 'WRONG_PASSWORD' | 'UNSUPPORTED' | 'DAMAGED' | 'EMPTY';

/** Every failure of a whole import, with a message a user can act on. Never holds a secret. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** The format recognised, when there was one. */
    readonly format?: FormatId,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export const SUPPORTED_FORMATS_TEXT =
  'Aegis, 2FAS, Bitwarden, andOTP, Google Authenticator, Ente plain text, otpauth URIs, Twofold backup';

export function unsupported(message?: string): ImportError {
  return new ImportError(
    'UNSUPPORTED',
    message ?? `This file is not a format Twofold can import (${SUPPORTED_FORMATS_TEXT}).`,
  );
}

export function needsPassword(format: FormatId): ImportError {
  return new ImportError(
    'NEEDS_PASSWORD',
    `This ${FORMAT_NAMES[format]} is encrypted: enter its passphrase.`,
    format,
  );
}

export function wrongPassword(format: FormatId): ImportError {
  return new ImportError(
    'WRONG_PASSWORD',
    `Wrong passphrase for this ${FORMAT_NAMES[format]}. Nothing was imported.`,
    format,
  );
}

export function damaged(format: FormatId, detail?: string): ImportError {
  const why = detail ? ` (${detail})` : '';
  return new ImportError(
    'DAMAGED',
    `This ${FORMAT_NAMES[format]} is damaged or incomplete${why}. Nothing was imported.`,
    format,
  );
}

export function empty(format: FormatId): ImportError {
  return new ImportError('EMPTY', `This ${FORMAT_NAMES[format]} holds no accounts.`, format);
}
