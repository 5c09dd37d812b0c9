/**
 * Google Authenticator export batches: `otpauth-migration://offline?data=<base64 protobuf>`.
 *
 *   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
 *                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
 *   OtpParameters { bytes secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
 *                   DigitCount digits = 5; OtpType type = 6; int64 counter = 7; }
 *
 * The format has no period: every TOTP account gets 30 s. Newer exports add fields (e.g. 8, a
 * string id) that are skipped. A structural problem anywhere rejects the whole batch ("damaged");
 * an entry that is well-formed but unusable (MD5, empty secret, ...) is reported in `skipped`
 * with an error code and the others are still imported.
 */
import { TwofoldError, type ErrorCode } from '../errors';
import type { OtpAccount, OtpAlgorithm } from './account';
import { base32Encode, MIN_SECRET_BYTES, secretToBytes } from './base32';
import { decodeBase64Lenient, toBase64 } from '../bytes';
import { accountName, cleanName, labelParts, splitLabel } from './names';
import { checkAccount, DEFAULT_PERIOD } from './params';
import { damagedError, ProtoReader, ProtoWriter, WIRE_BYTES, WIRE_VARINT } from './protobuf';

export interface MigrationBatch {
  /** 0-based position of this QR code in the export. */
  index: number;
  /** Number of QR codes in the export (1 when the payload does not say). */
  size: number;
  /** Shared by all QR codes of one export (0 when the payload does not say). */
  id: number;
}

/** An entry left out, named as the export names it (never its secret), and why (a code). */
export interface SkippedOtp {
  /** "Issuer (name)", or '' when the entry has no name. */
  name: string;
  code: ErrorCode;
  params: string[];
}

export interface MigrationResult {
  accounts: OtpAccount[];
  skipped: SkippedOtp[];
  batch: MigrationBatch;
}

/** Base64 of several KB per QR code at most; generous bound on pasted input. */
export const MAX_MIGRATION_URI_LENGTH = 65_536;

const SCHEME = /^otpauth-migration:\/\//i;
const ALGORITHMS: Record<number, OtpAlgorithm | 'MD5'> = { 1: 'SHA1', 2: 'SHA256', 3: 'SHA512', 4: 'MD5' };
const ALGORITHM_CODES: Record<OtpAlgorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };

export function decodeMigrationUri(uri: string): MigrationResult {
  const text = typeof uri === 'string' ? uri.trim() : '';
  if (!SCHEME.test(text)) throw new TwofoldError('MIGRATION_NOT_EXPORT');
  if (text.length > MAX_MIGRATION_URI_LENGTH) throw new TwofoldError('MIGRATION_TOO_LONG');
  const bytes = decodeBase64Lenient(dataParameter(text));
  if (bytes === null) throw damagedError();
  const result = readPayload(bytes);
  if (result.accounts.length === 0 && result.skipped.length === 0) {
    throw new TwofoldError('MIGRATION_EMPTY');
  }
  return result;
}

/**
 * One export QR code holding `accounts`. Throws (naming the account, never its secret) for what
 * the format cannot hold: a period other than 30 s, 7 digits, or a Steam Guard account.
 */
export function encodeMigrationUri(accounts: OtpAccount[], batch: Partial<MigrationBatch> = {}): string {
  const payload = new ProtoWriter();
  for (const original of accounts) {
    const a = checkAccount(original);
    const problem = migrationProblem(a);
    if (problem) throw new TwofoldError(problem.code, [accountName(a), ...problem.params]);
    const entry = new ProtoWriter()
      .bytesField(1, secretToBytes(a.secret))
      .bytesField(2, utf8(labelParts(a.issuer, a.label).join(':')))
      .bytesField(3, utf8(a.issuer))
      .varintField(4, ALGORITHM_CODES[a.algorithm])
      .varintField(5, a.digits === 8 ? 2 : 1)
      .varintField(6, a.type === 'hotp' ? 1 : 2);
    if (a.type === 'hotp') entry.varintField(7, a.counter);
    payload.bytesField(1, entry.finish());
  }
  payload
    .varintField(2, 1)
    .varintField(3, batch.size ?? 1)
    .varintField(4, batch.index ?? 0)
    .varintField(5, batch.id ?? 0);
  return `otpauth-migration://offline?data=${encodeURIComponent(toBase64(payload.finish()))}`;
}

/** Why a Google Authenticator export cannot hold this account (it has no period, 7 digits or Steam). */
export function migrationProblem(a: OtpAccount): { code: ErrorCode; params: string[] } | undefined {
  if (a.encoder === 'steam') return { code: 'MIGRATION_CANNOT_HOLD_STEAM', params: [] };
  if (a.type === 'totp' && a.period !== DEFAULT_PERIOD) {
    return { code: 'MIGRATION_CANNOT_HOLD_PERIOD', params: [String(a.period)] };
  }
  if (a.digits === 7) return { code: 'MIGRATION_CANNOT_HOLD_7_DIGITS', params: [] };
  return undefined;
}

