/**
 * The passkey key slot: the vault's data key (DEK) wrapped so that only a WebAuthn PRF output
 * of one credential, after user verification, can unwrap it.
 *
 *   KEK        = HKDF-SHA256(PRF output, salt "twofold-passkey/v1", info vault id | credential id)
 *   privateKey = AES-GCM(KEK, PKCS#8 of an ECDH P-256 key), AAD binds vault id, credential id
 *                and the public key
 *   wrapped    = AES-GCM(HKDF(ECDH(ephemeral, public key)), DEK), AAD binds vault id,
 *                credential id, public key and the ephemeral key
 *
 * The KEK is derived in the page that ran the ceremony (the PRF output never leaves it); the
 * background holds the DEK. The ECDH layer lets the background wrap a NEW data key for the
 * slot (after a passphrase change) from the public key alone, without the authenticator.
 */
import { TwofoldError } from '../errors';
import { importAesKey, IV_BYTES, KEY_BYTES, open, seal } from './aead';
import { fromBase64, randomBytes, toBase64, utf8 } from '../bytes';
import type { PasskeySlot } from './envelope';

const VERSION = 'v1';
export const PRF_SALT_BYTES = 32;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function hkdf(
  ikm: Uint8Array<ArrayBuffer>,
  salt: string,
  info: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8.encode(salt), info: utf8.encode(info) },
    key,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

/** PRF output -> key-encryption key of one slot. Runs in the page that did the ceremony. */
export function derivePasskeyKek(
  prfOutput: Uint8Array<ArrayBuffer>,
  credentialId: string,
  vaultId: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (prfOutput.length < 32) throw new TwofoldError('PASSKEY_NO_PRF');
  return hkdf(prfOutput, `twofold-passkey/${VERSION}`, `kek|${vaultId}|${credentialId}`);
}

function privateKeyAad(vaultId: string, slot: Pick<PasskeySlot, 'credentialId' | 'publicKey'>) {
  return utf8.encode(`twofold-passkey-key:${VERSION}:${vaultId}:${slot.credentialId}:${slot.publicKey}`);
}

function wrapAad(vaultId: string, slot: Pick<PasskeySlot, 'credentialId' | 'publicKey' | 'ephemeral'>) {
  return utf8.encode(
    `twofold-passkey-wrap:${VERSION}:${vaultId}:${slot.credentialId}:${slot.publicKey}:${slot.ephemeral}`,
  );
}

async function wrapKey(shared: ArrayBuffer, vaultId: string, credentialId: string) {
  return importAesKey(
    await hkdf(new Uint8Array(shared), `twofold-passkey/${VERSION}`, `wrap|${vaultId}|${credentialId}`),
  );
}

export interface NewPasskey {
  credentialId: string;
  name: string;
  prfSalt: string;
  /** From derivePasskeyKek. */
  kek: Uint8Array<ArrayBuffer>;
  createdAt: number;
}

/** A new slot for `dek`. */
export async function createPasskeySlot(
  dek: Uint8Array<ArrayBuffer>,
  vaultId: string,
  passkey: NewPasskey,
): Promise<PasskeySlot> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const keyIv = randomBytes(IV_BYTES);
  const base = { credentialId: passkey.credentialId, publicKey };
  const sealed = await seal(await importAesKey(passkey.kek), keyIv, pkcs8, privateKeyAad(vaultId, base));
  pkcs8.fill(0);
  const slot: PasskeySlot = {
    kind: 'passkey',
    credentialId: passkey.credentialId,
    name: passkey.name,
    createdAt: passkey.createdAt,
    prfSalt: passkey.prfSalt,
    publicKey,
    keyIv: toBase64(keyIv),
    privateKey: toBase64(sealed),
    ephemeral: '',
    iv: '',
    wrapped: '',
  };
  return wrapForPasskeySlot(slot, dek, vaultId);
}

/** The slot with `dek` wrapped anew from its public key alone (no authenticator needed). */
export async function wrapForPasskeySlot(
  slot: PasskeySlot,
  dek: Uint8Array<ArrayBuffer>,
  vaultId: string,
): Promise<PasskeySlot> {
  const slotPublic = await crypto.subtle.importKey('spki', fromBase64(slot.publicKey), ECDH, false, []);
  const ephemeralPair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const shared = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: slotPublic },
    ephemeralPair.privateKey,
    256,
  );
  const ephemeral = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', ephemeralPair.publicKey)));
  const iv = randomBytes(IV_BYTES);
  const next = { ...slot, ephemeral };
  const wrapped = await seal(
    await wrapKey(shared, vaultId, slot.credentialId),
    iv,
    dek,
    wrapAad(vaultId, next),
  );
  return { ...next, iv: toBase64(iv), wrapped: toBase64(wrapped) };
}

/** The DEK, or undefined when the KEK or any byte of the slot is wrong. */
export async function unwrapPasskeySlot(
  slot: PasskeySlot,
  kek: Uint8Array<ArrayBuffer>,
  vaultId: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    if (!isPasskeySlot(slot) || kek.length !== KEY_BYTES) return undefined;
    const pkcs8 = await open(
      await importAesKey(kek),
      fromBase64(slot.keyIv),
      fromBase64(slot.privateKey),
      privateKeyAad(vaultId, slot),
    );
    if (!pkcs8) return undefined;
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
    pkcs8.fill(0);
    const ephemeral = await crypto.subtle.importKey('raw', fromBase64(slot.ephemeral), ECDH, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256);
    const dek = await open(
      await wrapKey(shared, vaultId, slot.credentialId),
      fromBase64(slot.iv),
      fromBase64(slot.wrapped),
      wrapAad(vaultId, slot),
    );
    return dek?.length === KEY_BYTES ? dek : undefined;
  } catch {
    return undefined;
  }
}

export function isPasskeySlot(slot: unknown): slot is PasskeySlot {
  const s = slot as Partial<PasskeySlot> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.kind === 'passkey' &&
    (
      [
        'credentialId',
        'name',
        'prfSalt',
        'publicKey',
        'keyIv',
        'privateKey',
        'ephemeral',
        'iv',
        'wrapped',
      ] as const
    ).every((field) => typeof s[field] === 'string') &&
    typeof s.createdAt === 'number'
  );
}

export function newPrfSalt(): string {
  return toBase64(randomBytes(PRF_SALT_BYTES));
}
