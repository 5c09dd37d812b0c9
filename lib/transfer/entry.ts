/**
 * One place that turns an entry of any app's export into a checked account, or into a skip
 * reason. Every importer goes through it, so all formats accept and refuse the same things with
 * the same words (the ones of lib/otp's validators).
 */
import type { OtpAlgorithm } from '../otp/account';
import { base32Decode, base32Encode, MIN_SECRET_BYTES, normaliseSecret } from '../otp/base32';
import { accountName, cleanName } from '../otp/names';
import {
  checkCounter,
  checkDigits,
  checkPeriod,
  DEFAULT_PERIOD,
  parseAlgorithm,
  parseCounter,
  parseDigits,
  parsePeriod,
} from '../otp/params';
import { parseOtpauthUri } from '../otp/uri';
import type { ImportedAccount, SkippedEntry } from './types';

export interface RawEntry {
  /** As the source spells it: totp, TOTP, hotp, steam, motp, ... */
  type: unknown;
  issuer: unknown;
  label: unknown;
  secret: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
  note?: unknown;
  websiteHint?: string;
}

export type EntryOutcome = { account: ImportedAccount } | { skipped: SkippedEntry };

const UNSUPPORTED_TYPES: Record<string, string> = {
  steam: 'Steam Guard accounts are not supported yet',
  motp: 'mOTP accounts are not supported',
  yandex: 'Yandex accounts are not supported',
  battle: 'Battle.net accounts are not supported',
};

export function typeSkipReason(type: string): string {
  const key = type.trim().toLowerCase();
  return UNSUPPORTED_TYPES[key] ?? `Unsupported OTP type "${key.slice(0, 20)}"`;
}

export function nameOf(issuer: unknown, label: unknown): string {
  return accountName({
    issuer: cleanName(typeof issuer === 'string' ? issuer : ''),
    label: cleanName(typeof label === 'string' ? label : ''),
  });
}

export function buildAccount(raw: RawEntry): EntryOutcome {
  const issuer = cleanName(typeof raw.issuer === 'string' ? raw.issuer : '');
  const label = cleanName(typeof raw.label === 'string' ? raw.label : '');
  const name = accountName({ issuer, label });
  try {
    const typeText = typeof raw.type === 'string' ? raw.type.trim().toLowerCase() : '';
    if (typeText !== 'totp' && typeText !== 'hotp') throw new Error(typeSkipReason(typeText));
    const type = typeText;
    const secret = importSecret(raw.secret);
    const algorithm: OtpAlgorithm = isAbsent(raw.algorithm) ? 'SHA1' : parseAlgorithm(String(raw.algorithm));
    const digits = isAbsent(raw.digits) ? 6 : number(raw.digits, parseDigits, checkDigits);
    const period =
      type === 'totp' && !isAbsent(raw.period)
        ? number(raw.period, parsePeriod, checkPeriod)
        : DEFAULT_PERIOD;
    const counter =
      type === 'hotp' && !isAbsent(raw.counter) ? number(raw.counter, parseCounter, checkCounter) : 0;
    const account: ImportedAccount = { type, issuer, label, secret, algorithm, digits, period, counter };
    const note = typeof raw.note === 'string' ? raw.note.trim() : '';
    if (note !== '') account.note = note;
    if (raw.websiteHint) account.websiteHint = raw.websiteHint;
    return { account };
  } catch (error) {
    return { skipped: { name, reason: reasonOf(error) } };
  }
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function number(value: unknown, parse: (v: string) => number, check: (v: number) => number): number {
  if (typeof value === 'number') return check(value);
  if (typeof value === 'string') return parse(value);
  return parse('?'); // a boolean or object: let the validator say what was expected
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The entry is not valid';
}

/**
 * Base32 secret as stored, with one leniency over `normaliseSecret`: a length no byte string has
 * (some apps, e.g. 2FAS on iOS, accept them) is decoded the way every authenticator does, by
 * dropping the trailing partial bits, so the codes match the app the user leaves.
 */
export function importSecret(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') throw new Error('The account has no secret');
  try {
    return normaliseSecret(input);
  } catch (error) {
    const compact = input
      .replace(/[\s-]+/g, '')
      .toUpperCase()
      .replace(/=+$/, '');
    if (/^[A-Z2-7]+$/.test(compact)) {
      const bytes = base32Decode(compact);
      if (bytes.length >= MIN_SECRET_BYTES) return base32Encode(bytes);
    }
    throw error;
  }
}

/** `parseOtpauthUri` with the same secret leniency as `importSecret`. */
export function parseUriLenient(uri: string): ImportedAccount {
  try {
    return parseOtpauthUri(uri);
  } catch (error) {
    const match = /([?&]secret=)([^&#]*)/i.exec(uri);
    if (!match?.[2] || !/missing or extra/.test(reasonOf(error))) throw error;
    let value: string;
    try {
      value = decodeURIComponent(match[2].replace(/\+/g, ' '));
    } catch {
      throw error;
    }
    const fixed = importSecret(value);
    return parseOtpauthUri(
      uri.slice(0, match.index) + match[1] + fixed + uri.slice(match.index + match[0].length),
    );
  }
}