/** The raw `data=` value, percent-decoded but with `+` kept (it is base64, not form text). */
function dataParameter(text: string): string {
  const question = text.indexOf('?');
  const query = question >= 0 ? (text.slice(question + 1).split('#', 1)[0] ?? '') : '';
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).toLowerCase() !== 'data') continue;
    const value = pair.slice(eq + 1);
    if (value.trim() === '') break;
    try {
      return decodeURIComponent(value);
    } catch {
      throw damagedError();
    }
  }
  throw new TwofoldError('MIGRATION_NO_DATA');
}

function readPayload(bytes: Uint8Array): MigrationResult {
  const reader = new ProtoReader(bytes);
  const accounts: OtpAccount[] = [];
  const skipped: SkippedOtp[] = [];
  const batch: MigrationBatch = { index: 0, size: 1, id: 0 };
  while (!reader.done) {
    const [field, wire] = reader.tag();
    if (field === 1) {
      expectWire(wire, WIRE_BYTES);
      const entry = readEntry(reader.bytesField());
      if ('code' in entry) skipped.push(entry);
      else accounts.push(entry);
    } else if (field >= 3 && field <= 5) {
      expectWire(wire, WIRE_VARINT);
      const value = Number(BigInt.asIntN(32, reader.varint()));
      if (field === 3) batch.size = Math.max(1, value);
      else if (field === 4) batch.index = value;
      else batch.id = value;
    } else {
      reader.skip(wire); // version (2) is informational; newer fields are unknown to us
    }
  }
  return { accounts, skipped, batch };
}

function readEntry(bytes: Uint8Array): OtpAccount | SkippedOtp {
  const reader = new ProtoReader(bytes);
  let secret: Uint8Array = new Uint8Array(0);
  let name = '';
  let issuer = '';
  let algorithm = 0;
  let digits = 0;
  let type = 0;
  let counter = 0n;
  while (!reader.done) {
    const [field, wire] = reader.tag();
    switch (field) {
      case 1:
        expectWire(wire, WIRE_BYTES);
        secret = reader.bytesField();
        break;
      case 2:
        expectWire(wire, WIRE_BYTES);
        name = text(reader.bytesField());
        break;
      case 3:
        expectWire(wire, WIRE_BYTES);
        issuer = text(reader.bytesField());
        break;
      case 4:
      case 5:
      case 6: {
        expectWire(wire, WIRE_VARINT);
        const value = Number(BigInt.asIntN(32, reader.varint()));
        if (field === 4) algorithm = value;
        else if (field === 5) digits = value;
        else type = value;
        break;
      }
      case 7:
        expectWire(wire, WIRE_VARINT);
        counter = BigInt.asIntN(64, reader.varint());
        break;
      default:
        reader.skip(wire);
    }
  }

  const names = splitLabel(name, cleanName(issuer), false);
  const skip = (code: ErrorCode, ...params: (string | number)[]): SkippedOtp => ({
    name: names.issuer || names.label ? accountName(names) : '',
    code,
    params: params.map(String),
  });
  // Unspecified (0) means the default, as in Google Authenticator itself.
  const algo = algorithm === 0 ? 'SHA1' : ALGORITHMS[algorithm];
  if (algo === undefined) return skip('MIGRATION_ALGORITHM_CODE', algorithm);
  if (algo === 'MD5') return skip('ALGORITHM_UNSUPPORTED', 'MD5');
  if (digits !== 0 && digits !== 1 && digits !== 2) return skip('MIGRATION_DIGITS_CODE', digits);
  if (type !== 0 && type !== 1 && type !== 2) return skip('MIGRATION_TYPE_CODE', type);
  if (secret.length === 0) return skip('ACCOUNT_NO_SECRET');
  if (secret.length < MIN_SECRET_BYTES) return skip('SECRET_TOO_SHORT');
  const isHotp = type === 1;
  if (isHotp && counter < 0n) return skip('COUNTER_NEGATIVE');
  if (isHotp && counter > BigInt(Number.MAX_SAFE_INTEGER)) return skip('COUNTER_TOO_LARGE');
  return {
    type: isHotp ? 'hotp' : 'totp',
    issuer: names.issuer,
    label: names.label,
    secret: base32Encode(secret),
    algorithm: algo,
    digits: digits === 2 ? 8 : 6,
    period: DEFAULT_PERIOD,
    counter: isHotp ? Number(counter) : 0,
  };
}

function expectWire(actual: number, expected: number): void {
  if (actual !== expected) throw damagedError();
}

const decoder = new TextDecoder('utf-8'); // not fatal: a bad byte in a name becomes U+FFFD
const encoder = new TextEncoder();
function text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
function utf8(value: string): Uint8Array {
  return encoder.encode(value);
}
