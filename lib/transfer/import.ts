/**
 * The one entry point of the import UI: text (and a password when the file needs one) to an
 * ImportResult, or a TwofoldError (lib/transfer/errors.ts) whose message says what to do.
 * Nothing is stored here.
 */
import { importAegisEncrypted, importAegisPlain } from './aegis';
import { importAndotp } from './andotp';
import { readBackup } from './backup';
import { importBitwardenCsv, importBitwardenEncrypted, importBitwardenJson } from './bitwarden';
import { detectFormat, knownUnsupported } from './detect';
import { importMigrationList, importOtpauthList } from './otpauth-list';
import { importTwofasEncrypted, importTwofasPlain } from './twofas';
import type { ImportResult } from './types';
import { damaged, empty, isImportError, unsupported } from './types';
import type { JsonObject } from './util';
import { isObject, MAX_IMPORT_CHARS, parseJson } from './util';
import { checkAccountCount } from './limits';

export async function importText(text: string, password?: string): Promise<ImportResult> {
  if (typeof text !== 'string') throw unsupported();
  if (text.length > MAX_IMPORT_CHARS) {
    throw unsupported('IMPORT_TOO_LARGE');
  }
  const clean = text.replace(/^\uFEFF/, '').trim();
  const format = detectFormat(clean);
  if (format === undefined) throw unsupported(knownUnsupported(clean));
  let result: ImportResult;
  try {
    result = await dispatch(format, clean, password);
  } catch (error) {
    if (isImportError(error)) throw error;
    // A bug or a shape we did not foresee: say so without leaking details or secrets.
    throw damaged(format);
  }
  if (result.accounts.length === 0 && result.skipped.length === 0) throw empty(format);
  checkAccountCount(result.accounts.length);
  return result;
}

async function dispatch(
  format: NonNullable<ReturnType<typeof detectFormat>>,
  text: string,
  password?: string,
): Promise<ImportResult> {
  if (format === 'twofold-backup') return readBackup(text, password);
  if (format === 'otpauth-list') return importOtpauthList(text);
  if (format === 'google-migration') return importMigrationList(text);
  if (format === 'bitwarden-csv') return importBitwardenCsv(text);
  const json = parseJson(text);
  const object: JsonObject = isObject(json) ? json : {};
  switch (format) {
    case 'aegis':
      return importAegisPlain(object);
    case 'aegis-encrypted':
      return importAegisEncrypted(object, password);
    case '2fas':
      return importTwofasPlain(object);
    case '2fas-encrypted':
      return importTwofasEncrypted(object, password);
    case 'bitwarden-json':
      return importBitwardenJson(object);
    case 'bitwarden-encrypted':
      return importBitwardenEncrypted(object, password);
    case 'andotp':
      return importAndotp(Array.isArray(json) ? json : []);
  }
}
