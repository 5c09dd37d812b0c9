/**
 * otpauth:// URIs (Google's Key URI format) to accounts and back.
 *
 * Hand-parsed rather than with `URL` or otpauth's `URI.parse`: we need one precise message per
 * mistake, and `URL` silently drops tabs/newlines and treats `+` differently in path and query.
 * Decisions, documented in README-level terms:
 * - Scheme and type are case-insensitive; `totp`, `hotp`, and `steam` (Aegis's spelling of Steam
 *   Guard). `encoder=steam` (KeePassXC's spelling) on a `totp` URI is Steam Guard too; any other
 *   encoder is refused, since reading it as decimal digits would give codes that never work.
 *   Steam Guard accepts only its own settings (SHA1, 30 s, 5 characters) where a URI names any.
 * - Label (path): percent-decoded, `+` stays a plus (RFC 3986). Query values: `+` is a space,
 *   as every form encoder (URLSearchParams, Java URLEncoder, PHP urlencode) writes it; a literal
 *   plus must be `%2B`, which is what `toOtpauthUri` writes.
 * - Empty `issuer=`, `algorithm=`, `digits=`, `period=` count as absent; unknown parameters
 *   (image, color, icon, ...) are ignored; a parameter given twice with different values is
 *   refused; parameter names are case-insensitive.
 * - The secret is normalised by `normaliseSecret` (see base32.ts).
 */
import { TwofoldError } from '../errors';
import type { OtpAccount } from './account';
import { normaliseSecret } from './base32';
import { cleanName, labelParts, splitLabel } from './names';
import {
  checkAccount,
  checkEncoder,
  checkSteam,
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  parseAlgorithm,
  parseCounter,
  parseDigits,
  parsePeriod,
  parseType,
  STEAM_DIGITS,
} from './params';

/** Far above any QR code's capacity (~3 KB); bounds the work done on pasted junk. */
export const MAX_URI_LENGTH = 16_384;

const SCHEME = 'otpauth://';

export function parseOtpauthUri(uri: string): OtpAccount {
  if (typeof uri !== 'string') throw new TwofoldError('URI_NOT_OTPAUTH');
  const text = uri.trim();
  if (text === '') throw new TwofoldError('URI_EMPTY');
  if (text.length > MAX_URI_LENGTH) throw new TwofoldError('URI_TOO_LONG');
  if (!text.slice(0, SCHEME.length).toLowerCase().startsWith(SCHEME)) {
    if (/^otpauth-migration:/i.test(text)) throw new TwofoldError('URI_IS_MIGRATION');
    throw new TwofoldError('URI_NOT_OTPAUTH');
  }

  // otpauth://TYPE/LABEL?QUERY#FRAGMENT (the fragment has no meaning here and is dropped).
  let rest = text.slice(SCHEME.length);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const path = question >= 0 ? rest.slice(0, question) : rest;
  const query = question >= 0 ? rest.slice(question + 1) : '';
  const slash = path.indexOf('/');
  const typeText = slash >= 0 ? path.slice(0, slash) : path;
  const steamType = typeText.trim().toLowerCase() === 'steam';
  const type = steamType ? 'totp' : parseType(typeText);
  const rawLabel = slash >= 0 ? decode(path.slice(slash + 1), false) : '';

  const params = parseQuery(query);
  const secretParam = params.get('secret') ?? '';
  if (secretParam.trim() === '') throw new TwofoldError('URI_NO_SECRET');
  const secret = normaliseSecret(secretParam);

  const { issuer, label } = splitLabel(rawLabel, cleanName(params.get('issuer') ?? ''), true);
  const algorithm = optional(params.get('algorithm'), parseAlgorithm, DEFAULT_ALGORITHM);
  const encoder = steamType ? 'steam' : checkEncoder(params.get('encoder'));
  if (encoder === 'steam') {
    const period = optional(params.get('period'), parsePeriod, DEFAULT_PERIOD);
    const digitsText = params.get('digits')?.trim() ?? '';
    const digits = digitsText === '' ? STEAM_DIGITS : Number(digitsText);
    const account = { type, algorithm, digits, period };
    checkSteam(account);
    return { ...account, issuer, label, secret, counter: 0, encoder };
  }
  const digits = optional(params.get('digits'), parseDigits, DEFAULT_DIGITS);
  let period = DEFAULT_PERIOD;
  let counter = 0;
  if (type === 'totp') {
    period = optional(params.get('period'), parsePeriod, DEFAULT_PERIOD);
  } else {
    const counterParam = params.get('counter');
    if (counterParam === undefined || counterParam.trim() === '') {
      throw new TwofoldError('HOTP_NO_COUNTER');
    }
    counter = parseCounter(counterParam);
  }
  return { type, issuer, label, secret, algorithm, digits, period, counter };
}

/**
 * Serialises an account. Writes every parameter explicitly (other apps then need no defaults),
 * `issuer` both in the label and as a parameter (as Google recommends), and encodes with
 * `encodeURIComponent`, so `parseOtpauthUri(toOtpauthUri(a))` gives `a` back for any account
 * with trimmed NFC names (see names.ts). Steam Guard is written as Aegis writes it, `steam` as
 * the type: an app that does not know Steam then refuses it instead of showing 6 digits that
 * never work (as `encoder=steam` would in most apps).
 */
export function toOtpauthUri(account: OtpAccount): string {
  const a = checkAccount(account);
  const label = labelParts(a.issuer, a.label).map(encode).join(':');
  const query = [`secret=${a.secret}`];
  if (a.issuer !== '') query.push(`issuer=${encode(a.issuer)}`);
  query.push(`algorithm=${a.algorithm}`, `digits=${a.digits}`);
  query.push(a.type === 'totp' ? `period=${a.period}` : `counter=${a.counter}`);
  const type = a.encoder === 'steam' ? 'steam' : a.type;
  return `${SCHEME}${type}/${label}?${query.join('&')}`;
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
      throw new TwofoldError('URI_PARAM_TWICE', [key.slice(0, 20)]);
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
    throw new TwofoldError('URI_BAD_ESCAPE');
  }
}

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new TwofoldError('NAME_INVALID');
  }
}
