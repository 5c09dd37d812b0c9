/**
 * Each format against fixtures we wrote from its public documentation (fixtures/, vectors.json):
 * detection, expected accounts, and what is skipped and why.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, importText } from '../../../lib/transfer';
import type { FormatId } from '../../../lib/transfer';
import { core, readFixture, V } from './helpers';

const STEAM = 'Steam Guard accounts are not supported yet';

describe('generated fixtures: detection and accounts', () => {
  it.each<[string, FormatId, ReturnType<typeof V>[], string[]]>([
    ['aegis-plain-v1.json', 'aegis', [V(1), V(2), V(3)], []],
    ['aegis-plain-v3.json', 'aegis', [V(1), V(2), V(3)], [STEAM]],
    ['2fas-v4.2fas', '2fas', [V(1), V(2), V(3)], [STEAM]],
    ['andotp.json', 'andotp', [V(1), V(2), V(3)], [STEAM]],
    [
      'ente.txt',
      'otpauth-list',
      [V(1), V(2), V(3)],
      ['The entry is in the trash of the app that exported it', STEAM],
    ],
  ])('%s → %s', async (file, format, expected, skipReasons) => {
    const text = readFixture(file);
    expect(detectFormat(text)).toBe(format);
    const result = await importText(text);
    expect(result.format).toBe(format);
    expect(result.accounts.map(core)).toEqual(expected);
    expect(result.skipped.map((s) => s.reason)).toEqual(skipReasons);
    // Nothing binds an account to a site except a Twofold backup.
    expect(result.accounts.every((a) => a.origin === undefined)).toBe(true);
  });

  it('Aegis keeps notes; Ente notes come from codeDisplay', async () => {
    const aegis = await importText(readFixture('aegis-plain-v3.json'));
    expect(aegis.accounts[0]?.note).toBe('recovery codes in the safe');
    expect(aegis.accounts[1]?.note).toBeUndefined();
    const ente = await importText(readFixture('ente.txt'));
    expect(ente.accounts.map((a) => a.note)).toEqual(['shared', undefined, undefined]);
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
    ]);
    expect(result.accounts[0]?.websiteHint).toBe('https://login.example.com');
    expect(result.accounts[0]?.origin).toBeUndefined();
    expect(result.accounts[1]?.websiteHint).toBeUndefined();
    expect(result.skipped).toEqual([{ name: 'Steam (dave)', reason: STEAM }]);
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

  it.each<[string, unknown, string]>([
    ['mOTP', entry({ type: 'motp' }), 'mOTP accounts are not supported'],
    ['Yandex', entry({ type: 'yandex' }), 'Yandex accounts are not supported'],
    ['unknown type', entry({ type: 'quantum' }), 'Unsupported OTP type "quantum"'],
    ['MD5', entry({}, { algo: 'MD5' }), 'Unsupported algorithm MD5'],
    ['no secret', entry({}, { secret: '' }), 'The account has no secret'],
    ['null secret', entry({}, { secret: null }), 'The account has no secret'],
    ['bad base32', entry({}, { secret: 'NOT*BASE32' }), 'The secret is not valid base32'],
    ['9 digits', entry({}, { digits: 9 }), 'Digits must be 6, 7 or 8'],
    ['digits as text', entry({}, { digits: 'six' }), 'Digits must be 6, 7 or 8'],
    ['period 0', entry({}, { period: 0 }), 'The period must be a whole number'],
    ['negative counter', entry({ type: 'hotp' }, { counter: -1 }), 'The counter must be a whole number'],
    ['not an object', 42, 'The entry is not valid'],
  ])('%s', async (_, bad, reason) => {
    const result = await importText(aegis([entry({ name: 'good' }), bad]));
    expect(result.accounts.map((a) => a.label)).toEqual(['good']);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.reason).toContain(reason);
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
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\notpauth://totp/C:d?secret=ZZ!!SECRET\notpauth://hotp/E?secret=JBSWY3DPEHPK3PXP';
    const result = await importText(text);
    expect(result.accounts).toHaveLength(1);
    expect(result.skipped.map((s) => s.name)).toEqual(['Line 2', 'Line 3']);
    expect(JSON.stringify(result.skipped)).not.toContain('SECRET');
  });
});

describe('whole-file errors', () => {
  it.each<[string, string, string, RegExp]>([
    ['empty', '', 'UNSUPPORTED', /not a format Twofold can import/],
    ['prose', 'hello world', 'UNSUPPORTED', /Aegis, 2FAS, Bitwarden/],
    ['other JSON', '{"hello": 1}', 'UNSUPPORTED', /not a format Twofold can import/],
    [
      'Ente encrypted',
      '{"version":1,"kdfParams":{"memLimit":1,"opsLimit":1,"salt":"AA=="},"encryptedData":"AA==","encryptionNonce":"AA=="}',
      'UNSUPPORTED',
      /Ente.*plain text/,
    ],
    [
      'Aegis without entries',
      '{"version":1,"header":{"slots":null,"params":null},"db":{"version":3}}',
      'DAMAGED',
      /Aegis export is damaged/,
    ],
    [
      'Aegis with no entries',
      '{"version":1,"header":{"slots":null,"params":null},"db":{"version":3,"entries":[]}}',
      'EMPTY',
      /holds no accounts/,
    ],
    ['2FAS with no services', '{"services":[],"schemaVersion":4}', 'EMPTY', /2FAS backup holds no accounts/],
    [
      'Bitwarden account-restricted',
      '{"encrypted":true,"encKeyValidation_DO_NOT_EDIT":"2.x|y|z","items":"2.a|b|c"}',
      'UNSUPPORTED',
      /locked to your Bitwarden account/,
    ],
    [
      'Bitwarden encrypted, no password',
      '{"encrypted":true,"passwordProtected":true,"salt":"s","kdfType":0,"kdfIterations":1,"encKeyValidation_DO_NOT_EDIT":"2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","data":"2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}',
      'NEEDS_PASSWORD',
      /Bitwarden export is encrypted: enter its passphrase/,
    ],
  ])('%s → %s', async (_, text, code, message) => {
    const error = await importText(text).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ImportError', code });
    expect((error as Error).message).toMatch(message);
  });
});
