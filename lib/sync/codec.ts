/**
 * An account as it travels in a sync record, in a compact binary form (before encryption):
 * about 85 bytes for a typical account, so 500 fit in the browser's sync space. Lossless for
 * every field of `StoredAccount` but the local-only ones (`updatedAt`: the record's version says
 * when); `concerns.ts` lists each field's role and the property test checks the round trip.
 *
 * Version 2 adds, behind an "extra" bit so a typical account costs nothing more: the encoder
 * (Steam), `previousKeys`, an explicit unpin, and the version of each concern that changed
 * before the record's own version. Version 1 bodies (written by the previous release) still decode.
 * Version 3 adds the let-go keys (`letGo`), and is written only by a body that has some: every
 * other body stays version 2, which builds before it still read.
 */
import type { OtpAlgorithm, OtpType, PreviousKey, StoredAccount } from '../otp/account';
import { ByteReader, ByteWriter, fromB64u, toB64u } from './bytes';
import { CONCERNS, type Concern } from './concerns';
import { compareHlc, type Hlc } from './hlc';
import { readDigest, writeDigest } from './key-entries';
import { MAX_LET_GO, type LetGoKey } from './let-go';
import { MAX_RECORD_PREVIOUS_KEYS } from './previous-keys';

/** The synced part of an account, plus its place in the list. */
export interface AccountBody {
  account: Omit<StoredAccount, 'id' | 'updatedAt'>;
  /** Position in the list: accounts are sorted by rank, then id. */
  rank: number;
  /** Each concern's version when it is older than the record's own (absent: the record's). */
  versions?: Partial<Record<Concern, Hlc>>;
  /** The keys the account let go (beyond the replaced keys it keeps): `let-go.ts`. */
  letGo?: LetGoKey[];
}

/** The newest body format this build reads (and writes when a body has let-go keys). */
export const CODEC_VERSION = 3;
const V1 = 1;
const V2 = 2;
/** In the first byte, above the version: the rank is a whole number (a varint, not 8 bytes). */
const WHOLE_RANK = 0x10;
/** In the first byte (version 2): an extra flags byte follows the main fields. */
const EXTRA = 0x20;
const ALGORITHMS: OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HTTPS = 'https://';

const HOTP = 1;
const PINNED = 1 << 3;
const HAS_ORIGIN = 1 << 4;
const ORIGIN_HTTPS = 1 << 5;
const CUSTOM_SHAPE = 1 << 6;
const RAW_SECRET = 1 << 7;

// The extra flags byte.
const STEAM = 1;
const UNPINNED = 1 << 1;
const HAS_PREVIOUS = 1 << 2;
const HAS_VERSIONS = 1 << 3;
/** Version 3 only. */
const HAS_LET_GO = 1 << 4;

// A previous key's flags byte.
const P_HOTP = 1;
const P_CUSTOM = 1 << 3;
const P_RAW = 1 << 4;
const P_STEAM = 1 << 5;

const DEVICE_BYTES = 3;

export function encodeBody(body: AccountBody): Uint8Array<ArrayBuffer> {
  const a = body.account;
  // Never more than a record may carry (decode refuses more): the newest are kept.
  const previous = a.previousKeys?.slice(0, MAX_RECORD_PREVIOUS_KEYS);
  const algorithm = algorithmIndex(a.algorithm);
  const custom = a.digits !== 6 || a.period !== 30;
  const raw = isRaw(a.secret);
  const https = a.origin?.startsWith(HTTPS) ?? false;
  const flags =
    (a.type === 'hotp' ? HOTP : 0) |
    (algorithm << 1) |
    (a.pinned ? PINNED : 0) |
    (a.origin !== undefined ? HAS_ORIGIN : 0) |
    (https ? ORIGIN_HTTPS : 0) |
    (custom ? CUSTOM_SHAPE : 0) |
    (raw ? RAW_SECRET : 0);
  const versions = versionTable(body.versions);
  const extra =
    (a.encoder === 'steam' ? STEAM : 0) |
    (a.pinned === false ? UNPINNED : 0) |
    (previous?.length ? HAS_PREVIOUS : 0) |
    (versions ? HAS_VERSIONS : 0) |
    (body.letGo?.length ? HAS_LET_GO : 0);
  if (a.encoder !== undefined && a.encoder !== 'steam') throw new Error('unknown encoder');
  const whole = Number.isSafeInteger(body.rank) && body.rank >= 0 && !Object.is(body.rank, -0);
  const out = new ByteWriter()
    .byte((extra & HAS_LET_GO ? CODEC_VERSION : V2) | (whole ? WHOLE_RANK : 0) | (extra ? EXTRA : 0))
    .byte(flags);
  if (whole) out.varint(body.rank);
  else out.float(body.rank);
  out.varint(a.createdAt);
  if (custom) out.byte(a.digits).varint(a.period);
  out.varint(a.counter);
  writeSecret(out, a.secret, raw);
  out.text(a.issuer).text(a.label);
  if (a.origin !== undefined) out.text(https ? a.origin.slice(HTTPS.length) : a.origin);
  if (!extra) return out.done();
  out.byte(extra);
  if (previous?.length) {
    out.varint(previous.length);
    for (const key of previous) writePreviousKey(out, key);
  }
  if (versions) {
    out.varint(versions.table.length);
    for (const hlc of versions.table) writeHlc(out, hlc);
    for (const index of versions.indexes) out.byte(index);
  }
  if (body.letGo?.length) writeLetGo(out, body.letGo);
  return out.done();
}

