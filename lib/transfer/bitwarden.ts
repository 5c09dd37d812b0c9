/**
 * Bitwarden exports (bitwarden.com/help/export-your-data, condition-encrypted-export):
 * - JSON `{ encrypted: false, items: [...] }`: login items (type 1) with `login.totp`, which is an
 *   otpauth URI, a bare base32 secret or `steam://SECRET`. The Bitwarden Authenticator app
 *   exports the same shape.
 * - Password-protected JSON `{ encrypted: true, passwordProtected: true, salt, kdfType, ... }`:
 *   key = PBKDF2-SHA256 (kdfType 0) or Argon2id (kdfType 1, salt = SHA-256 of the salt string,
 *   memory in MiB) of the password, stretched with HKDF-Expand into "enc" and "mac" keys; `data`
 *   and `encKeyValidation_DO_NOT_EDIT` are EncStrings `2.iv|ct|mac` (AES-256-CBC + HMAC-SHA256).
 * - Account-restricted JSON (encrypted with the account key) cannot be opened outside Bitwarden.
 * - CSV with a `login_totp` column.
 * The item's first login URI becomes `websiteHint`, a suggestion only (never a binding).
 */
import { argon2id } from 'hash-wasm';
import { normalizeWebsite } from '../origins';
import { buildAccount, nameOf, parseUriLenient, skippedFor } from './entry';
import { parseCsv } from './csv';
import type { ImportedAccount, ImportResult, SkippedEntry } from './types';
import { damaged, needsPassword, unsupported, wrongPassword } from './types';
import type { JsonObject } from './util';
import { concatBytes } from '../bytes';
import { base64ToBytes, isObject, parseJson, pbkdf2, str, utf8Decode, utf8Encode } from './util';
import { checkArgon2Cost, checkPbkdf2Cost } from './limits';

export function bitwardenKind(json: unknown): 'bitwarden-json' | 'bitwarden-encrypted' | undefined {
  if (!isObject(json)) return undefined;
  if (
    json.encrypted === true &&
    (json.passwordProtected === true || 'encKeyValidation_DO_NOT_EDIT' in json)
  ) {
    return 'bitwarden-encrypted';
  }
  return Array.isArray(json.items) ? 'bitwarden-json' : undefined;
}

export function importBitwardenJson(json: JsonObject): ImportResult {
  return { format: 'bitwarden-json', ...readItems(json.items, 'bitwarden-json') };
}

interface TotpSource {
  totp: string;
  name: string;
  username: string;
  uri: string;
}

function readItems(items: unknown, format: 'bitwarden-json' | 'bitwarden-encrypted') {
  if (!Array.isArray(items)) throw damaged(format, 'noList');
  const sources: TotpSource[] = [];
  for (const item of items) {
    if (!isObject(item) || !isObject(item.login)) continue; // cards, notes, identities: no TOTP
    const login = item.login;
    const uris = Array.isArray(login.uris) ? login.uris : [];
    const first = uris.find(isObject);
    sources.push({
      totp: str(login.totp),
      name: str(item.name),
      username: str(login.username),
      uri: first ? str(first.uri) : '',
    });
  }
  return convert(sources.filter((s) => s.totp !== ''));
}

function convert(sources: TotpSource[]): Omit<ImportResult, 'format'> {
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const source of sources) {
    const hint = websiteHint(source.uri);
    const itemName = nameOf(source.name, source.username);
    if (/^steam:\/\//i.test(source.totp)) {
      const outcome = buildAccount({
        type: 'steam',
        issuer: source.name,
        label: source.username,
        secret: source.totp.replace(/^steam:\/\//i, ''),
        websiteHint: hint,
      });
      if ('account' in outcome) accounts.push(outcome.account);
      else skipped.push(outcome.skipped);
    } else if (/^otpauth:\/\//i.test(source.totp)) {
      try {
        const account: ImportedAccount = parseUriLenient(source.totp);
        // "otpauth://totp/?secret=..." names nothing: use the item's name, as Bitwarden shows it.
        if (account.issuer === '' && account.label === '') {
          account.issuer = source.name;
          account.label = source.username;
        }
        if (hint) account.websiteHint = hint;
        accounts.push(account);
      } catch (error) {
        skipped.push(skippedFor(itemName, error));
      }
    } else {
      const outcome = buildAccount({
        type: 'totp',
        issuer: source.name,
        label: source.username,
        secret: source.totp,
        websiteHint: hint,
      });
      if ('account' in outcome) accounts.push(outcome.account);
      else skipped.push(outcome.skipped);
    }
  }
  return { accounts, skipped };
}

function websiteHint(uri: string): string | undefined {
  if (uri === '') return undefined;
  try {
    return normalizeWebsite(uri);
  } catch {
    return undefined;
  }
}

