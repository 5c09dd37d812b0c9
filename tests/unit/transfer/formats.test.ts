/**
 * Each format against fixtures we wrote from its public documentation (fixtures/, vectors.json):
 * detection, expected accounts, and what is skipped and why.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../lib/errors';
import type { OtpAccount } from '../../../lib/otp';
import { detectFormat, importText } from '../../../lib/transfer';
import type { FormatId } from '../../../lib/transfer';
import { core, readFixture, V } from './helpers';

/** The Steam Guard entry every fixture holds: Steam's fixed settings, whatever the file says. */
const STEAM: OtpAccount = {
  type: 'totp',
  issuer: 'Steam',
  label: 'dave',
  secret: 'KRUGS4ZANFZSAYJAORSXG5A',
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
  counter: 0,
};

describe('generated fixtures: detection and accounts', () => {
  it.each<[string, FormatId, OtpAccount[], ErrorCode[]]>([
    ['aegis-plain-v1.json', 'aegis', [V(1), V(2), V(3)], []],
    ['aegis-plain-v3.json', 'aegis', [V(1), V(2), V(3), STEAM], []],
    ['2fas-v4.2fas', '2fas', [V(1), V(2), V(3), STEAM], []],
    ['andotp.json', 'andotp', [V(1), V(2), V(3), STEAM], []],
    ['ente.txt', 'otpauth-list', [V(1), V(2), V(3), STEAM], ['ENTRY_TRASHED']],
  ])('%s → %s', async (file, format, expected, skipCodes) => {
    const text = readFixture(file);
    expect(detectFormat(text)).toBe(format);
    const result = await importText(text);
    expect(result.format).toBe(format);
    expect(result.accounts.map(core)).toEqual(expected);
    // Steam entries keep their encoder: their codes are Steam Guard's 5 characters.
    expect(result.accounts.map((a) => a.encoder)).toEqual(
      expected.map((a) => (a === STEAM ? 'steam' : undefined)),
    );
    expect(result.skipped.map((s) => s.code)).toEqual(skipCodes);
    // Nothing binds an account to a site except a Twofold backup.
    expect(result.accounts.every((a) => a.origin === undefined)).toBe(true);
  });

  it('Aegis keeps notes; Ente notes come from codeDisplay', async () => {
    const aegis = await importText(readFixture('aegis-plain-v3.json'));
    expect(aegis.accounts[0]?.note).toBe('recovery codes in the safe');
    expect(aegis.accounts[1]?.note).toBeUndefined();
    const ente = await importText(readFixture('ente.txt'));
    expect(ente.accounts.map((a) => a.note)).toEqual(['shared', undefined, undefined, undefined]);
  });

  it('2FAS schema 1 has no parameters: TOTP SHA1/6/30 for every service', async () => {
    const result = await importText(readFixture('2fas-v1.json'));
    expect(result.format).toBe('2fas');
    expect(result.accounts.map(core)).toEqual([V(1), { ...V(2), algorithm: 'SHA1', digits: 6, period: 30 }]);
  });

  it.each(['bitwarden.json', 'bitwarden.csv'])('%s: URI, bare secret, Steam, website hints', async (file) => {
    const text = readFixture(file);
    const format = file.endsWith('.csv') ? 'bitwarden-csv' : 'bitwarden-json';
    expect(detectFormat(text)).toBe(format);
    const result = await importText(text);
    expect(result.accounts.map(core)).toEqual([
      V(1), // issuer and name from the URI, not from the item name
      // A bare secret: TOTP defaults, named after the item and its username.
      { ...V(2), algorithm: 'SHA1', digits: 6, period: 30 },
      STEAM, // steam://SECRET
    ]);
    expect(result.accounts[2]?.encoder).toBe('steam');
    expect(result.accounts[0]?.websiteHint).toBe('https://login.example.com');
    expect(result.accounts[0]?.origin).toBeUndefined();
    expect(result.accounts[1]?.websiteHint).toBeUndefined();
    expect(result.skipped).toEqual([]);
  });
});

