import type { DeletedAccount, StoredAccount } from '../otp/account';
import { importAesKey, IV_BYTES, KEY_BYTES, open, seal } from './aead';
import { equalBytes, fromBase64, randomBytes, toBase64, utf8 } from '../bytes';
import {
  encodeEnvelope,
  envelopePrefix,
  FORMAT_VERSION,
  slotAad,
  type Envelope,
  type EnvelopeHeader,
  type KeySlot,
  type PassphraseSlot,
} from './envelope';
import { EnvelopeMemo } from './envelope-memo';
import { TwofoldError } from '../errors';
import { checkKdfParams, DEFAULT_KDF, deriveKek, type KdfParams } from './kdf';
import { webLock, type WithLock } from './locks';
import type { RevisionWatermark } from './watermark';
import { isPasskeySlot, unwrapPasskeySlot, wrapForPasskeySlot } from './passkey-slot';

/** The part of `storage.local` the vault needs; tests pass an in-memory one. */
export interface KeyValueArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** What is encrypted: the whole account list, and the accounts deleted in the last 30 days. */
export interface VaultPayload {
  accounts: StoredAccount[];
  /** Recently deleted accounts, newest first (absent in vaults written before they were kept). */
  deleted?: DeletedAccount[];
}

export type Generation = 'A' | 'B';
const KEYS: Record<Generation, string> = { A: 'vault.A', B: 'vault.B' };
const QUARANTINE_PREFIX = 'vault.quarantine.';
const LOCK_NAME = 'twofold-vault-write';
export const MIN_PASSPHRASE_LENGTH = 8;

/** Wraps a new data key in a non-passphrase slot; undefined drops the slot. */
export type SlotRewrap = (
  slot: KeySlot,
  dek: Uint8Array<ArrayBuffer>,
  vaultId: string,
) => Promise<KeySlot | undefined>;

export interface VaultSnapshot {
  payload: VaultPayload;
  revision: number;
  vaultId: string;
  /** Key slots of the copy read (authenticated with it). */
  slots: KeySlot[];
  /** A newer Twofold wrote a copy we cannot read: never write over it. */
  readOnly: boolean;
  /** Copies that failed to authenticate on this read (they are quarantined before any write). */
  damaged: Generation[];
}

interface CopyState {
  generation: Generation;
  raw: unknown;
  envelope?: Envelope;
  future: boolean;
}

export interface VaultStoreOptions {
  withLock?: WithLock;
  /** Argon2id cost; tests lower it, production uses DESIGN section 3. */
  kdf?: { memory: number; iterations: number; parallelism: number };
  now?: () => number;
  /** Told every revision this store writes, so a later rollback can be noticed. */
  watermark?: RevisionWatermark;
  /** Told after every write of the vault, with the accounts written (sync listens). */
  onWrite?: (accounts: readonly StoredAccount[]) => void;
}

/**
 * The encrypted vault in two generations (A/B). Each save writes revision + 1
 * over the older copy; a copy that fails to authenticate is copied to quarantine
 * before it is ever overwritten, and never deleted here.
 */
export class VaultStore {
  private readonly withLock: WithLock;
  private readonly kdf: { memory: number; iterations: number; parallelism: number };
  private readonly now: () => number;
  private readonly watermark: RevisionWatermark | undefined;
  private readonly onWrite: (accounts: readonly StoredAccount[]) => void;
  /** Both copies are decoded at every read; unchanged ones only once. */
  private readonly envelopes = new EnvelopeMemo();

  constructor(
    private readonly area: KeyValueArea,
    options: VaultStoreOptions = {},
  ) {
    this.withLock = options.withLock ?? webLock();
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.now = options.now ?? Date.now;
    this.watermark = options.watermark;
    this.onWrite = options.onWrite ?? (() => undefined);
  }

  async exists(): Promise<boolean> {
    const stored = await this.area.get([KEYS.A, KEYS.B]);
    return stored[KEYS.A] !== undefined || stored[KEYS.B] !== undefined;
  }

