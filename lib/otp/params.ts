/**
 * Validation of the numeric and enumerated account fields, shared by the URI parser, the
 * migration decoder and the serialisers, so every entry point accepts and refuses the same things
 * with the same words.
 */
import type { OtpAccount, OtpAlgorithm, OtpType } from './account';
import { normaliseSecret } from './base32';

export const DEFAULT_ALGORITHM: OtpAlgorithm = 'SHA1';
export const DEFAULT_DIGITS = 6;
export const DEFAULT_PERIOD = 30;
export const MAX_PERIOD = 3600;

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
  return fail(`Unsupported algorithm ${quote(value.trim())}`);
}

const DIGITS_MESSAGE = 'Digits must be 6, 7 or 8';
export function parseDigits(value: string): number {
  const text = value.trim();
  if (!/^\d{1,3}$/.test(text)) return fail(DIGITS_MESSAGE);
  return checkDigits(Number(text));
}
export function checkDigits(digits: number): number {
  if (digits !== 6 && digits !== 7 && digits !== 8) return fail(DIGITS_MESSAGE);
  return digits;
}

const PERIOD_MESSAGE = `The period must be a whole number of seconds from 1 to ${MAX_PERIOD}`;
export function parsePeriod(value: string): number {
  const text = value.trim();
  if (!/^\d{1,6}$/.test(text)) return fail(PERIOD_MESSAGE);
  return checkPeriod(Number(text));
}
export function checkPeriod(period: number): number {
  if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) return fail(PERIOD_MESSAGE);
  return period;
}

const COUNTER_MESSAGE = 'The counter must be a whole number, 0 or more';
export function parseCounter(value: string): number {
  const text = value.trim();
  if (!/^\d{1,20}$/.test(text)) return fail(COUNTER_MESSAGE);
  return checkCounter(Number(text));
}
export function checkCounter(counter: number): number {
  if (!Number.isInteger(counter) || counter < 0) return fail(COUNTER_MESSAGE);
  if (!Number.isSafeInteger(counter)) return fail('The counter is too large');
  return counter;
}

export function parseType(value: string): OtpType {
  const key = value.trim().toLowerCase();
  if (key === 'totp' || key === 'hotp') return key;
  if (key === '') return fail('The otpauth URI has no OTP type (totp or hotp)');
  return fail(`Unsupported OTP type ${quote(value.trim())}`);
}

/**
 * Checks an account built elsewhere (vault, UI, tests) before it is serialised or used, and
 * returns it with a canonical secret. Throws the same messages as the parser.
 */
export function checkAccount(account: OtpAccount): OtpAccount {
  const type = parseType(String(account.type));
  const algorithm = parseAlgorithm(String(account.algorithm));
  if (typeof account.secret !== 'string' || account.secret.trim() === '') {
    return fail('The account has no secret');
  }
  return {
    type,
    issuer: String(account.issuer ?? ''),
    label: String(account.label ?? ''),
    secret: normaliseSecret(account.secret),
    algorithm,
    digits: checkDigits(account.digits),
    // The other type's field means nothing; give it the value a parser would produce.
    period: type === 'totp' ? checkPeriod(account.period) : DEFAULT_PERIOD,
    counter: type === 'hotp' ? checkCounter(account.counter) : 0,
  };
}

function fail(message: string): never {
  throw new Error(message);
}