describe('entry validation: skipped with a reason, never a crash', () => {
  const aegis = (entries: unknown[]) =>
    JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 2, entries } });
  const entry = (over: Record<string, unknown>, info: Record<string, unknown> = {}) => ({
    type: 'totp',
    name: 'n',
    issuer: 'i',
    ...over,
    info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30, ...info },
  });

  it.each<[string, unknown, ErrorCode, string[]]>([
    ['mOTP', entry({ type: 'motp' }), 'TYPE_MOTP', []],
    ['Yandex', entry({ type: 'yandex' }), 'TYPE_YANDEX', []],
    ['unknown type', entry({ type: 'quantum' }), 'TYPE_UNSUPPORTED', ['quantum']],
    ['MD5', entry({}, { algo: 'MD5' }), 'ALGORITHM_UNSUPPORTED', ['MD5']],
    ['no secret', entry({}, { secret: '' }), 'ACCOUNT_NO_SECRET', []],
    ['null secret', entry({}, { secret: null }), 'ACCOUNT_NO_SECRET', []],
    ['bad base32', entry({}, { secret: 'NOT*BASE32' }), 'SECRET_NOT_BASE32', []],
    ['9 digits', entry({}, { digits: 9 }), 'DIGITS_INVALID', []],
    ['digits as text', entry({}, { digits: 'six' }), 'DIGITS_INVALID', []],
    ['period 0', entry({}, { period: 0 }), 'PERIOD_INVALID', ['3600']],
    ['negative counter', entry({ type: 'hotp' }, { counter: -1 }), 'COUNTER_INVALID', []],
    ['not an object', 42, 'ENTRY_INVALID', []],
  ])('%s', async (_, bad, code, params) => {
    const result = await importText(aegis([entry({ name: 'good' }), bad]));
    expect(result.accounts.map((a) => a.label)).toEqual(['good']);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ code, params });
    expect(JSON.stringify(result.skipped)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('missing algorithm/digits/period take the defaults; odd-length secrets decode like other apps', async () => {
    const result = await importText(
      aegis([{ type: 'totp', name: 'n', issuer: '', info: { secret: 'jbsw y3dp ehpk 3pxp a' } }]),
    );
    // 21 characters: the 5 trailing bits are dropped, as every authenticator does.
    expect(result.accounts.map(core)).toEqual([
      { ...V(1), issuer: '', label: 'n', secret: 'JBSWY3DPEHPK3PXP' },
    ]);
  });
});

describe('otpauth lists and Google Authenticator exports', () => {
  it.each<[string, string, FormatId]>([
    ['one URI', 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A', 'otpauth-list'],
    ['comments and blanks', '# mine\n\notpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n', 'otpauth-list'],
    [
      'migration only',
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjr4JKk%2Bv%2F%2F%2F%2F8B',
      'google-migration',
    ],
  ])('%s → %s', async (_, text, format) => {
    expect(detectFormat(text)).toBe(format);
    const result = await importText(text);
    expect(result.format).toBe(format);
    expect(result.accounts.length).toBe(1);
  });

  it('bad lines are skipped by number, never quoted', async () => {
    const text =
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\notpauth://totp/C:d?secret=ZZ!!PRIVATE\notpauth://hotp/E?secret=JBSWY3DPEHPK3PXP';
    const result = await importText(text);
    expect(result.accounts).toHaveLength(1);
    expect(result.skipped.map((s) => [s.name, s.line])).toEqual([
      ['', 2],
      ['', 3],
    ]);
    expect(JSON.stringify(result.skipped)).not.toContain('PRIVATE');
  });
});

describe('whole-file errors', () => {
  it.each<[string, string, ErrorCode, RegExp]>([
    ['empty', '', 'IMPORT_UNSUPPORTED', /not a format Twofold can import/],
    ['prose', 'hello world', 'IMPORT_UNSUPPORTED', /Aegis, 2FAS, Bitwarden/],
    ['other JSON', '{"hello": 1}', 'IMPORT_UNSUPPORTED', /not a format Twofold can import/],
    [
      'Ente encrypted',
      '{"version":1,"kdfParams":{"memLimit":1,"opsLimit":1,"salt":"AA=="},"encryptedData":"AA==","encryptionNonce":"AA=="}',
      'IMPORT_ENTE_ENCRYPTED',
      /Ente.*plain text/,
    ],
    [
      'Aegis without entries',
      '{"version":1,"header":{"slots":null,"params":null},"db":{"version":3}}',
      'IMPORT_DAMAGED_NO_LIST',
      /Aegis file is damaged/,
    ],
    [
      'Aegis with no entries',
      '{"version":1,"header":{"slots":null,"params":null},"db":{"version":3,"entries":[]}}',
      'IMPORT_EMPTY',
      /holds no accounts/,
    ],
    [
      '2FAS with no services',
      '{"services":[],"schemaVersion":4}',
      'IMPORT_EMPTY',
      /2FAS file holds no accounts/,
    ],
    [
      'Bitwarden account-restricted',
      '{"encrypted":true,"encKeyValidation_DO_NOT_EDIT":"2.x|y|z","items":"2.a|b|c"}',
      'IMPORT_BITWARDEN_ACCOUNT_LOCKED',
      /locked to your Bitwarden account/,
    ],
    [
      'Bitwarden encrypted, no password',
      '{"encrypted":true,"passwordProtected":true,"salt":"s","kdfType":0,"kdfIterations":1,"encKeyValidation_DO_NOT_EDIT":"2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","data":"2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}',
      'IMPORT_NEEDS_PASSWORD',
      /Bitwarden file is encrypted: enter its passphrase/,
    ],
  ])('%s → %s', async (_, text, code, message) => {
    const error = await importText(text).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TwofoldError', code });
    expect((error as Error).message).toMatch(message);
  });
});