  /**
   * Creates an empty vault; returns the raw data key (the caller keeps it in session storage).
   * `dek`: an existing data key (a synced vault joined on this computer).
   */
  async create(passphrase: string, existingDek?: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
    checkPassphrase(passphrase);
    return this.withLock(LOCK_NAME, async () => {
      if (await this.exists()) throw new TwofoldError('ALREADY_EXISTS');
      const dek = existingDek ?? randomBytes(KEY_BYTES);
      const vaultId = toBase64(randomBytes(16));
      const slot = await this.makeSlot(passphrase, dek, vaultId);
      const header: EnvelopeHeader = { v: FORMAT_VERSION, vaultId, revision: 1, slots: [slot] };
      await this.area.set({ [KEYS.A]: await sealPayload(dek, header, { accounts: [] }) });
      await this.watermark?.record(vaultId, 1);
      return dek;
    });
  }

  /** Passphrase -> raw data key. Wrong passphrase: VaultError WRONG_PASSPHRASE, nothing written. */
  async unlock(passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
    const copies = await this.readCopies();
    const readable = copies.filter((c) => c.envelope && !c.future);
    if (copies.every((c) => c.raw === undefined)) throw new TwofoldError('NO_VAULT');
    if (readable.length === 0) {
      throw new TwofoldError(copies.some((c) => c.future) ? 'READ_ONLY' : 'DAMAGED');
    }
    // Newest first; identical slots (the usual case) cost one Argon2id run.
    readable.sort((a, b) => b.envelope!.header.revision - a.envelope!.header.revision);
    const tried = new Set<string>();
    for (const copy of readable) {
      const header = copy.envelope!.header;
      for (const slot of header.slots) {
        const id = JSON.stringify(slot);
        if (tried.has(id)) continue;
        tried.add(id);
        const dek = await unwrapSlot(passphrase, slot, header.vaultId);
        if (dek && (await this.opens(dek))) return dek;
      }
    }
    throw new TwofoldError('WRONG_PASSPHRASE');
  }

  /**
   * Passkey KEK (derived from the PRF output in the page) -> raw data key. A slot that does
   * not open, or whose vault does not then authenticate, is refused; nothing is written.
   */
  async unlockWithPasskey(
    credentialId: string,
    kek: Uint8Array<ArrayBuffer>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    const copies = await this.readCopies();
    const readable = copies.filter((c) => c.envelope && !c.future);
    if (copies.every((c) => c.raw === undefined)) throw new TwofoldError('NO_VAULT');
    readable.sort((a, b) => b.envelope!.header.revision - a.envelope!.header.revision);
    let known = false;
    for (const copy of readable) {
      const { slots, vaultId } = copy.envelope!.header;
      const slot = slots.find((s) => s.kind === 'passkey' && s.credentialId === credentialId);
      if (!slot || !isPasskeySlot(slot)) continue;
      known = true;
      const dek = await unwrapPasskeySlot(slot, kek, vaultId);
      if (dek && (await this.opens(dek))) return dek;
    }
    throw new TwofoldError(known ? 'PASSKEY_REFUSED' : 'PASSKEY_UNKNOWN');
  }

  /** Does this key open a stored copy? A slot that unwraps to another key is no way in. */
  private opens(dek: Uint8Array<ArrayBuffer>): Promise<boolean> {
    return this.read(dek).then(
      () => true,
      () => false,
    );
  }

  /** Decrypts the newest copy that authenticates. */
  async read(dek: Uint8Array<ArrayBuffer>): Promise<VaultSnapshot> {
    const copies = await this.readCopies();
    const key = await importAesKey(dek);
    let best: Omit<VaultSnapshot, 'readOnly' | 'damaged'> | undefined;
    const damaged: Generation[] = [];
    for (const copy of copies) {
      if (copy.raw === undefined || copy.future) continue;
      const payload = copy.envelope ? await openPayload(key, copy.envelope) : undefined;
      if (!payload) {
        damaged.push(copy.generation);
        continue;
      }
      const { revision, vaultId, slots } = copy.envelope!.header;
      if (!best || revision > best.revision) best = { payload, revision, vaultId, slots };
    }
    const readOnly = copies.some((c) => c.future);
    if (!best)
      throw new TwofoldError(readOnly ? 'READ_ONLY' : copies.some((c) => c.raw) ? 'DAMAGED' : 'NO_VAULT');
    return { ...best, readOnly, damaged };
  }

