/** Plain exports. Both hold secrets in clear: the UI must warn before showing or saving them. */
import type { ErrorCode } from '../errors';
import type { OtpAccount } from '../otp/account';
import { encodeMigrationUri, migrationProblem } from '../otp/migration';
import { codeProblem } from '../otp/codes';
import { accountName } from '../otp/names';
import { toOtpauthUri } from '../otp/uri';

/** An account an export leaves out, named, with why (a coded error the page words). */
export interface LeftOutAccount {
  name: string;
  code: ErrorCode;
  params: string[];
}

/**
 * The accounts an export can write, and the ones it leaves out because they cannot make a code
 * (damaged digits, secret, algorithm…): one broken account never makes the whole export fail.
 */
export function splitExportable<T extends OtpAccount>(
  accounts: readonly T[],
): { usable: T[]; leftOut: LeftOutAccount[] } {
  const usable: T[] = [];
  const leftOut: LeftOutAccount[] = [];
  for (const account of accounts) {
    const problem = codeProblem(account);
    if (problem) leftOut.push({ name: accountName(account), ...problem });
    else usable.push(account);
  }
  return { usable, leftOut };
}

/** One otpauth URI per line (what Aegis, Ente, 2FAS and Twofold itself import). */
export function exportOtpauthList(accounts: OtpAccount[]): string {
  return accounts.map((a) => `${toOtpauthUri(a)}\n`).join('');
}

/** Google Authenticator puts at most 10 accounts in one export QR code; so do we. */
export const MIGRATION_BATCH_SIZE = 10;

/**
 * Accounts a Google Authenticator export cannot hold (it has no period field, no 7 digits and no
 * Steam Guard), each with why as a code whose first parameter is the name, so the UI can say so
 * before exporting (periods and 7 digits can still go one otpauth QR code each).
 */
export function migrationIncompatible(
  accounts: OtpAccount[],
): { name: string; code: ErrorCode; params: string[] }[] {
  return accounts.flatMap((a) => {
    const problem = migrationProblem(a);
    if (!problem) return [];
    const name = accountName(a);
    return [{ name, code: problem.code, params: [name, ...problem.params] }];
  });
}

/**
 * `otpauth-migration://` URIs, one per QR code, in batches of at most 10 sharing one batch id.
 * Throws (naming the account, never its secret) if one cannot be held: check
 * `migrationIncompatible` first.
 */
export function exportMigrationUris(accounts: OtpAccount[], batchId?: number): string[] {
  const size = Math.max(1, Math.ceil(accounts.length / MIGRATION_BATCH_SIZE));
  const id = batchId ?? (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) >>> 1; // positive int32
  const uris: string[] = [];
  for (let index = 0; index < size; index++) {
    const batch = accounts.slice(index * MIGRATION_BATCH_SIZE, (index + 1) * MIGRATION_BATCH_SIZE);
    if (batch.length === 0) break;
    uris.push(encodeMigrationUri(batch, { index, size, id }));
  }
  return uris;
}
