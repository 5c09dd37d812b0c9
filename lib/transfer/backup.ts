/**
 * Twofold's own encrypted backup (DESIGN section 3 crypto, applied to a portable file):
 *
 *   { "format": "twofold-backup", "version": 1, "createdAt": ISO-8601,
 *     "kdf": { "name": "argon2id", "memory": KiB, "iterations", "parallelism", "salt": b64 },
 *     "keyCheck": b64 (16 bytes), "iv": b64 (12 bytes), "data": b64 (AES-256-GCM ciphertext‖tag) }
 *
 * A fresh salt (so a fresh key) per backup, derived from the backup passphrase with Argon2id;
 * never the vault's data key, so a backup file never exposes the live vault. From the Argon2id
 * output two keys are split with HMAC-SHA256: one encrypts, one gives `keyCheck`, which tells a
 * wrong passphrase (check differs) from a damaged file (check matches, GCM fails). The AAD binds
 * format, version, createdAt and the KDF parameters, so none can be edited unnoticed.
 */
import { TwofoldError } from '../errors';
import type { DeletedAccount, OtpAccount, PreviousKey, StoredAccount } from '../otp/account';
import { checkAccount } from '../otp/params';
import { webOriginOf } from '../origins';
import { checkKdfParams, DEFAULT_KDF, deriveKek } from '../vault/kdf';
import type { KdfParams } from '../vault/kdf';
import { buildAccount, nameOf } from './entry';
import type { RawEntry } from './entry';
import type { ImportedAccount, ImportedDeletedAccount, ImportResult, SkippedEntry } from './types';
import { damaged, unsupported } from './types';
import { base64ToBytes, gcmOpen, isObject, parseJson, utf8Decode, utf8Encode } from './util';
import { equalBytes, toBase64 } from '../bytes';
import { checkArgon2Cost } from './limits';

export const BACKUP_FORMAT = 'twofold-backup';
export const BACKUP_VERSION = 1;
export const MIN_BACKUP_PASSPHRASE = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;

export interface BackupOptions {
  kdf?: { memory: number; iterations: number; parallelism: number };
  /** ms epoch written as createdAt (tests). */
  now?: number;
  /** Recently deleted accounts: kept in the backup, so a restore keeps them restorable. */
  deleted?: readonly DeletedAccount[];
}

export async function createBackup(
  accounts: StoredAccount[],
  passphrase: string,
  options: BackupOptions = {},
): Promise<string> {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_BACKUP_PASSPHRASE) {
    throw new TwofoldError('BACKUP_PASSPHRASE_SHORT', [MIN_BACKUP_PASSPHRASE]);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const kdf = checkKdfParams({ name: 'argon2id', ...(options.kdf ?? DEFAULT_KDF), salt: toBase64(salt) });
  const createdAt = new Date(options.now ?? Date.now()).toISOString();
  const list = accounts.map(entryOf);
  // A deleted account that could not make a code is left out rather than failing the backup.
  const deleted = (options.deleted ?? []).flatMap((d) => {
    try {
      return [{ ...entryOf(d), deletedAt: d.deletedAt }];
    } catch {
      return [];
    }
  });
  const { encKey, check } = await backupKeys(passphrase, kdf, salt);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await crypto.subtle.importKey('raw', encKey, 'AES-GCM', false, ['encrypt']);
  const data = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: backupAad(BACKUP_VERSION, createdAt, kdf) },
      key,
      utf8Encode(JSON.stringify({ accounts: list, ...(deleted.length ? { deleted } : {}) })),
    ),
  );
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    kdf,
    keyCheck: toBase64(check),
    iv: toBase64(iv),
    data: toBase64(data),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** One account as the backup holds it; throws (naming the problem, not the secret) for a broken one. */
