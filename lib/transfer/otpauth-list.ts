/**
 * Text with one URI per line: otpauth:// lists (Aegis/Ente/Twofold plain exports, pasted URIs)
 * and Google Authenticator `otpauth-migration://` exports. Blank and `#` lines are ignored.
 * A bad line is skipped by its line number (never quoted: it holds a secret).
 */
import { parseAnyOtpText } from '../otp/import';
import { decodeMigrationUri } from '../otp/migration';
import { parseUriLenient, reasonOf, typeSkipReason } from './entry';
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
    skipped: errors.map((e) => ({ name: `Line ${e.line}`, reason: e.message })),
  };
}

/**
 * Like `parseAnyOtpText`, plus what other apps' plain exports need: 2FAS-iOS-style odd-length
 * secrets, a clear reason for `otpauth://steam/`, and Ente's trashed entries left out.
 */
export function importOtpauthList(text: string): ImportResult {
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { line, number } of contentLines(text)) {
    const name = `Line ${number}`;
    try {
      if (/^otpauth-migration:/i.test(line)) {
        const batch = decodeMigrationUri(line);
        accounts.push(...batch.accounts);
        skipped.push(...batch.skipped);
        continue;
      }
      const type = /^otpauth:\/\/([^/?#]*)/i.exec(line)?.[1] ?? '';
      if (/^otpauth:\/\//i.test(line) && !/^[th]otp$/i.test(type) && type !== '') {
        skipped.push({ name, reason: typeSkipReason(type) });
        continue;
      }
      const display = enteCodeDisplay(line);
      if (display.trashed === true) {
        skipped.push({ name, reason: 'The entry is in the trash of the app that exported it' });
        continue;
      }
      const account: ImportedAccount = parseUriLenient(line);
      if (typeof display.note === 'string' && display.note.trim() !== '') account.note = display.note.trim();
      accounts.push(account);
    } catch (error) {
      skipped.push({ name, reason: reasonOf(error) });
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
