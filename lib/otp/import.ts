/**
 * Paste/import of free text: one otpauth or otpauth-migration URI per line. Blank lines and
 * `#` comment lines are ignored. Errors name the line (1-based) and never quote it, since a line
 * holds a secret; each carries a code (lib/errors.ts) so any language can word it.
 */
import { isTwofoldError, TwofoldError, type ErrorCode } from '../errors';
import type { OtpAccount } from './account';
import { decodeMigrationUri } from './migration';
import { parseOtpauthUri } from './uri';

export interface PasteProblem {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The entry inside a Google Authenticator export line, when it has a name. */
  name?: string;
  code: ErrorCode;
  params: string[];
  /** English, for logs and tests; the UI words `code` in the user's language. */
  message: string;
}

export interface PasteResult {
  accounts: OtpAccount[];
  errors: PasteProblem[];
}

export function parseAnyOtpText(text: string): PasteResult {
  const accounts: OtpAccount[] = [];
  const errors: PasteProblem[] = [];
  const lines = typeof text === 'string' ? text.split(/\r\n|\r|\n/) : [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      if (/^otpauth-migration:/i.test(line)) {
        const result = decodeMigrationUri(line);
        accounts.push(...result.accounts);
        for (const s of result.skipped) {
          errors.push({ line: i + 1, ...s, message: `${s.name}: ${otpErrorText(s.code, s.params)}` });
        }
      } else {
        accounts.push(parseOtpauthUri(line));
      }
    } catch (error) {
      const { code, params } = problemOf(error);
      errors.push({ line: i + 1, code, params, message: otpErrorText(code, params) });
    }
  });
  return { accounts, errors };
}

/** The code and parameters of a thrown value; anything not coded is an invalid entry. */
export function problemOf(error: unknown): { code: ErrorCode; params: string[] } {
  if (isTwofoldError(error)) return { code: error.code, params: [...error.params] };
  return { code: 'ENTRY_INVALID', params: [] };
}

function otpErrorText(code: ErrorCode, params: readonly string[]): string {
  return new TwofoldError(code, params).message;
}
