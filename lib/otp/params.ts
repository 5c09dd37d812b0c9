/**
 * Validation of the numeric and enumerated account fields, shared by the URI parser, the
 * migration decoder and the serialisers, so every entry point accepts and refuses the same things
 * with the same words.
 */
import { TwofoldError, type ErrorCode } from '../errors';
import type { OtpAccount, OtpAlgorithm, OtpEncoder, OtpType } from './account';
import { normaliseSecret } from './base32';

export const DEFAULT_ALGORITHM: OtpAlgorithm = 'SHA1';
export const DEFAULT_DIGITS = 6;
export const DEFAULT_PERIOD = 30;
export const MAX_PERIOD = 3600;
/** Steam Guard codes are 5 characters; the account keeps `digits` 5 so every view can size them. */
export const STEAM_DIGITS = 5;

/** Shortens and cleans a user-supplied value before it is quoted in a message. */
export function quote(value: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const printable = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

/** "SHA1", "sha256", "SHA-512" and the like; anything else is refused by name. */
export function parseAlgorithm(value: string): OtpAlgorithm {
  const key = value.trim().toUpperCase().replace(/-/g, '');
  if (key === 'SHA1' || key === 'SHA256' || key === 'SHA512') return key;
  return fail('ALGORITHM_UNSUPPORTED', quote(value.trim()));
}

export function parseDigits(value: string): number {
  const text = value.trim();
  if (!/^\d{1,3}$/.test(text)) return fail('DIGITS_INVALID');
  return checkDigits(Number(text));
}
export function checkDigits(digits: number): number {
  if (digits !== 6 && digits !== 7 && digits !== 8) return fail('DIGITS_INVALID');
  return digits;
}

export function parsePeriod(value: string): number {
  const text = value.trim();
  if (!/^\d{1,6}$/.test(text)) return fail('PERIOD_INVALID', MAX_PERIOD);
  return checkPeriod(Number(text));
}
export function checkPeriod(period: number): number {
  if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD)
    return fail('PERIOD_INVALID', MAX_PERIOD);
  return period;
}

export function parseCounter(value: string): number {
  const text = value.trim();
  if (!/^\d{1,20}$/.test(text)) return fail('COUNTER_INVALID');
  return checkCounter(Number(text));
}
export function checkCounter(counter: number): number {
  if (!Number.isInteger(counter) || counter < 0) return fail('COUNTER_INVALID');
  if (!Number.isSafeInteger(counter)) return fail('COUNTER_TOO_LARGE');
  return counter;
}

export function parseType(value: string): OtpType {
  const key = value.trim().toLowerCase();
  if (key === 'totp' || key === 'hotp') return key;
  if (key === '') return fail('URI_NO_TYPE');
  return fail('TYPE_UNSUPPORTED', quote(value.trim()));
}

/**
 * Checks an account built elsewhere (vault, UI, tests) before it is serialised or used, and
 * returns it with a canonical secret. Throws the same messages as the parser.
 */
export function checkAccount(account: OtpAccount): OtpAccount {
  const type = parseType(String(account.type));
  const algorithm = parseAlgorithm(String(account.algorithm));
  if (typeof account.secret !== 'string' || account.secret.trim() === '') {
    return fail('ACCOUNT_NO_SECRET');
  }
  const encoder = checkEncoder(account.encoder);
  const checked: OtpAccount = {
    type,
    issuer: String(account.issuer ?? ''),
    label: String(account.label ?? ''),
    secret: normaliseSecret(account.secret),
    algorithm,
    digits: encoder === 'steam' ? account.digits : checkDigits(account.digits),
    // The other type's field means nothing; give it the value a parser would produce.
    period: type === 'totp' ? checkPeriod(account.period) : DEFAULT_PERIOD,
    counter: type === 'hotp' ? checkCounter(account.counter) : 0,
  };
  if (encoder === undefined) return checked;
  checkSteam(checked);
  return { ...checked, encoder };
}

/** `encoder`: absent (decimal digits) or "steam"; anything else would give codes that never work. */
export function checkEncoder(value: unknown): OtpEncoder | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
  if (text.toLowerCase() === 'steam') return 'steam';
  return fail('ENCODER_UNSUPPORTED', quote(text));
}

/** Steam Guard has one setting only: TOTP, SHA1, 30 seconds, 5 characters. */
export function checkSteam(account: Pick<OtpAccount, 'type' | 'algorithm' | 'digits' | 'period'>): void {
  const { type, algorithm, digits, period } = account;
  if (type !== 'totp' || algorithm !== 'SHA1' || digits !== STEAM_DIGITS || period !== DEFAULT_PERIOD) {
    fail('STEAM_FIXED');
  }
}

function fail(code: ErrorCode, ...params: (string | number)[]): never {
  throw new TwofoldError(code, params);
}
