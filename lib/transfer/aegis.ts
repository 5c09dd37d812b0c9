/**
 * Aegis vault exports (github.com/beemdevelopment/Aegis, docs/vault.md):
 *   { version: 1, header: { slots, params }, db }
 * Plain: `slots` and `params` are null and `db` is an object. Encrypted: `db` is base64 of
 * AES-256-GCM(master key) with `header.params` {nonce, tag} (hex); the master key is wrapped in
 * slots. Password slots (type 1) derive a key with scrypt (n, r, p, salt hex) and unwrap `key`
 * with AES-256-GCM (`key_params` nonce/tag). Other slot types (raw 0, biometric 2) need the phone.
 * db.version 1–3: v2 adds note/favorite and a per-entry `group`, v3 `groups[]`; groups are ignored.
 */
import { buildAccount, nameOf } from './entry';
import type { ImportedAccount, ImportResult, SkippedEntry } from './types';
import { damaged, needsPassword, unsupported, wrongPassword } from './types';
import type { JsonObject } from './util';
import { concatBytes } from '../bytes';
import { base64ToBytes, gcmOpen, hexToBytes, isObject, parseJson, utf8Decode, utf8Encode } from './util';
import { checkScryptCost } from './limits';
import { scrypt } from './scrypt';

/** An Aegis export: has header and db; encrypted when db is a string. */
export function aegisKind(json: unknown): 'aegis' | 'aegis-encrypted' | undefined {
  if (!isObject(json) || !isObject(json.header) || typeof json.version !== 'number') return undefined;
  if (typeof json.db === 'string') return 'aegis-encrypted';
  if (isObject(json.db)) return 'aegis';
  return undefined;
}

export function importAegisPlain(json: JsonObject): ImportResult {
  return { format: 'aegis', ...readDb(json.db, 'aegis') };
}

export async function importAegisEncrypted(json: JsonObject, password?: string): Promise<ImportResult> {
  const format = 'aegis-encrypted';
  const header = isObject(json.header) ? json.header : {};
  const params = isObject(header.params) ? header.params : {};
  const dbNonce = hexToBytes(params.nonce);
  const dbTag = hexToBytes(params.tag);
  const db = base64ToBytes(json.db);
  if (!dbNonce || !dbTag || dbTag.length !== 16 || !db) throw damaged(format);
  const slots = Array.isArray(header.slots) ? header.slots.filter(isObject) : [];
  const passwordSlots = slots.filter((slot) => slot.type === 1).slice(0, 4);
  if (passwordSlots.length === 0) {
    throw unsupported('IMPORT_AEGIS_NO_PASSWORD_SLOT');
  }
  if (password === undefined || password === '') throw needsPassword(format);

  let masterKey: Uint8Array<ArrayBuffer> | undefined;
  for (const slot of passwordSlots) {
    masterKey = await unwrapSlot(slot, password);
    if (masterKey) break;
  }
  if (!masterKey) throw wrongPassword(format);

  const plain = await gcmOpen(masterKey, dbNonce, concatBytes(db, dbTag));
  const text = plain && utf8Decode(plain);
  const inner = text === undefined ? undefined : parseJson(text);
  if (!isObject(inner)) throw damaged(format);
  return { format, ...readDb(inner, format) };
}

async function unwrapSlot(slot: JsonObject, password: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const { n, r, p } = slot;
  const salt = hexToBytes(slot.salt);
  const wrapped = hexToBytes(slot.key);
  const keyParams = isObject(slot.key_params) ? slot.key_params : {};
  const nonce = hexToBytes(keyParams.nonce);
  const tag = hexToBytes(keyParams.tag);
  const sane =
    typeof n === 'number' &&
    typeof r === 'number' &&
    typeof p === 'number' &&
    Number.isInteger(Math.log2(n)) &&
    n >= 2 &&
    n <= 2 ** 40 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 1024 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16;
  if (!sane || !salt || !wrapped || !nonce || !tag || tag.length !== 16) {
    throw damaged('aegis-encrypted', 'keyParams');
  }
  checkScryptCost('aegis-encrypted', n, r, p);
  const derived = await scrypt(utf8Encode(password), salt, { n, r, p, length: 32 });
  return gcmOpen(derived, nonce, concatBytes(wrapped, tag));
}

function readDb(db: unknown, format: 'aegis' | 'aegis-encrypted'): Omit<ImportResult, 'format'> {
  if (!isObject(db) || !Array.isArray(db.entries)) throw damaged(format, 'noList');
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  db.entries.forEach((entry, i) => {
    if (!isObject(entry)) {
      skipped.push({ name: '', position: i + 1, code: 'ENTRY_INVALID', params: [] });
      return;
    }
    const info = isObject(entry.info) ? entry.info : {};
    const outcome = buildAccount({
      type: entry.type,
      issuer: entry.issuer,
      label: entry.name,
      secret: info.secret,
      algorithm: info.algo,
      digits: info.digits,
      period: info.period,
      counter: info.counter,
      note: entry.note,
    });
    if ('account' in outcome) accounts.push(outcome.account);
    else skipped.push({ ...outcome.skipped, name: nameOf(entry.issuer, entry.name) });
  });
  return { accounts, skipped };
}
