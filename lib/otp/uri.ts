/**
 * otpauth:// URIs (Google's Key URI format) to accounts and back.
 *
 * Hand-parsed rather than with `URL` or otpauth's `URI.parse`: we need one precise message per
 * mistake, and `URL` silently drops tabs/newlines and treats `+` differently in path and query.
 * Decisions, documented in README-level terms:
 * - Scheme and type are case-insensitive; `totp` and `hotp` only (`steam` etc. are refused).
 * - Label (path): percent-decoded, `+` stays a plus (RFC 3986). Query values: `+` is a space,
 *   as every form encoder (URLSearchParams, Java URLEncoder, PHP urlencode) writes it; a literal
 *   plus must be `%2B`, which is what `toOtpauthUri` writes.
 * - Empty `issuer=`, `algorithm=`, `digits=`, `period=` count as absent; unknown parameters
 *   (image, color, icon, ...) are ignored; a parameter given twice with different values is
 *   refused; parameter names are case-insensitive.
 * - The secret is normalised by `normaliseSecret` (see base32.ts).
 */
import type { OtpAccount } from './account';
import { normaliseSecret } from './base32';
import { cleanName, labelParts, splitLabel } from './names';
import {
  checkAccount,
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  parseAlgorithm,
  parseCounter,
  parseDigits,
  parsePeriod,
  parseType,
} from './params';

/** Far above any QR code's capacity (~3 KB); bounds the work done on pasted junk. */
export const MAX_URI_LENGTH = 16_384;

const SCHEME = 'otpauth://';

export function parseOtpauthUri(uri: string): OtpAccount {
  if (typeof uri !== 'string') throw new Error('This is not an otpauth URI');
  const text = uri.trim();
  if (text === '') throw new Error('The otpauth URI is empty');
  if (text.length > MAX_URI_LENGTH) throw new Error('The otpauth URI is too long');
  if (!text.slice(0, SCHEME.length).toLowerCase().startsWith(SCHEME)) {
    if (/^otpauth-migration:/i.test(text)) {
      throw new Error('This is a Google Authenticator export, not a single otpauth URI');
    }
    throw new Error('This is not an otpauth URI');
  }

  // otpauth://TYPE/LABEL?QUERY#FRAGMENT (the fragment has no meaning here and is dropped).
  let rest = text.slice(SCHEME.length);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const path = question >= 0 ? rest.slice(0, question) : rest;
  const query = question >= 0 ? rest.slice(question + 1) : '';
  const slash = path.indexOf('/');
  const type = parseType(slash >= 0 ? path.slice(0, slash) : path);
  const rawLabel = slash >= 0 ? decode(path.slice(slash + 1), false) : '';

  const params = parseQuery(query);
  const secretParam = params.get('secret') ?? '';
  if (secretParam.trim() === '') throw new Error('The otpauth URI has no secret');
  const secret = normaliseSecret(secretParam);

  const { issuer, label } = splitLabel(rawLabel, cleanName(params.get('issuer') ?? ''), true);
  const algorithm = optional(params.get('algorithm'), parseAlgorithm, DEFAULT_ALGORITHM);
  const digits = optional(params.get('digits'), parseDigits, DEFAULT_DIGITS);
  let period = DEFAULT_PERIOD;
  let counter = 0;
  if (type === 'totp') {
    period = optional(params.get('period'), parsePeriod, DEFAULT_PERIOD);
  } else {
    const counterParam = params.get('counter');
    if (counterParam === undefined || counterParam.trim() === '') {
      throw new Error('HOTP needs a counter');
    }
    counter = parseCounter(counterParam);
  }
  return { type, issuer, label, secret, algorithm, digits, period, counter };
}

/**
 * Serialises an account. Writes every parameter explicitly (other apps then need no defaults),
 * `issuer` both in the label and as a parameter (as Google recommends), and encodes with
 * `encodeURIComponent`, so `parseOtpauthUri(toOtpauthUri(a))` gives `a` back for any account
 * with trimmed NFC names (see names.ts).
 */
export function toOtpauthUri(account: OtpAccount): string {
  const a = checkAccount(account);
  const label = labelParts(a.issuer, a.label).map(encode).join(':');
  const query = [`secret=${a.secret}`];
  if (a.issuer !== '') query.push(`issuer=${encode(a.issuer)}`);
  query.push(`algorithm=${a.algorithm}`, `digits=${a.digits}`);
  query.push(a.type === 'totp' ? `period=${a.period}` : `counter=${a.counter}`);
  return `${SCHEME}${a.type}/${label}?${query.join('&')}`;
}

function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq >= 0 ? pair.slice(0, eq) : pair, true).toLowerCase();
    const value = eq >= 0 ? decode(pair.slice(eq + 1), true) : '';
    const previous = params.get(key);
    if (previous !== undefined && previous !== value) {
      throw new Error(`The otpauth URI gives the ${key.slice(0, 20)} parameter twice, differently`);
    }
    params.set(key, value);
  }
  return params;
}

function optional<T>(value: string | undefined, parse: (v: string) => T, fallback: T): T {
  return value === undefined || value.trim() === '' ? fallback : parse(value);
}

function decode(text: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    // URIError's own message ("URI malformed") says nothing useful to a user.
    throw new Error('The otpauth URI is badly encoded (a %-escape is invalid)');
  }
}

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new Error('The account name contains invalid characters');
  }
}
