import type { KdfParams } from './kdf';
import { concatBytes, fromBase64, toBase64, utf8 } from '../bytes';

/** Stored format version this build reads and writes. */
export const FORMAT_VERSION = 1;
const MAGIC = utf8.encode('TWOF');
const IV_BYTES = 12;

export interface PassphraseSlot {
  kind: 'passphrase';
  kdf: KdfParams;
  /** base64 AES-GCM IV of the wrap. */
  iv: string;
  /** base64 AES-GCM(KEK, DEK). */
  wrapped: string;
}

/**
 * The data key wrapped for one passkey (WebAuthn PRF). The PRF output is turned into a
 * key-encryption key in the page that ran the ceremony; that key opens `privateKey`, an ECDH
 * key whose public half lets the data key be re-wrapped without the authenticator (a new data
 * key after a passphrase change). See lib/vault/passkey-slot.ts.
 */
export interface PasskeySlot {
  kind: 'passkey';
  /** base64url WebAuthn credential id. */
  credentialId: string;
  /** The name the user gave it ("This laptop"). */
  name: string;
  createdAt: number;
  /** base64 PRF input: one per vault, the same in each of its passkey slots. */
  prfSalt: string;
  /** base64 SPKI of the slot's ECDH P-256 public key. */
  publicKey: string;
  /** base64 IV and AES-GCM(KEK, PKCS#8 private key). */
  keyIv: string;
  privateKey: string;
  /** base64 raw ephemeral ECDH public key, IV and AES-GCM(wrap key, DEK). */
  ephemeral: string;
  iv: string;
  wrapped: string;
}

export type KeySlot = PassphraseSlot | PasskeySlot;

export interface EnvelopeHeader {
  v: number;
  vaultId: string;
  revision: number;
  /** Older builds ignore slot kinds they do not know, so adding one keeps the format version. */
  slots: KeySlot[];
}

export interface Envelope {
  header: EnvelopeHeader;
  /** Everything before the IV: magic, header length and header. Authenticated as AAD. */
  aad: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

const CHECKSUM_BYTES = 32;

/**
 * One stored copy: base64 of MAGIC | u32 header length | header JSON | IV | AES-GCM ciphertext
 * | SHA-256 of all before it. The prefix is the AAD, so changing any header byte
 * (revision, vault id, slot) makes decryption fail instead of being believed. The
 * unkeyed checksum only tells accidental damage from a copy written by a newer
 * version (which we cannot authenticate): every future format keeps this framing.
 */
export async function encodeEnvelope(
  header: EnvelopeHeader,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Promise<string> {
  const body = concatBytes(envelopePrefix(header), iv, ciphertext);
  return toBase64(concatBytes(body, await sha256(body)));
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export function envelopePrefix(header: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  const headerBytes = utf8.encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length);
  return concatBytes(MAGIC, length, headerBytes);
}

/** Parses the framing and header only; authenticity is checked by decrypting. Throws on damage. */
export async function decodeEnvelope(stored: unknown): Promise<Envelope> {
  if (typeof stored !== 'string') throw new Error('not a stored vault copy');
  const all = fromBase64(stored);
  if (all.length < 8 + CHECKSUM_BYTES) throw new Error('truncated');
  const bytes = all.slice(0, all.length - CHECKSUM_BYTES);
  const checksum = await sha256(bytes);
  if (checksum.some((b, i) => all[bytes.length + i] !== b)) throw new Error('checksum mismatch');
  if (MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('bad magic');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4);
  const headerEnd = 8 + headerLength;
  if (headerEnd + IV_BYTES + 16 > bytes.length) throw new Error('truncated');
  const header = JSON.parse(utf8.decode(bytes.subarray(8, headerEnd))) as EnvelopeHeader;
  if (
    typeof header !== 'object' ||
    header === null ||
    !Number.isInteger(header.v) ||
    !Number.isSafeInteger(header.revision) ||
    header.revision < 1 ||
    typeof header.vaultId !== 'string' ||
    !Array.isArray(header.slots)
  ) {
    throw new Error('bad header');
  }
  return {
    header,
    aad: bytes.slice(0, headerEnd),
    iv: bytes.slice(headerEnd, headerEnd + IV_BYTES),
    ciphertext: bytes.slice(headerEnd + IV_BYTES),
  };
}

export function slotAad(vaultId: string, kdf: KdfParams): Uint8Array<ArrayBuffer> {
  return utf8.encode(`twofold-slot:v${FORMAT_VERSION}:${vaultId}:${JSON.stringify(kdf)}`);
}
