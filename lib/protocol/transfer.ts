import type { ErrorCode } from '../errors';
import type { StoredAccount } from '../otp/account';
import type { FormatId, LeftOutAccount, PlanStatus, SkippedEntry } from '../transfer';
import type { PolicyOf } from './policy';

/** One account of an import preview: names and options, never the secret. */
export interface PreviewItem {
  index: number;
  issuer: string;
  label: string;
  type: 'totp' | 'hotp';
  digits: number;
  period: number;
  algorithm: string;
  status: PlanStatus;
  /** HOTP: the counter the first code will use. */
  counter?: number;
  /** repeat: the preview index of the first row with the same secret. */
  repeatOf?: number;
  /** Bound origin (a Twofold backup keeps bindings; other formats never bind). */
  origin?: string;
  /** Size of the secret: below WEAK_SECRET_BITS the preview warns before it is added. */
  secretBits: number;
  /** Steam Guard accounts show 5-character codes. */
  encoder?: 'steam';
}

export type ImportPreview =
  | {
      ok: true;
      /** Names this decrypted preview for `import:commit` (held briefly in the background). */
      token: string;
      format: FormatId;
      formatName: string;
      items: PreviewItem[];
      /** Entries the file held that cannot be imported, and why (a code the page words). */
      skipped: SkippedEntry[];
    }
  | ImportFailure;

export type ImportCommit =
  | {
      ok: true;
      added: number;
      /** Conflicts whose namesake got the imported key (only when some were chosen). */
      replaced?: number;
    }
  | ImportFailure;

/** A whole import refused: why, in words a person can act on; never a secret. */
export interface ImportFailure {
  ok: false;
  code: ErrorCode;
  params: string[];
  /** In the browser's language (the background words `code`). */
  message: string;
  /** The format recognised, when there was one. */
  format?: FormatId;
}

/** A backup made: the file, how many accounts it holds, and the ones left out (they cannot make a code). */
export interface BackupExport {
  text: string;
  count: number;
  leftOut: LeftOutAccount[];
}

/** Backups, imports and exports of the options page. */
export interface TransferProtocol {
  /** A Twofold encrypted backup of every account, made in the background with a fresh key. */
  'export:backup'(data: { passphrase: string }): BackupExport;
  /**
   * Every account WITH its secret: only for the options page's explicit plain and QR exports,
   * after the user accepted the warning.
   */
  'export:accounts'(): StoredAccount[];
  /** Parse an export (text) in the background and say what importing it would do. */
  'import:preview'(data: { text: string; password?: string }): ImportPreview;
  /**
   * Add the items chosen (by preview index) of the preview `token`; accounts already in Twofold
   * are never added. Chosen conflicts listed in `replace` replace their namesake's key instead.
   */
  'import:commit'(data: { token: string; select: number[]; replace?: number[] }): ImportCommit;
}

export const TRANSFER_POLICY = {
  'export:backup': 'extension-page',
  'export:accounts': 'extension-page',
  'import:preview': 'extension-page',
  'import:commit': 'extension-page',
} as const satisfies PolicyOf<TransferProtocol>;
