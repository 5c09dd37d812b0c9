/**
 * Recognises a format by content, not by file name (a pasted text has none): JSON shapes first,
 * then a Bitwarden CSV header, then URI lines. Cheap and total: never throws.
 */
import { aegisKind } from './aegis';
import { isAndotp } from './andotp';
import { looksLikeBackup } from './backup';
import { bitwardenKind, looksLikeBitwardenCsv } from './bitwarden';
import { looksLikeMigrationList, looksLikeOtpauthList } from './otpauth-list';
import { twofasKind } from './twofas';
import type { ErrorCode } from '../errors';
import type { FormatId } from './types';
import { isObject, MAX_IMPORT_CHARS, parseJson } from './util';

export function detectFormat(text: string): FormatId | undefined {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS) return undefined;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = parseJson(trimmed);
    if (json !== undefined) return detectJson(json);
    // A truncated backup is still recognisably ours: report it as damaged, not unknown.
    return looksLikeBackup(trimmed) ? 'twofold-backup' : undefined;
  }
  if (looksLikeBitwardenCsv(trimmed)) return 'bitwarden-csv';
  if (looksLikeMigrationList(trimmed)) return 'google-migration';
  if (looksLikeOtpauthList(trimmed)) return 'otpauth-list';
  return undefined;
}

export function detectJson(json: unknown): FormatId | undefined {
  if (isObject(json) && json.format === 'twofold-backup') return 'twofold-backup';
  return (
    aegisKind(json) ?? twofasKind(json) ?? bitwardenKind(json) ?? (isAndotp(json) ? 'andotp' : undefined)
  );
}

/** Formats we recognise but cannot open, with what the user can do instead. */
export function knownUnsupported(text: string): ErrorCode | undefined {
  const json = parseJson(text.replace(/^\uFEFF/, '').trim());
  if (isObject(json) && isObject(json.kdfParams) && typeof json.encryptedData === 'string') {
    return 'IMPORT_ENTE_ENCRYPTED';
  }
  if (
    isObject(json) &&
    (isObject(json.key) || 'enc' in json || Object.values(json).some(isAuthenticatorEntry))
  ) {
    return 'IMPORT_AUTHENTICATOR_EXTENSION';
  }
  return undefined;
}

function isAuthenticatorEntry(value: unknown): boolean {
  return isObject(value) && typeof value.secret === 'string' && typeof value.hash === 'string';
}
