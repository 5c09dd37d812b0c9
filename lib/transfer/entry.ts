/**
 * One place that turns an entry of any app's export into a checked account, or into a skip
 * reason (an error code). Every importer goes through it, so all formats accept and refuse the
 * same things with the same codes (the ones of lib/otp's validators).
 */
import { isTwofoldError, TwofoldError, type ErrorCode } from '../errors';
import type { OtpAlgorithm } from '../otp/account';
import { base32Decode, base32Encode, MIN_SECRET_BYTES, normaliseSecret } from '../otp/base32';
import { problemOf } from '../otp/import';
import { accountName, cleanName } from '../otp/names';
import {
  checkCounter,
  checkDigits,
  checkEncoder,
  checkPeriod,
  DEFAULT_PERIOD,
  parseAlgorithm,
  parseCounter,
  parseDigits,
  parsePeriod,
  quote,
  STEAM_DIGITS,
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
  /** Twofold backups: "steam" for Steam Guard accounts (see OtpAccount.encoder). */
  encoder?: unknown;
  note?: unknown;
  websiteHint?: string;
}

export type EntryOutcome = { account: ImportedAccount } | { skipped: SkippedEntry };

const UNSUPPORTED_TYPES: Record<string, ErrorCode> = {
  motp: 'TYPE_MOTP',
  yandex: 'TYPE_YANDEX',
  battle: 'TYPE_BATTLE',
};

/** Why an entry of this type cannot be imported (types other than totp, hotp and steam). */
export function typeError(type: string): TwofoldError {
  const key = type.trim().toLowerCase();
  const code = UNSUPPORTED_TYPES[key];
  return code ? new TwofoldError(code) : new TwofoldError('TYPE_UNSUPPORTED', [quote(key, 20)]);
}

/** How a skipped entry is named: "Issuer (name)", or '' when the source names nothing. */
export function nameOf(issuer: unknown, label: unknown): string {
  const i = cleanName(typeof issuer === 'string' ? issuer : '');
  const l = cleanName(typeof label === 'string' ? label : '');
  return i || l ? accountName({ issuer: i, label: l }) : '';
}

/** A skipped entry for a thrown value (a coded error, or "not valid" for anything else). */
export function skippedFor(name: string, error: unknown): SkippedEntry {
  return { name, ...problemOf(error) };
}

export function buildAccount(raw: RawEntry): EntryOutcome {
  const issuer = cleanName(typeof raw.issuer === 'string' ? raw.issuer : '');
  const label = cleanName(typeof raw.label === 'string' ? raw.label : '');
  try {
    const typeText = typeof raw.type === 'string' ? raw.type.trim().toLowerCase() : '';
    // Steam Guard has fixed settings whatever the source stored (Aegis writes digits 5, andOTP 5).
    const steam = typeText === 'steam' || checkEncoder(raw.encoder) === 'steam';
    if (steam) return { account: steamAccount(issuer, label, raw) };
    if (typeText !== 'totp' && typeText !== 'hotp') throw typeError(typeText);
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
    return { skipped: skippedFor(nameOf(issuer, label), error) };
  }
}

function steamAccount(issuer: string, label: string, raw: RawEntry): ImportedAccount {
  const account: ImportedAccount = {
    type: 'totp',
    issuer,
    label,
    secret: importSecret(raw.secret),
    algorithm: 'SHA1',
    digits: STEAM_DIGITS,
    period: DEFAULT_PERIOD,
    counter: 0,
    encoder: 'steam',
  };
  const note = typeof raw.note === 'string' ? raw.note.trim() : '';
  if (note !== '') account.note = note;
  if (raw.websiteHint) account.websiteHint = raw.websiteHint;
  return account;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function number(value: unknown, parse: (v: string) => number, check: (v: number) => number): number {
  if (typeof value === 'number') return check(value);
  if (typeof value === 'string') return parse(value);
  return parse('?'); // a boolean or object: let the validator say what was expected
}

/**
 * Base32 secret as stored, with one leniency over `normaliseSecret`: a length no byte string has
 * (some apps, e.g. 2FAS on iOS, accept them) is decoded the way every authenticator does, by
 * dropping the trailing partial bits, so the codes match the app the user leaves.
 */
export function importSecret(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') throw new TwofoldError('ACCOUNT_NO_SECRET');
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
    if (!match?.[2] || !isTwofoldError(error, 'SECRET_BAD_LENGTH')) throw error;
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