  /**
   * Whether a vault exists, the quarantined copies' keys and, with a key, the newest copy that
   * authenticates, from one read of the area (the popup's start: three reads of a vault of 500
   * accounts cost more than the decryption). Only the newest copy is decrypted when it
   * authenticates: nothing is written here, so the older copy's damage need not be known yet
   * (`damaged` lists only the copies tried). `snapshot` is absent and `error` says why when
   * the key opens nothing. The key may be given as a promise (it is read meanwhile).
   */
  async overview(
    sessionKey: Uint8Array<ArrayBuffer> | undefined | Promise<Uint8Array<ArrayBuffer> | undefined>,
  ): Promise<{ exists: boolean; quarantined: string[]; snapshot?: VaultSnapshot; error?: unknown }> {
    // The key may still be on its way from session storage: both reads run at once.
    const [stored, dek] = await Promise.all([this.area.get(null), sessionKey]);
    const exists = stored[KEYS.A] !== undefined || stored[KEYS.B] !== undefined;
    const quarantined = quarantineKeys(stored);
    if (!dek) return { exists, quarantined };
    try {
      const copies = await decodeCopies(stored, this.envelopes);
      const key = await importAesKey(dek);
      const readOnly = copies.some((c) => c.future);
      const damaged: Generation[] = [];
      const readable = copies.filter((c) => c.raw !== undefined && !c.future);
      // Newest first, as `read` chooses; the first that authenticates is the one `read` returns.
      readable.sort((a, b) => (b.envelope?.header.revision ?? 0) - (a.envelope?.header.revision ?? 0));
      for (const copy of readable) {
        const payload = copy.envelope ? await openPayload(key, copy.envelope) : undefined;
        if (!payload) {
          damaged.push(copy.generation);
          continue;
        }
        const { revision, vaultId, slots } = copy.envelope!.header;
        return { exists, quarantined, snapshot: { payload, revision, vaultId, slots, readOnly, damaged } };
      }
      throw new TwofoldError(readOnly ? 'READ_ONLY' : exists ? 'DAMAGED' : 'NO_VAULT');
    } catch (error) {
      return { exists, quarantined, error };
    }
  }

  /**
   * Read-modify-write under the shared lock, so concurrent writers from any
   * context each see the others' changes. Returns the saved payload.
   */
  async update(
    dek: Uint8Array<ArrayBuffer>,
    mutate: (payload: VaultPayload) => VaultPayload | Promise<VaultPayload>,
  ): Promise<VaultPayload> {
    return this.withLock(LOCK_NAME, async () => {
      const { next } = await this.writeNext(dek, mutate, {});
      return next;
    });
  }

  /**
   * A new passphrase AND a new data key: the accounts are re-encrypted under a fresh
   * key in both generations, so an old copy of the vault (a profile backup, a
   * quarantined copy) opened with the old passphrase yields the old data key,
   * which opens nothing written from now on. Other slots are re-wrapped by
   * `rewrap` (a slot it cannot re-wrap is dropped). Returns the new data key.
   */
  async changePassphrase(
    dek: Uint8Array<ArrayBuffer>,
    current: string,
    next: string,
    rewrap: SlotRewrap = rewrapPasskeySlot,
  ): Promise<Uint8Array<ArrayBuffer>> {
    checkPassphrase(next);
    const check = await this.unlock(current);
    if (!equalBytes(check, dek)) throw new TwofoldError('WRONG_PASSPHRASE');
    return this.withLock(LOCK_NAME, async () => {
      const snapshot = await this.read(dek);
      if (snapshot.readOnly) throw new TwofoldError('READ_ONLY');
      const fresh = randomBytes(KEY_BYTES);
      const passphraseSlot = await this.makeSlot(next, fresh, snapshot.vaultId);
      const others: KeySlot[] = [];
      for (const slot of snapshot.slots) {
        if (slot.kind === 'passphrase') continue;
        const rewrapped = await rewrap(slot, fresh, snapshot.vaultId);
        if (rewrapped) others.push(rewrapped);
      }
      const slots = [passphraseSlot, ...others];
      await this.writeNext(dek, (p) => p, { slots, known: snapshot, sealWith: fresh });
      // The other copy is under the old key: it is replaced, not quarantined as damaged.
      const written = { ...snapshot, revision: snapshot.revision + 1, damaged: [] };
      await this.writeNext(fresh, (p) => p, { slots, known: written });
      return fresh;
    });
  }

