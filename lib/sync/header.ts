/**
 * The sync header: what another computer needs to open the synced vault with its passphrase.
 * It holds the vault id, the key epoch, the Argon2id parameters and salt, the data key wrapped
 * by the passphrase, optionally the previous data keys (newest first, up to MAX_PREVIOUS_KEYS)
 * sealed together by the current one (so a computer whose local copy still uses an older key,
 * however many key changes behind, can re-key it with the newest passphrase; the new key reveals
 * the older ones, never the reverse), and a check sealed with the data key over everything
 * else, so a computer that already has the key can tell its own header from a forged or
 * replayed one without the passphrase.
 */
import { importAesKey, IV_BYTES, KEY_BYTES, open, seal } from '../vault/aead';
import { equalBytes, randomBytes, utf8 } from '../bytes';
import { IMPORT_LIMITS } from '../transfer/limits';
import { checkKdfParams, deriveKek, type KdfParams } from '../vault/kdf';
import { fromB64u, toB64u } from './bytes';

export interface SyncHeader {
  v: 1;
  vaultId: string;
  epoch: number;
  /** Bumped on every new header (a passphrase change keeps the key): an older one is a replay. */
  rev: number;
  kdf: KdfParams;
  /** base64url(IV | AES-GCM(KEK, data key)). */
  wrapped: string;
  /** base64url(IV | AES-GCM(data key, previous data keys newest first, concatenated)). */
  previous?: string;
  /** base64url(IV | AES-GCM(data key, empty)) over all the fields above. */
  check: string;
}

export interface HeaderInput {
  dek: Uint8Array<ArrayBuffer>;
  passphrase: string;
  vaultId: string;
  epoch: number;
  rev: number;
  kdf: { memory: number; iterations: number; parallelism: number };
  /** The data keys this one replaces, newest first (only the first MAX_PREVIOUS_KEYS are kept). */
  previousDeks?: readonly Uint8Array<ArrayBuffer>[];
}

/**
 * How many replaced data keys a header carries: a computer that many key changes behind still
 * follows with the newest passphrase. 16 keys cost 736 bytes of the sync space (0.7 %).
 */
export const MAX_PREVIOUS_KEYS = 16;

/** Field by field: the browser's storage may hand objects back with their keys reordered. */
const kdfText = (kdf: KdfParams) =>
  `${kdf.name}:${kdf.memory}:${kdf.iterations}:${kdf.parallelism}:${kdf.salt}`;
const slotAad = (h: Pick<SyncHeader, 'vaultId' | 'epoch' | 'rev' | 'kdf'>) =>
  utf8.encode(`twofold-sync-slot:1:${h.vaultId}:${h.epoch}:${h.rev}:${kdfText(h.kdf)}`);
const previousAad = (h: Pick<SyncHeader, 'vaultId' | 'epoch'>) =>
  utf8.encode(`twofold-sync-previous:1:${h.vaultId}:${h.epoch}`);
const checkAad = (h: Omit<SyncHeader, 'check'>) =>
  utf8.encode(
    `twofold-sync-header:1:${h.vaultId}:${h.epoch}:${h.rev}:${kdfText(h.kdf)}:${h.wrapped}:${h.previous ?? ''}`,
  );

async function sealJoined(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const sealed = await seal(key, iv, plain, aad);
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return toB64u(out);
}

async function openJoined(
  key: CryptoKey,
  text: string,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const bytes = fromB64u(text);
    if (bytes.length < IV_BYTES + 16) return undefined;
    return await open(key, bytes.slice(0, IV_BYTES), bytes.slice(IV_BYTES), aad);
  } catch {
    return undefined;
  }
}

export async function createHeader(input: HeaderInput): Promise<SyncHeader> {
  const kdf: KdfParams = { name: 'argon2id', ...input.kdf, salt: toB64u(randomBytes(16)) };
  const kek = await importAesKey(await deriveKek(input.passphrase, kdf, fromB64u(kdf.salt)));
  const base = { v: 1 as const, vaultId: input.vaultId, epoch: input.epoch, rev: input.rev, kdf };
  const wrapped = await sealJoined(kek, input.dek, slotAad(base));
  const dekKey = await importAesKey(input.dek);
  const chain = (input.previousDeks ?? []).slice(0, MAX_PREVIOUS_KEYS);
  const previous = chain.length ? await sealJoined(dekKey, concat(chain), previousAad(base)) : undefined;
  const unsigned = { ...base, wrapped, ...(previous ? { previous } : {}) };
  return { ...unsigned, check: await sealJoined(dekKey, new Uint8Array(0), checkAad(unsigned)) };
}

/** The header format this build reads and writes. */
export const HEADER_VERSION = 1;

/**
 * A header a newer Twofold wrote (a format version above this build's): this build can neither
 * read nor authenticate it, and must never write its own over it.
 */
