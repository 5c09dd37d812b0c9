/**
 * Text with one URI per line: otpauth:// lists (Aegis/Ente/Twofold plain exports, pasted URIs)
 * and Google Authenticator `otpauth-migration://` exports. Blank and `#` lines are ignored.
 * A bad line is skipped by its line number (never quoted: it holds a secret).
 */
import { TwofoldError } from '../errors';
import { parseAnyOtpText } from '../otp/import';
import { decodeMigrationUri } from '../otp/migration';
import { parseUriLenient, skippedFor, typeError } from './entry';
import type { ImportedAccount, ImportResult, SkippedEntry } from './types';

const LINE_BREAK = /\r\n|\r|\n/;

function contentLines(text: string): { line: string; number: number }[] {
  return text
    .split(LINE_BREAK)
    .map((raw, i) => ({ line: raw.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
}

export function looksLikeMigrationList(text: string): boolean {
  const lines = contentLines(text);
  return lines.length > 0 && lines.every(({ line }) => /^otpauth-migration:\/\//i.test(line));
}

export function looksLikeOtpauthList(text: string): boolean {
  return contentLines(text).some(({ line }) => /^otpauth(-migration)?:\/\//i.test(line));
}

/** Google Authenticator batches: the OTP core's paste parser does all the work. */
export function importMigrationList(text: string): ImportResult {
  const { accounts, errors } = parseAnyOtpText(text);
  return {
    format: 'google-migration',
    accounts,
    skipped: errors.map(({ line, name, code, params }) => ({ name: name ?? '', line, code, params })),
  };
}

/**
 * Like `parseAnyOtpText`, plus what other apps' plain exports need: 2FAS-iOS-style odd-length
 * secrets, a clear reason for types other than totp, hotp and steam, and Ente's trashed entries
 * left out.
 */
export function importOtpauthList(text: string): ImportResult {
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { line, number } of contentLines(text)) {
    const at = { name: '', line: number };
    try {
      if (/^otpauth-migration:/i.test(line)) {
        const batch = decodeMigrationUri(line);
        accounts.push(...batch.accounts);
        skipped.push(...batch.skipped.map((s) => ({ ...s, line: number })));
        continue;
      }
      const type = /^otpauth:\/\/([^/?#]*)/i.exec(line)?.[1] ?? '';
      if (/^otpauth:\/\//i.test(line) && !/^([th]otp|steam)$/i.test(type) && type !== '') {
        skipped.push({ ...skippedFor('', typeError(type)), line: number });
        continue;
      }
      const display = enteCodeDisplay(line);
      if (display.trashed === true) {
        skipped.push({ ...skippedFor('', new TwofoldError('ENTRY_TRASHED')), line: number });
        continue;
      }
      const account: ImportedAccount = parseUriLenient(line);
      if (typeof display.note === 'string' && display.note.trim() !== '') account.note = display.note.trim();
      accounts.push(account);
    } catch (error) {
      skipped.push({ ...skippedFor(at.name, error), line: at.line });
    }
  }
  return { format: 'otpauth-list', accounts, skipped };
}

/** Ente adds `codeDisplay={"trashed":true,"note":"...",...}` (JSON) to its otpauth lines. */
function enteCodeDisplay(line: string): { trashed?: unknown; note?: unknown } {
  const match = /[?&]codeDisplay=([^&#]*)/i.exec(line);
  if (!match?.[1]) return {};
  try {
    const value = JSON.parse(decodeURIComponent(match[1].replace(/\+/g, ' '))) as unknown;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
