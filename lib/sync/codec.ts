/**
 * An account as it travels in a sync record, in a compact binary form (before encryption):
 * about 85 bytes for a typical account, so 500 fit in the browser's sync space. Lossless for
 * every field the merge compares; `updatedAt` is not carried (the record's version says when).
 */
import type { OtpAlgorithm, StoredAccount } from '../otp/account';
import { ByteReader, ByteWriter } from './bytes';

/** The synced part of an account, plus its place in the list. */
export interface AccountBody {
  account: Omit<StoredAccount, 'id' | 'updatedAt'>;
  /** Position in the list: accounts are sorted by rank, then id. */
  rank: number;
}

const CODEC_VERSION = 1;
/** In the first byte, above the version: the rank is a whole number (a varint, not 8 bytes). */
const WHOLE_RANK = 0x10;
const ALGORITHMS: OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HTTPS = 'https://';

const HOTP = 1;
const PINNED = 1 << 3;
const HAS_ORIGIN = 1 << 4;
const ORIGIN_HTTPS = 1 << 5;
const CUSTOM_SHAPE = 1 << 6;
const RAW_SECRET = 1 << 7;

export function encodeBody(body: AccountBody): Uint8Array<ArrayBuffer> {
  const a = body.account;
  const algorithm = ALGORITHMS.indexOf(a.algorithm);
  if (algorithm < 0) throw new Error('unknown algorithm');
  const custom = a.digits !== 6 || a.period !== 30;
  const raw = !/^[A-Z2-7]*$/.test(a.secret);
  const https = a.origin?.startsWith(HTTPS) ?? false;
  const flags =
    (a.type === 'hotp' ? HOTP : 0) |
    (algorithm << 1) |
    (a.pinned ? PINNED : 0) |
    (a.origin !== undefined ? HAS_ORIGIN : 0) |
    (https ? ORIGIN_HTTPS : 0) |
    (custom ? CUSTOM_SHAPE : 0) |
    (raw ? RAW_SECRET : 0);
  const whole = Number.isSafeInteger(body.rank) && body.rank >= 0;
  const out = new ByteWriter().byte(CODEC_VERSION | (whole ? WHOLE_RANK : 0)).byte(flags);
  if (whole) out.varint(body.rank);
  else out.float(body.rank);
  out.varint(a.createdAt);
  if (custom) out.byte(a.digits).varint(a.period);
  out.varint(a.counter);
  if (raw) out.text(a.secret);
  else out.varint(a.secret.length).raw(packBase32(a.secret));
  out.text(a.issuer).text(a.label);
  if (a.origin !== undefined) out.text(https ? a.origin.slice(HTTPS.length) : a.origin);
  if (a.pinned === false) out.byte(0); // an explicit "unpinned" survives the round trip
  return out.done();
}

/** Throws on anything that is not a body this version wrote. */
export function decodeBody(bytes: Uint8Array): AccountBody {
  const read = new ByteReader(bytes);
  const first = read.byte();
  if ((first & ~WHOLE_RANK) !== CODEC_VERSION) throw new Error('unknown record version');
  const flags = read.byte();
  const rank = first & WHOLE_RANK ? read.varint() : read.float();
  const createdAt = read.varint();
  const custom = (flags & CUSTOM_SHAPE) !== 0;
  const digits = custom ? read.byte() : 6;
  const period = custom ? read.varint() : 30;
  const counter = read.varint();
  let secret: string;
  if (flags & RAW_SECRET) secret = read.text();
  else {
    const length = read.varint();
    secret = unpackBase32(length, read.raw(Math.ceil((length * 5) / 8)));
  }
  const issuer = read.text();
  const label = read.text();
  const origin = flags & HAS_ORIGIN ? (flags & ORIGIN_HTTPS ? HTTPS : '') + read.text() : undefined;
  const explicitUnpinned = !read.finished && read.byte() === 0;
  if (!read.finished || !Number.isFinite(rank)) throw new Error('bad record');
  const algorithm = ALGORITHMS[(flags >> 1) & 3];
  if (!algorithm) throw new Error('bad record');
  return {
    rank,
    account: {
      type: flags & HOTP ? 'hotp' : 'totp',
      issuer,
      label,
      secret,
      algorithm,
      digits,
      period,
      counter,
      ...(origin !== undefined ? { origin } : {}),
      ...(flags & PINNED ? { pinned: true } : explicitUnpinned ? { pinned: false } : {}),
      createdAt,
    },
  };
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