export function isNewerHeader(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = (value as { v?: unknown }).v;
  return typeof v === 'number' && Number.isSafeInteger(v) && v > HEADER_VERSION;
}

/** Shape check only; authenticity comes from `unwrapHeader` or `verifyHeader`. Throws. */
export function parseHeader(value: unknown): SyncHeader {
  const h = value as Partial<SyncHeader> | null;
  if (
    typeof h !== 'object' ||
    h === null ||
    h.v !== 1 ||
    typeof h.vaultId !== 'string' ||
    !Number.isSafeInteger(h.epoch) ||
    (h.epoch as number) < 1 ||
    !Number.isSafeInteger(h.rev) ||
    (h.rev as number) < 1 ||
    typeof h.wrapped !== 'string' ||
    typeof h.check !== 'string' ||
    (h.previous !== undefined && typeof h.previous !== 'string')
  ) {
    throw new Error('bad sync header');
  }
  checkHeaderKdf(h.kdf);
  return h as SyncHeader;
}

/**
 * The header is written by whoever can write the sync space: its key derivation gets the same
 * caps as an imported file's (a copy stored here may cost more; a hostile header may not make
 * every mistyped passphrase cost a minute). Checked before anything is derived. Throws.
 */
export function checkHeaderKdf(value: unknown): KdfParams {
  const kdf = checkKdfParams(value);
  if (kdf.memory > IMPORT_LIMITS.argon2MemoryKiB || kdf.iterations > IMPORT_LIMITS.argon2Passes) {
    throw new Error('sync header asks for too costly a key derivation');
  }
  return kdf;
}

/** Passphrase -> data key; undefined when the passphrase is wrong or the header was changed. */
export async function unwrapHeader(
  header: SyncHeader,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const kdf = checkHeaderKdf(header.kdf);
    const kek = await importAesKey(await deriveKek(passphrase, kdf, fromB64u(kdf.salt)));
    const dek = await openJoined(kek, header.wrapped, slotAad(header));
    if (dek?.length !== KEY_BYTES) return undefined;
    return (await verifyHeader(header, dek)) ? dek : undefined;
  } catch {
    return undefined;
  }
}

/** True when `dek` sealed this exact header. */
export async function verifyHeader(header: SyncHeader, dek: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const { check, ...unsigned } = header;
  const plain = await openJoined(await importAesKey(dek), check, checkAad(unsigned));
  return plain?.length === 0;
}

/** The data keys this header replaced, newest first; none when it names none or was changed. */
export async function previousKeys(
  header: SyncHeader,
  dek: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>[]> {
  if (!header.previous) return [];
  const plain = await openJoined(await importAesKey(dek), header.previous, previousAad(header));
  if (!plain || plain.length === 0 || plain.length % KEY_BYTES !== 0) return [];
  return Array.from({ length: plain.length / KEY_BYTES }, (_, i) =>
    plain.slice(i * KEY_BYTES, (i + 1) * KEY_BYTES),
  );
}

function concat(keys: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(keys.length * KEY_BYTES);
  keys.forEach((key, i) => out.set(key, i * KEY_BYTES));
  return out;
}

/**
 * The header after this computer changed its passphrase: a new revision; when the data key
 * changed too (`dek` is not `before`), a new epoch whose header carries the replaced key (and the
 * keys the current header already replaced), so computers behind still follow.
 */
export async function changedHeader(
  current: SyncHeader,
  input: {
    dek: Uint8Array<ArrayBuffer>;
    before: Uint8Array<ArrayBuffer>;
    passphrase: string;
    kdf: HeaderInput['kdf'];
  },
): Promise<SyncHeader> {
  const rekeyed = !equalBytes(input.dek, input.before);
  const older = await previousKeys(current, input.before);
  return createHeader({
    dek: input.dek,
    passphrase: input.passphrase,
    vaultId: current.vaultId,
    epoch: current.epoch + (rekeyed ? 1 : 0),
    rev: current.rev + 1,
    kdf: input.kdf,
    previousDeks: rekeyed ? [input.before, ...older] : older,
  });
}

/**
 * The sync space's header (`stored`) of the vault `vaultId`, opened with the passphrase typed
 * after a key change made elsewhere; undefined when it is damaged, another vault's, or the
 * passphrase does not open it.
 */
export async function openChangedHeader(
  stored: unknown,
  vaultId: string,
  passphrase: string,
): Promise<{ header: SyncHeader; dek: Uint8Array<ArrayBuffer> } | undefined> {
  let header: SyncHeader;
  try {
    header = parseHeader(stored);
  } catch {
    return undefined;
  }
  if (header.vaultId !== vaultId) return undefined;
  const dek = await unwrapHeader(header, passphrase);
  return dek && { header, dek };
}