export function looksLikeBitwardenCsv(text: string): boolean {
  const header = text.slice(0, 2000).split(/\r?\n/, 1)[0] ?? '';
  return header.split(',').some((h) => h.trim().toLowerCase() === 'login_totp');
}

/** Columns are found by header name; extra fields in a row are ignored (Proton's test file). */
export function importBitwardenCsv(text: string): ImportResult {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (row: string[], name: string) => {
    const i = columns.indexOf(name);
    return i >= 0 ? (row[i] ?? '').trim() : '';
  };
  if (!columns.includes('login_totp')) throw damaged('bitwarden-csv', 'noTotpColumn');
  const sources = rows
    .map((row) => ({
      totp: at(row, 'login_totp'),
      name: at(row, 'name'),
      username: at(row, 'login_username'),
      uri: at(row, 'login_uri').split(',')[0] ?? '',
    }))
    .filter((s) => s.totp !== '');
  return { format: 'bitwarden-csv', ...convert(sources) };
}

export async function importBitwardenEncrypted(json: JsonObject, password?: string): Promise<ImportResult> {
  const format = 'bitwarden-encrypted';
  if (json.passwordProtected !== true) {
    throw unsupported('IMPORT_BITWARDEN_ACCOUNT_LOCKED');
  }
  const validation = parseEncString(json.encKeyValidation_DO_NOT_EDIT);
  const data = parseEncString(json.data);
  if (!validation || !data || typeof json.salt !== 'string') throw damaged(format);
  if (password === undefined || password === '') throw needsPassword(format);

  const master = await deriveMasterKey(json, password);
  const encKey = await hkdfExpand(master, 'enc');
  const macKey = await hkdfExpand(master, 'mac');
  if ((await decryptEncString(validation, encKey, macKey)) === undefined) throw wrongPassword(format);
  const plain = await decryptEncString(data, encKey, macKey);
  const text = plain && utf8Decode(plain);
  const inner = text === undefined ? undefined : parseJson(text);
  if (!isObject(inner)) throw damaged(format);
  return { format, ...readItems(inner.items, format) };
}

async function deriveMasterKey(json: JsonObject, password: string): Promise<Uint8Array<ArrayBuffer>> {
  const format = 'bitwarden-encrypted';
  const salt = utf8Encode(typeof json.salt === 'string' ? json.salt : '');
  const { kdfType, kdfIterations: t, kdfMemory: m, kdfParallelism: p } = json;
  const int = (v: unknown, min: number, max: number): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  if ((kdfType === 0 || kdfType === undefined) && int(t, 1, Number.MAX_SAFE_INTEGER)) {
    checkPbkdf2Cost(format, t);
    return pbkdf2(password, salt, t, 'SHA-256');
  }
  if (kdfType === 1 && int(t, 1, 1_000_000) && int(m, 1, 4 * 1024 * 1024) && int(p, 1, 16)) {
    checkArgon2Cost(format, m * 1024, t);
    const hashedSalt = new Uint8Array(await crypto.subtle.digest('SHA-256', salt));
    const key = await argon2id({
      password,
      salt: hashedSalt,
      iterations: t,
      memorySize: m * 1024,
      parallelism: p,
      hashLength: 32,
      outputType: 'binary',
    });
    return new Uint8Array(key);
  }
  throw damaged('bitwarden-encrypted', 'keyParams');
}

/** HKDF-Expand (RFC 5869) for one 32-byte block: HMAC-SHA256(prk, info ‖ 0x01). */
function hkdfExpand(prk: Uint8Array<ArrayBuffer>, info: string): Promise<Uint8Array<ArrayBuffer>> {
  return hmac(prk, concatBytes(utf8Encode(info), new Uint8Array([1])));
}

async function hmac(
  key: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, data));
}

interface EncString {
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
  mac: Uint8Array<ArrayBuffer>;
}

function parseEncString(value: unknown): EncString | undefined {
  if (typeof value !== 'string' || !value.startsWith('2.')) return undefined;
  const [iv, ct, mac, extra] = value.slice(2).split('|').map(base64ToBytes);
  if (!iv || !ct || !mac || extra !== undefined || iv.length !== 16 || mac.length !== 32) return undefined;
  return { iv, ct, mac };
}

async function decryptEncString(
  enc: EncString,
  encKey: Uint8Array<ArrayBuffer>,
  macKey: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const mac = await hmac(macKey, concatBytes(enc.iv, enc.ct));
  // Constant-time compare is moot here (offline file), but cheap.
  let diff = 0;
  for (let i = 0; i < mac.length; i++) diff |= (mac[i] ?? 0) ^ (enc.mac[i] ?? 0);
  if (diff !== 0) return undefined;
  try {
    const aes = await crypto.subtle.importKey('raw', encKey, 'AES-CBC', false, ['decrypt']);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: enc.iv }, aes, enc.ct));
  } catch {
    return undefined;
  }
}