  /**
   * Replaces the key slots (adding or removing a passkey), payload unchanged, in both
   * generations so a removed slot opens neither copy afterwards.
   */
  async replaceSlots(
    dek: Uint8Array<ArrayBuffer>,
    change: (slots: KeySlot[], vaultId: string) => KeySlot[] | Promise<KeySlot[]>,
  ): Promise<KeySlot[]> {
    return this.withLock(LOCK_NAME, async () => {
      const snapshot = await this.read(dek);
      const slots = await change(structuredClone(snapshot.slots), snapshot.vaultId);
      if (!slots.some((s) => s.kind === 'passphrase')) throw new TwofoldError('KEY_PARAMS_DAMAGED');
      await this.writeNext(dek, (p) => p, { slots, known: snapshot });
      await this.writeNext(dek, (p) => p, { slots });
      return slots;
    });
  }

  /** The header of the newest readable copy, before unlock (not yet authenticated). */
  async header(): Promise<EnvelopeHeader | undefined> {
    const copies = (await this.readCopies()).filter((c) => c.envelope && !c.future);
    copies.sort((a, b) => b.envelope!.header.revision - a.envelope!.header.revision);
    return copies[0]?.envelope?.header;
  }

  /**
   * Deletes the quarantined copies, only while the vault is healthy: both generations
   * authenticate under `dek` and none is from a newer version. Returns how many went.
   */
  async clearQuarantine(dek: Uint8Array<ArrayBuffer>): Promise<number> {
    return this.withLock(LOCK_NAME, async () => {
      const snapshot = await this.read(dek);
      const copies = await this.readCopies();
      const healthy =
        !snapshot.readOnly &&
        snapshot.damaged.length === 0 &&
        copies.every((c) => c.raw === undefined || (c.envelope && !c.future));
      if (!healthy) throw new TwofoldError('NOT_HEALTHY');
      const keys = await this.quarantined();
      if (keys.length > 0) await this.area.remove(keys);
      return keys.length;
    });
  }

  /**
   * Moves the vault to another data key and passphrase (a synced vault's), both generations,
   * so neither the old key nor the old passphrase opens it afterwards. Other slots are
   * re-wrapped for the new key by `rewrap`, as on a passphrase change: this computer's
   * passkeys keep unlocking it.
   */
  async rekey(
    dek: Uint8Array<ArrayBuffer>,
    nextDek: Uint8Array<ArrayBuffer>,
    passphrase: string,
    rewrap: SlotRewrap = rewrapPasskeySlot,
  ): Promise<void> {
    await this.withLock(LOCK_NAME, async () => {
      const snapshot = await this.read(dek);
      if (snapshot.readOnly) throw new TwofoldError('READ_ONLY');
      const vaultId = snapshot.vaultId;
      const slots: KeySlot[] = [await this.makeSlot(passphrase, nextDek, vaultId)];
      for (const slot of snapshot.slots) {
        if (slot.kind === 'passphrase') continue;
        const rewrapped = await rewrap(slot, nextDek, vaultId);
        if (rewrapped) slots.push(rewrapped);
      }
      const copies: Record<string, unknown> = {};
      // A damaged copy is evidence: keep it before its place is reused.
      const stored = await this.area.get([KEYS.A, KEYS.B]);
      for (const generation of snapshot.damaged) {
        copies[`${QUARANTINE_PREFIX}${this.now()}.${generation}`] = stored[KEYS[generation]];
      }
      for (const [offset, generation] of (['A', 'B'] as const).entries()) {
        const header: EnvelopeHeader = {
          v: FORMAT_VERSION,
          vaultId,
          revision: snapshot.revision + 1 + offset,
          slots,
        };
        copies[KEYS[generation]] = await sealPayload(nextDek, header, snapshot.payload);
      }
      await this.area.set(copies);
      await this.watermark?.record(vaultId, snapshot.revision + 2);
      this.onWrite(snapshot.payload.accounts);
    });
  }

  /** Keys of quarantined copies, oldest first. */
  async quarantined(): Promise<string[]> {
    return quarantineKeys(await this.area.get(null));
  }

