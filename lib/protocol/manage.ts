/**
 * Messages of the popup's and options page's account management, settings,
 * backup, import and export (issue 7). Part of the one protocol map in
 * lib/messaging.ts; who may send each is declared in MANAGE_POLICY below.
 * Every one of them is for extension pages only.
 */
import type { AccountView, StoredAccount } from '../otp/account';
import type { FormatId, ImportErrorCode, PlanStatus } from '../transfer';
import type { TransferErrorCode } from '../transfer/errors';

/** What a user may change of an account from the popup (never its secret). */
export interface AccountPatch {
  issuer?: string;
  label?: string;
  pinned?: boolean;
}

/** One origin accounts are bound to (autofill only ever fills there). */
export interface SiteSummary {
  origin: string;
  /** How many accounts are bound to it. */
  count: number;
  /** Their names, "Issuer (label)". */
  names: string[];
}

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
  /** Bound origin (a Twofold backup keeps bindings; other formats never bind). */
  origin?: string;
}

export type ImportPreview =
  | {
      ok: true;
      /** Names this decrypted preview for `import:commit` (held briefly in the background). */
      token: string;
      format: FormatId;
      formatName: string;
      items: PreviewItem[];
      /** Entries the file held that cannot be imported, and why. */
      skipped: { name: string; reason: string }[];
    }
  | ImportFailure;

export type ImportCommit = { ok: true; added: number } | ImportFailure;

/** A whole import refused: why, in words a person can act on; never a secret. */
export interface ImportFailure {
  ok: false;
  code: ImportErrorCode | 'LOCKED' | TransferErrorCode;
  message: string;
  /** Parameters of a TransferErrorCode message (translated as error_<CODE>). */
  params?: string[];
  /** The format recognised, when there was one. */
  format?: FormatId;
}

export interface ManageProtocol {
  /** Rename or (un)pin one account. */
  'accounts:update'(data: { id: string; patch: AccountPatch }): AccountView;
  /** Store the accounts in this order (ids missing from the list keep their place at the end). */
  'accounts:reorder'(data: { ids: string[] }): void;
  /** HOTP: the code shown was used; move to the next counter. */
  'accounts:nextHotp'(data: { id: string }): AccountView;
  /** The web origin of the active tab, where Twofold may see it (activeTab, host permission). */
  'tabs:activeOrigin'(): { origin?: string };
  /** Origins accounts are bound to, with counts (the options page's "Sites with autofill"). */
  'sites:list'(): SiteSummary[];
  'vault:changePassphrase'(data: { current: string; next: string }): void;
  /** A Twofold encrypted backup of every account, made in the background with a fresh key. */
  'export:backup'(data: { passphrase: string }): { text: string; count: number };
  /**
   * Every account WITH its secret: only for the options page's explicit plain and QR exports,
   * after the user accepted the warning.
   */
  'export:accounts'(): StoredAccount[];
  /** Parse an export (text) in the background and say what importing it would do. */
  'import:preview'(data: { text: string; password?: string }): ImportPreview;
  /** Add the items chosen (by preview index) of the preview `token`; duplicates are never added. */
  'import:commit'(data: { token: string; select: number[] }): ImportCommit;
}

export const MANAGE_POLICY = {
  'accounts:update': 'extension-page',
  'accounts:reorder': 'extension-page',
  'accounts:nextHotp': 'extension-page',
  'tabs:activeOrigin': 'extension-page',
  'sites:list': 'extension-page',
  'vault:changePassphrase': 'extension-page',
  'export:backup': 'extension-page',
  'export:accounts': 'extension-page',
  'import:preview': 'extension-page',
  'import:commit': 'extension-page',
} as const satisfies { readonly [K in keyof ManageProtocol]: 'extension-page' };
