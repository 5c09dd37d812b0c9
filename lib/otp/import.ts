/**
 * Paste/import of free text: one otpauth or otpauth-migration URI per line. Blank lines and
 * `#` comment lines are ignored. Errors name the line (1-based) and never quote it, since a line
 * holds a secret.
 */
import type { OtpAccount } from './account';
import { decodeMigrationUri } from './migration';
import { parseOtpauthUri } from './uri';

export interface PasteProblem {
  /** 1-based line number in the pasted text. */
  line: number;
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
        for (const s of result.skipped) errors.push({ line: i + 1, message: `${s.name}: ${s.reason}` });
      } else {
        accounts.push(parseOtpauthUri(line));
      }
    } catch (error) {
      errors.push({ line: i + 1, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { accounts, errors };
}
