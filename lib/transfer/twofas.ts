/**
 * 2FAS backups (`.2fas`, github.com/twofas/2fas-android): `{ services: [...], schemaVersion, ... }`.
 * A service has `name`, `secret` and `otp` {issuer, account, label, algorithm, digits, period,
 * counter, tokenType}. Schema 1 has no otp parameters (everything is TOTP SHA1/6/30); schema 2
 * has parameters but no tokenType (everything is TOTP); schemas 3–4 add tokenType
 * (TOTP/HOTP/STEAM). Encrypted backups (schema ≥ 2) leave `services` empty and carry
 * `servicesEncrypted` = b64(ciphertext‖tag):b64(salt):b64(iv), AES-256-GCM with a key from
 * PBKDF2-HMAC-SHA256 (10 000 iterations); `reference` is a known constant encrypted the same way,
 * which tells a wrong password from a damaged file.
 */
import { buildAccount, nameOf, parseUriLenient } from './entry';
import type { ImportedAccount, ImportResult, SkippedEntry } from './types';
import { damaged, needsPassword, wrongPassword } from './types';
import type { JsonObject } from './util';
import { base64ToBytes, gcmOpen, isObject, parseJson, pbkdf2, str, utf8Decode } from './util';

const ITERATIONS = 10_000;

export function twofasKind(json: unknown): '2fas' | '2fas-encrypted' | undefined {
  if (!isObject(json) || !Array.isArray(json.services)) return undefined;
  if (typeof json.servicesEncrypted === 'string' && json.servicesEncrypted !== '') return '2fas-encrypted';
  return '2fas';
}

export function importTwofasPlain(json: JsonObject): ImportResult {
  return { format: '2fas', ...readServices(json.services, schemaOf(json)) };
}

export async function importTwofasEncrypted(json: JsonObject, password?: string): Promise<ImportResult> {
  const format = '2fas-encrypted';
  const services = splitSealed(json.servicesEncrypted);
  if (!services) throw damaged(format);
  if (password === undefined || password === '') throw needsPassword(format);

  const keys = new Map<string, Uint8Array<ArrayBuffer>>();
  const keyFor = async (salt: Uint8Array<ArrayBuffer>) => {
    const id = salt.join(',');
    let key = keys.get(id);
    if (!key) keys.set(id, (key = await pbkdf2(password, salt, ITERATIONS, 'SHA-256')));
    return key;
  };

  const reference = splitSealed(json.reference);
  if (reference) {
    const check = await gcmOpen(await keyFor(reference.salt), reference.iv, reference.data);
    if (!check) throw wrongPassword(format);
  }
  const plain = await gcmOpen(await keyFor(services.salt), services.iv, services.data);
  if (!plain) throw reference ? damaged(format) : wrongPassword(format);
  const text = utf8Decode(plain);
  const list = text === undefined ? undefined : parseJson(text);
  if (!Array.isArray(list)) throw damaged(format);
  return { format, ...readServices(list, schemaOf(json)) };
}

function schemaOf(json: JsonObject): number {
  return typeof json.schemaVersion === 'number' ? json.schemaVersion : 1;
}

function splitSealed(value: unknown) {
  if (typeof value !== 'string') return undefined;
  const [data, salt, iv, extra] = value.split(':').map(base64ToBytes);
  if (!data || !salt || !iv || extra !== undefined || iv.length === 0 || data.length < 16) return undefined;
  return { data, salt, iv };
}

function readServices(services: unknown, schema: number): Omit<ImportResult, 'format'> {
  if (!Array.isArray(services)) throw damaged('2fas', 'noList');
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  services.forEach((service, i) => {
    if (!isObject(service)) {
      skipped.push({ name: '', position: i + 1, code: 'ENTRY_INVALID', params: [] });
      return;
    }
    const otp = isObject(service.otp) ? service.otp : {};
    const issuer = str(otp.issuer) || str(service.name);
    const label = str(otp.account) || labelFrom(str(otp.label), issuer) || linkLabel(otp.link);
    // Schema 1 stored no parameters; schema 2 stored no type: both were TOTP-only apps.
    const params = schema >= 2;
    const type = schema >= 3 && str(otp.tokenType) !== '' ? str(otp.tokenType) : 'totp';
    const outcome = buildAccount({
      type,
      issuer,
      label,
      secret: service.secret,
      algorithm: params ? otp.algorithm : undefined,
      digits: params ? otp.digits : undefined,
      period: params ? otp.period : undefined,
      counter: otp.counter,
    });
    if ('account' in outcome) accounts.push(outcome.account);
    else skipped.push({ ...outcome.skipped, name: nameOf(issuer, label) });
  });
  return { accounts, skipped };
}

/** `otp.label` is "Issuer:account" or just a name; the part that is not the issuer. */
function labelFrom(label: string, issuer: string): string {
  const colon = label.indexOf(':');
  const rest = colon >= 0 ? label.slice(colon + 1).trim() : label;
  return rest === issuer ? '' : rest;
}

/** Newer exports keep the scanned URI in `otp.link`; its account name is the last resort. */
function linkLabel(link: unknown): string {
  if (typeof link !== 'string' || !/^otpauth:\/\//i.test(link)) return '';
  try {
    return parseUriLenient(link).label;
  } catch {
    return '';
  }
}