/** Throws on anything that is not a body version 1, 2 or 3 wrote. */
export function decodeBody(bytes: Uint8Array): AccountBody {
  const read = new ByteReader(bytes);
  const first = read.byte();
  const version = first & 0x0f;
  if (version === V1 && (first & ~WHOLE_RANK) !== V1) throw new Error('unknown record version');
  if (version !== V1 && version !== V2 && version !== CODEC_VERSION)
    throw new Error('unknown record version');
  if (first & ~(0x0f | WHOLE_RANK | EXTRA)) throw new Error('unknown record version');
  const flags = read.byte();
  const rank = first & WHOLE_RANK ? read.varint() : read.float();
  const createdAt = read.varint();
  const custom = (flags & CUSTOM_SHAPE) !== 0;
  const digits = custom ? read.byte() : 6;
  const period = custom ? read.varint() : 30;
  const counter = read.varint();
  const secret = readSecret(read, (flags & RAW_SECRET) !== 0);
  const issuer = read.text();
  const label = read.text();
  const origin = flags & HAS_ORIGIN ? (flags & ORIGIN_HTTPS ? HTTPS : '') + read.text() : undefined;
  let extra = 0;
  let previousKeys: PreviousKey[] | undefined;
  let versions: AccountBody['versions'];
  let letGo: LetGoKey[] | undefined;
  if (version === V1) {
    // Version 1 wrote an explicit "unpinned" as one trailing zero byte.
    if (!read.finished && read.byte() === 0) extra = UNPINNED;
  } else if (first & EXTRA) {
    extra = read.byte();
    const known = STEAM | UNPINNED | HAS_PREVIOUS | HAS_VERSIONS | (version === V2 ? 0 : HAS_LET_GO);
    if (extra & ~known) throw new Error('bad record');
    if (extra & HAS_PREVIOUS) {
      const count = read.varint();
      if (count === 0 || count > MAX_RECORD_PREVIOUS_KEYS) throw new Error('bad record');
      previousKeys = Array.from({ length: count }, () => readPreviousKey(read));
    }
    if (extra & HAS_VERSIONS) versions = readVersions(read);
    if (extra & HAS_LET_GO) letGo = readLetGo(read);
  }
  // A version 3 body is one with let-go keys.
  if (version === CODEC_VERSION && !letGo) throw new Error('bad record');
  if (!read.finished || !Number.isFinite(rank)) throw new Error('bad record');
  if (flags & PINNED && extra & UNPINNED) throw new Error('bad record');
  return {
    rank,
    account: {
      type: flags & HOTP ? 'hotp' : 'totp',
      issuer,
      label,
      secret,
      algorithm: algorithmAt(flags >> 1),
      digits,
      period,
      counter,
      ...(extra & STEAM ? { encoder: 'steam' as const } : {}),
      ...(origin !== undefined ? { origin } : {}),
      ...(flags & PINNED ? { pinned: true } : extra & UNPINNED ? { pinned: false } : {}),
      createdAt,
      ...(previousKeys ? { previousKeys } : {}),
    },
    ...(versions ? { versions } : {}),
    ...(letGo ? { letGo } : {}),
  };
}

function writeLetGo(out: ByteWriter, letGo: readonly LetGoKey[]): void {
  if (letGo.length > MAX_LET_GO) throw new Error('too many let-go keys');
  out.varint(letGo.length);
  for (const key of letGo) writeDigest(out, key.digest).varint(key.counter).varint(key.at);
}

function readLetGo(read: ByteReader): LetGoKey[] {
  const count = read.varint();
  if (count === 0 || count > MAX_LET_GO) throw new Error('bad record');
  return Array.from({ length: count }, () => ({
    digest: readDigest(read),
    counter: read.varint(),
    at: read.varint(),
  }));
}

