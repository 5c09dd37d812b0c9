/**
 * Sealed sync records. Each account (or its tombstone) is one record:
 *   <id>.<version>.<kind><base64url(IV | AES-GCM ciphertext)>
 * encrypted with the vault's data key. The additional data binds the vault id, the key epoch,
 * the kind, the record id and the version, so a record that is changed, moved to another id,
 * given another version or turned from an account into a tombstone no longer authenticates.
 */
import { importAesKey, IV_BYTES, open, seal } from '../vault/aead';
import { randomBytes, utf8 } from '../bytes';
import { ByteReader, ByteWriter, fromB64u, toB64u } from './bytes';
import { CODEC_VERSION, decodeBody, encodeBody, type AccountBody } from './codec';
import { decodeHlc, encodeHlc, type Hlc } from './hlc';
import { readKeyEntry, writeKeyEntry } from './key-entries';

export interface SyncRecord {
  id: string;
  version: Hlc;
  /** Undefined: a tombstone (the account was deleted at `version`). */
  body?: AccountBody;
  /**
   * A tombstone's digests of the keys the deleting computer saw (`keyDigest`), each followed by
   * `.<counter>` when its HOTP counter is not 0; undefined for tombstones written before they
   * carried them.
   */
  gone?: string[];
}

const TOMBSTONE_VERSION = 2;

/** A tombstone's plaintext: nothing (before keys were listed), or the digests of the keys it saw. */
export function encodeTombstone(gone: readonly string[] | undefined): Uint8Array<ArrayBuffer> {
  if (!gone) return new Uint8Array(0);
  const out = new ByteWriter().byte(TOMBSTONE_VERSION).varint(gone.length);
  for (const entry of gone) writeKeyEntry(out, entry);
  return out.done();
}

export function decodeTombstone(plain: Uint8Array): string[] | undefined {
  if (plain.length === 0) return undefined;
  const read = new ByteReader(plain);
  if (read.byte() !== TOMBSTONE_VERSION) throw new Error('unknown tombstone version');
  const count = read.varint();
  if (count > 4096) throw new Error('bad tombstone');
  const gone = Array.from({ length: count }, () => readKeyEntry(read));
  if (!read.finished) throw new Error('bad tombstone');
  return gone;
}

/** What every record of one vault and key shares. */
export interface RecordContext {
  vaultId: string;
  /** Bumped each time the data key changes, so records of an older key are told apart. */
  epoch: number;
}

export type Kind = 'a' | 't';
const TAG_BYTES = 16;

export function recordAad(
  context: RecordContext,
  kind: Kind,
  id: string,
  version: string,
): Uint8Array<ArrayBuffer> {
  return utf8.encode(`twofold-sync:1:${context.vaultId}:${context.epoch}:${kind}:${id}:${version}`);
}

export async function sealRecord(
  key: CryptoKey,
  context: RecordContext,
  record: SyncRecord,
): Promise<string> {
  const kind: Kind = record.body ? 'a' : 't';
  const id = encodeId(record.id);
  const version = encodeHlc(record.version);
  const iv = randomBytes(IV_BYTES);
  const plain = record.body ? encodeBody(record.body) : encodeTombstone(record.gone);
  const sealed = await seal(key, iv, plain, recordAad(context, kind, id, version));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return `${id}.${version}.${kind}${toB64u(out)}`;
}

export type OpenResult =
  | { ok: true; record: SyncRecord }
  /** Not a record at all (damaged framing), or it did not authenticate: never applied. */
  | { ok: false; id?: string; reason: 'malformed' | 'unauthentic' }
  /** Authentic, but written in a record format newer than this build's: never overwritten. */
  | { ok: false; id: string; reason: 'newer' };

export async function openRecord(key: CryptoKey, context: RecordContext, text: string): Promise<OpenResult> {
  const parts = text.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [encodedId, versionText, sealedText] = parts as [string, string, string];
  let id: string;
  let version: Hlc;
  let bytes: Uint8Array<ArrayBuffer>;
  const kind = sealedText[0];
  try {
    id = decodeId(encodedId);
    version = decodeHlc(versionText);
    bytes = fromB64u(sealedText.slice(1));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if ((kind !== 'a' && kind !== 't') || bytes.length < IV_BYTES + TAG_BYTES) {
    return { ok: false, id, reason: 'malformed' };
  }
  const plain = await open(
    key,
    bytes.slice(0, IV_BYTES),
    bytes.slice(IV_BYTES),
    recordAad(context, kind, encodedId, versionText),
  );
  if (!plain) return { ok: false, id, reason: 'unauthentic' };
  if (isNewerFormat(kind, plain)) return { ok: false, id, reason: 'newer' };
  if (kind === 't') {
    try {
      const gone = decodeTombstone(plain);
      return { ok: true, record: { id, version, ...(gone ? { gone } : {}) } };
    } catch {
      return { ok: false, id, reason: 'malformed' };
    }
  }
  try {
    return { ok: true, record: { id, version, body: decodeBody(plain) } };
  } catch {
    return { ok: false, id, reason: 'malformed' };
  }
}

/**
 * The first byte of every body and tombstone carries its format version (a body's in its low
 * four bits): one above this build's was written by a newer Twofold.
 */
function isNewerFormat(kind: 'a' | 't', plain: Uint8Array): boolean {
  const first = plain[0];
  if (first === undefined) return false;
  return kind === 't' ? first > TOMBSTONE_VERSION : (first & 0x0f) > CODEC_VERSION;
}

/** The record's id as written, without decrypting: for packing and change detection. */
export function recordIdOf(text: string): string | undefined {
  try {
    return decodeId(text.slice(0, text.indexOf('.')));
  } catch {
    return undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Account ids are UUIDs (36 characters); in the sync area they take 23. Other ids pass through. */
export function encodeId(id: string): string {
  if (UUID.test(id)) {
    const hex = id.replaceAll('-', '');
    return `u${toB64u(Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)))}`;
  }
  return `s${toB64u(utf8.encode(id))}`;
}

export function decodeId(text: string): string {
  const bytes = fromB64u(text.slice(1));
  if (text[0] === 'u' && bytes.length === 16) {
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (text[0] === 's' && bytes.length > 0) return utf8.decode(bytes);
  throw new Error('bad record id');
}

export { importAesKey };