function entryOf(a: StoredAccount) {
  return {
    ...checkAccount(a),
    id: a.id,
    ...(a.origin ? { origin: a.origin } : {}),
    ...(a.pinned ? { pinned: true } : {}),
    ...previousKeysOf(a),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * The account's replaced keys, checked like the account. A replaced key that could not make a
 * code is not written (an import would drop it anyway): it must not cost the backup of every
 * other account.
 */
function previousKeysOf(a: StoredAccount): { previousKeys?: (OtpAccount & { replacedAt: number })[] } {
  const keys = (a.previousKeys ?? []).flatMap((k) => {
    try {
      // The key's own encoder only: a Steam account's replaced TOTP key is not Steam, and back.
      return [{ ...checkAccount({ ...a, encoder: undefined, ...k }), replacedAt: k.replacedAt }];
    } catch {
      return [];
    }
  });
  return keys.length ? { previousKeys: keys } : {};
}

export function looksLikeBackup(text: string): boolean {
  return /"format"\s*:\s*"twofold-backup"/.test(text.slice(0, 4096));
}

export async function readBackup(text: string, passphrase?: string): Promise<ImportResult> {
  const format = 'twofold-backup';
  const json = typeof text === 'string' ? parseJson(text) : undefined;
  if (!isObject(json)) {
    if (typeof text === 'string' && looksLikeBackup(text)) throw damaged(format, 'json');
    throw unsupported('IMPORT_NOT_BACKUP');
  }
  if (json.format !== BACKUP_FORMAT) throw unsupported('IMPORT_NOT_BACKUP');
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw damaged(format);
  if (version > BACKUP_VERSION) {
    throw new TwofoldError('IMPORT_BACKUP_NEWER', [version]);
  }
  let kdf: KdfParams;
  try {
    kdf = checkKdfParams(json.kdf);
  } catch {
    throw damaged(format, 'keyParams');
  }
  checkArgon2Cost(format, kdf.memory, kdf.iterations);
  const salt = base64ToBytes(kdf.salt);
  const iv = base64ToBytes(json.iv);
  const keyCheck = base64ToBytes(json.keyCheck);
  const data = base64ToBytes(json.data);
  const createdAt = json.createdAt;
  if (
    salt?.length !== SALT_BYTES ||
    iv?.length !== IV_BYTES ||
    keyCheck?.length !== CHECK_BYTES ||
    !data ||
    data.length < 16 ||
    typeof createdAt !== 'string'
  ) {
    throw damaged(format);
  }
  if (passphrase === undefined || passphrase === '') {
    throw new TwofoldError('IMPORT_BACKUP_NEEDS_PASSPHRASE');
  }
  const { encKey, check } = await backupKeys(passphrase, kdf, salt);
  if (!equalBytes(check, keyCheck)) {
    throw new TwofoldError('IMPORT_BACKUP_WRONG_PASSPHRASE');
  }
  const plain = await gcmOpen(encKey, iv, data, backupAad(version, createdAt, kdf));
  const body = plain && utf8Decode(plain);
  const parsed = body === undefined ? undefined : parseJson(body);
  if (!isObject(parsed) || !Array.isArray(parsed.accounts)) throw damaged(format);

  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of parsed.accounts) {
    if (!isObject(entry)) continue;
    const outcome = readEntry(entry);
    if ('skipped' in outcome) skipped.push(outcome.skipped);
    else accounts.push(outcome.account);
  }
  // Backups written before deleted accounts were kept have no such list: nothing to restore.
  const deleted: ImportedDeletedAccount[] = [];
  for (const entry of Array.isArray(parsed.deleted) ? (parsed.deleted as unknown[]) : []) {
    if (!isObject(entry) || typeof entry.deletedAt !== 'number' || !Number.isFinite(entry.deletedAt))
      continue;
    const outcome = readEntry(entry);
    if ('account' in outcome) deleted.push({ ...outcome.account, deletedAt: entry.deletedAt });
  }
  return { format, accounts, skipped, ...(deleted.length ? { deleted } : {}) };
}

function readEntry(entry: Record<string, unknown>): { account: ImportedAccount } | { skipped: SkippedEntry } {
  const outcome = buildAccount(entry as unknown as RawEntry);
  if (!('account' in outcome))
    return { skipped: { ...outcome.skipped, name: nameOf(entry.issuer, entry.label) } };
  const account = outcome.account;
  // The binding was made in Twofold and is authenticated by the passphrase: keep it, if sane.
  if (typeof entry.origin === 'string' && webOriginOf(entry.origin) === entry.origin) {
    account.origin = entry.origin;
  }
  if (entry.pinned === true) account.pinned = true;
  if (typeof entry.createdAt === 'number' && Number.isFinite(entry.createdAt)) {
    account.createdAt = entry.createdAt;
  }
  const previousKeys = readPreviousKeys(entry.previousKeys);
  if (previousKeys.length) account.previousKeys = previousKeys;
  return { account };
}

function backupAad(version: number, createdAt: string, kdf: KdfParams): Uint8Array<ArrayBuffer> {
  const { name, memory, iterations, parallelism, salt } = kdf;
  return utf8Encode(
    JSON.stringify([BACKUP_FORMAT, version, createdAt, { name, memory, iterations, parallelism, salt }]),
  );
}

async function backupKeys(passphrase: string, kdf: KdfParams, salt: Uint8Array) {
  const master = await deriveKek(passphrase, kdf, salt);
  const hmacKey = await crypto.subtle.importKey('raw', master, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const derive = async (label: string) =>
    new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, utf8Encode(`twofold-backup/${label}`)));
  return { encKey: await derive('enc'), check: (await derive('check')).slice(0, CHECK_BYTES) };
}

/** Keys an account had before the user replaced them; any entry that is not a sound key is dropped. */
function readPreviousKeys(value: unknown): PreviousKey[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!isObject(entry) || typeof entry.replacedAt !== 'number' || !Number.isFinite(entry.replacedAt))
      return [];
    const outcome = buildAccount(entry as unknown as RawEntry);
    if (!('account' in outcome)) return [];
    const { type, secret, algorithm, digits, period, counter, encoder } = outcome.account;
    // Backups written before replaced keys carried an encoder hold none: those keys are plain.
    return [
      {
        type,
        secret,
        algorithm,
        digits,
        period,
        counter,
        ...(encoder ? { encoder } : {}),
        replacedAt: entry.replacedAt,
      },
    ];
  });
}