function algorithmIndex(algorithm: OtpAlgorithm): number {
  const index = ALGORITHMS.indexOf(algorithm);
  if (index < 0) throw new Error('unknown algorithm');
  return index;
}

function algorithmAt(bits: number): OtpAlgorithm {
  const algorithm = ALGORITHMS[bits & 3];
  if (!algorithm) throw new Error('bad record');
  return algorithm;
}

function isRaw(secret: string): boolean {
  return !/^[A-Z2-7]*$/.test(secret);
}

function writeSecret(out: ByteWriter, secret: string, raw: boolean): void {
  if (raw) out.text(secret);
  else out.varint(secret.length).raw(packBase32(secret));
}

function readSecret(read: ByteReader, raw: boolean): string {
  if (raw) return read.text();
  const length = read.varint();
  return unpackBase32(length, read.raw(Math.ceil((length * 5) / 8)));
}

function writePreviousKey(out: ByteWriter, key: PreviousKey): void {
  const custom = key.digits !== 6 || key.period !== 30;
  const raw = isRaw(key.secret);
  if (key.encoder !== undefined && key.encoder !== 'steam') throw new Error('unknown encoder');
  out.byte(
    (key.type === 'hotp' ? P_HOTP : 0) |
      (algorithmIndex(key.algorithm) << 1) |
      (custom ? P_CUSTOM : 0) |
      (raw ? P_RAW : 0) |
      (key.encoder === 'steam' ? P_STEAM : 0),
  );
  out.varint(key.replacedAt);
  if (custom) out.byte(key.digits).varint(key.period);
  out.varint(key.counter);
  writeSecret(out, key.secret, raw);
}

function readPreviousKey(read: ByteReader): PreviousKey {
  const flags = read.byte();
  if (flags & ~(P_HOTP | 6 | P_CUSTOM | P_RAW | P_STEAM)) throw new Error('bad record');
  const type: OtpType = flags & P_HOTP ? 'hotp' : 'totp';
  const algorithm = algorithmAt(flags >> 1);
  const replacedAt = read.varint();
  const custom = (flags & P_CUSTOM) !== 0;
  const digits = custom ? read.byte() : 6;
  const period = custom ? read.varint() : 30;
  const counter = read.varint();
  const secret = readSecret(read, (flags & P_RAW) !== 0);
  return {
    type,
    secret,
    algorithm,
    digits,
    period,
    counter,
    ...(flags & P_STEAM ? { encoder: 'steam' as const } : {}),
    replacedAt,
  };
}

/** The distinct concern versions, and for each concern its index in that table. */
function versionTable(versions: AccountBody['versions']): { table: Hlc[]; indexes: number[] } | undefined {
  if (!versions || !CONCERNS.some((c) => versions[c])) return undefined;
  const table: Hlc[] = [];
  const indexes = CONCERNS.map((concern) => {
    const hlc = versions[concern];
    if (!hlc) return 0;
    let at = table.findIndex((t) => compareHlc(t, hlc) === 0);
    if (at < 0) at = table.push(hlc) - 1;
    return at + 1;
  });
  return { table, indexes };
}

function readVersions(read: ByteReader): AccountBody['versions'] {
  const size = read.varint();
  if (size === 0 || size > CONCERNS.length) throw new Error('bad record');
  const table = Array.from({ length: size }, () => readHlc(read));
  const versions: Partial<Record<Concern, Hlc>> = {};
  for (const concern of CONCERNS) {
    const index = read.byte();
    if (index > size) throw new Error('bad record');
    if (index) versions[concern] = table[index - 1]!;
  }
  return versions;
}

function writeHlc(out: ByteWriter, hlc: Hlc): void {
  const device = fromB64u(hlc.device);
  if (device.length !== DEVICE_BYTES) throw new Error('bad version');
  out.varint(hlc.wall).varint(hlc.count).raw(device);
}

function readHlc(read: ByteReader): Hlc {
  const wall = read.varint();
  const count = read.varint();
  return { wall, count, device: toB64u(read.raw(DEVICE_BYTES)) };
}

function packBase32(secret: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((secret.length * 5) / 8));
  let bit = 0;
  for (const ch of secret) {
    const value = BASE32.indexOf(ch);
    for (let i = 4; i >= 0; i--, bit++) {
      if ((value >> i) & 1) out[bit >> 3]! |= 0x80 >> (bit & 7);
    }
  }
  return out;
}

function unpackBase32(length: number, bytes: Uint8Array): string {
  if (bytes.length !== Math.ceil((length * 5) / 8)) throw new Error('bad secret');
  let out = '';
  for (let c = 0; c < length; c++) {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const bit = c * 5 + i;
      value = (value << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
    }
    out += BASE32[value]!;
  }
  return out;
}