  private async writeNext(
    dek: Uint8Array<ArrayBuffer>,
    mutate: (payload: VaultPayload) => VaultPayload | Promise<VaultPayload>,
    {
      slots,
      known,
      sealWith = dek,
    }: { slots?: KeySlot[]; known?: VaultSnapshot; sealWith?: Uint8Array<ArrayBuffer> },
  ): Promise<{ next: VaultPayload }> {
    const copies = await this.readCopies();
    const snapshot = known ?? (await this.read(dek));
    if (snapshot.readOnly) throw new TwofoldError('READ_ONLY');
    const newest = copies.find((c) => c.envelope?.header.revision === snapshot.revision && !c.future);
    const target: Generation = newest?.generation === 'A' ? 'B' : 'A';
    const targetCopy = copies.find((c) => c.generation === target);
    // A damaged copy is evidence: keep it before its place is reused.
    if (targetCopy && targetCopy.raw !== undefined && snapshot.damaged.includes(target)) {
      await this.area.set({ [`${QUARANTINE_PREFIX}${this.now()}.${target}`]: targetCopy.raw });
    }
    const header: EnvelopeHeader = {
      v: FORMAT_VERSION,
      vaultId: newest!.envelope!.header.vaultId,
      revision: snapshot.revision + 1,
      slots: slots ?? newest!.envelope!.header.slots,
    };
    const next = await mutate(structuredClone(snapshot.payload));
    await this.area.set({ [KEYS[target]]: await sealPayload(sealWith, header, next) });
    await this.watermark?.record(header.vaultId, header.revision);
    this.onWrite(next.accounts);
    return { next };
  }

  private async readCopies(): Promise<CopyState[]> {
    return decodeCopies(await this.area.get([KEYS.A, KEYS.B]), this.envelopes);
  }

  private async makeSlot(
    passphrase: string,
    dek: Uint8Array<ArrayBuffer>,
    vaultId: string,
  ): Promise<PassphraseSlot> {
    const kdf: KdfParams = { name: 'argon2id', ...this.kdf, salt: toBase64(randomBytes(16)) };
    const kek = await importAesKey(await deriveKek(passphrase, kdf, fromBase64(kdf.salt)));
    const iv = randomBytes(IV_BYTES);
    const wrapped = await seal(kek, iv, dek, slotAad(vaultId, kdf));
    return { kind: 'passphrase', kdf, iv: toBase64(iv), wrapped: toBase64(wrapped) };
  }
}

/** Both generations as stored, their envelopes decoded (a copy that does not decode has none). */
function decodeCopies(stored: Record<string, unknown>, envelopes: EnvelopeMemo): Promise<CopyState[]> {
  return Promise.all(
    (['A', 'B'] as const).map(async (generation): Promise<CopyState> => {
      const raw = stored[KEYS[generation]];
      if (raw === undefined) return { generation, raw, future: false };
      try {
        const envelope = await envelopes.decodeAt(KEYS[generation], raw);
        return { generation, raw, envelope, future: envelope.header.v > FORMAT_VERSION };
      } catch {
        return { generation, raw, future: false };
      }
    }),
  );
}

/** Keys of quarantined copies, oldest first. */
function quarantineKeys(stored: Record<string, unknown>): string[] {
  return Object.keys(stored)
    .filter((k) => k.startsWith(QUARANTINE_PREFIX))
    .sort();
}

/** A new data key for a passkey slot, from its public key; other kinds are dropped. */
async function rewrapPasskeySlot(
  slot: KeySlot,
  dek: Uint8Array<ArrayBuffer>,
  vaultId: string,
): Promise<KeySlot | undefined> {
  return isPasskeySlot(slot) ? wrapForPasskeySlot(slot, dek, vaultId) : undefined;
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new TwofoldError('WEAK_PASSPHRASE');
}

async function unwrapSlot(
  passphrase: string,
  slot: KeySlot,
  vaultId: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    if (slot.kind !== 'passphrase') return undefined;
    const kdf = checkKdfParams(slot.kdf);
    const kek = await importAesKey(await deriveKek(passphrase, kdf, fromBase64(kdf.salt)));
    const dek = await open(kek, fromBase64(slot.iv), fromBase64(slot.wrapped), slotAad(vaultId, kdf));
    return dek?.length === KEY_BYTES ? dek : undefined;
  } catch {
    return undefined;
  }
}

async function sealPayload(
  dek: Uint8Array<ArrayBuffer>,
  header: EnvelopeHeader,
  payload: VaultPayload,
): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const key = await importAesKey(dek);
  const ciphertext = await seal(key, iv, utf8.encode(JSON.stringify(payload)), envelopePrefix(header));
  return await encodeEnvelope(header, iv, ciphertext);
}

async function openPayload(key: CryptoKey, envelope: Envelope): Promise<VaultPayload | undefined> {
  const plain = await open(key, envelope.iv, envelope.ciphertext, envelope.aad);
  if (!plain) return undefined;
  try {
    const payload = JSON.parse(utf8.decode(plain)) as VaultPayload;
    return Array.isArray(payload.accounts) ? payload : undefined;
  } catch {
    return undefined;
  }
}
