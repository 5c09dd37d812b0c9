/**
 * The popup's "Add account" form: an otpauth URI, or a secret typed with its options.
 * Pure: builds the text the background parses (`accounts:addUri`), which validates it.
 */
import type { OtpAlgorithm, OtpType } from '@/lib/otp/account';
// Its own modules, not the '@/lib/otp' barrel, which would bring otpauth into the popup.
import { normaliseSecret, secretBits, WEAK_SECRET_BITS } from '@/lib/otp/base32';
import { parseOtpauthUri, toOtpauthUri } from '@/lib/otp/uri';

export interface SecretOptions {
  issuer: string;
  label: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
}

export const DEFAULT_SECRET_OPTIONS: SecretOptions = {
  issuer: '',
  label: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

export function isOtpauthText(text: string): boolean {
  return /^otpauth(-migration)?:/i.test(text.trim()) || text.includes('://');
}

function isDefault(options: SecretOptions): boolean {
  return (Object.keys(DEFAULT_SECRET_OPTIONS) as (keyof SecretOptions)[]).every(
    (key) => options[key] === DEFAULT_SECRET_OPTIONS[key],
  );
}

/**
 * A URI is sent as typed (its own parameters win). A bare secret with default options is sent
 * bare (the background names it after the website); otherwise it becomes an otpauth URI with
 * the options. Throws with a readable message for a secret that is not base32.
 */
export function addAccountText(text: string, options: SecretOptions): string {
  const trimmed = text.trim();
  if (isOtpauthText(trimmed) || isDefault(options)) return trimmed;
  return toOtpauthUri({
    type: options.type,
    issuer: options.issuer.trim(),
    label: options.label.trim(),
    secret: normaliseSecret(trimmed),
    algorithm: options.algorithm,
    digits: options.digits,
    period: options.type === 'totp' ? options.period : 30,
    counter: options.type === 'hotp' ? options.counter : 0,
  });
}

/**
 * The size in bits of a key below `WEAK_SECRET_BITS` that `text` (what `addAccountText` sends)
 * would add, so the form can warn and ask first; undefined for a strong key, or for text that
 * cannot be read (the background then says what is wrong).
 */
export function weakSecretBits(text: string): number | undefined {
  try {
    const trimmed = text.trim();
    const secret = isOtpauthText(trimmed) ? parseOtpauthUri(trimmed).secret : trimmed;
    const bits = secretBits(secret);
    return bits < WEAK_SECRET_BITS ? bits : undefined;
  } catch {
    return undefined;
  }
}

/** What keeps the form from saving, checked as the user types: nothing (undefined), or why. */
export type AddAccountProblem = 'empty' | 'invalid' | 'name';

/**
 * A URI must parse; a typed secret must be base32 and have a name (the service or the account
 * name): without one the row would read "—". The background checks everything again.
 */
export function addAccountProblem(text: string, options: SecretOptions): AddAccountProblem | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  const uri = isOtpauthText(trimmed);
  try {
    if (uri) parseOtpauthUri(trimmed);
    else normaliseSecret(trimmed);
  } catch {
    return 'invalid';
  }
  if (!uri && !options.issuer.trim() && !options.label.trim()) return 'name';
  return undefined;
}

/** The name an account typed on a site starts with: that site's host, without "www.". */
export function siteIssuer(origin: string | undefined): string {
  if (!origin) return '';
  try {
    const { protocol, hostname } = new URL(origin);
    return protocol === 'http:' || protocol === 'https:' ? hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/** "twofold-backup-2024-05-01.json", from the local date. */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `twofold-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
