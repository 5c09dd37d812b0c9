import { describe, expect, it } from 'vitest';
import {
  addAccountProblem,
  addAccountText,
  backupFileName,
  DEFAULT_SECRET_OPTIONS,
  siteIssuer,
  weakSecretBits,
} from '@/components/add-account';
import { parseOtpauthUri } from '../../../lib/otp';
import { clampSetting } from '../../../lib/settings';

describe('addAccountText', () => {
  const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
  it.each([
    ['a URI is sent as typed', URI, {}, URI],
    ['a URI ignores the options', ` ${URI} `, { digits: 8 }, URI],
    ['a bare secret with defaults stays bare', ' jbsw y3dp ehpk 3pxp ', {}, 'jbsw y3dp ehpk 3pxp'],
  ])('%s', (_name, text, patch, expected) => {
    expect(addAccountText(text, { ...DEFAULT_SECRET_OPTIONS, ...patch })).toBe(expected);
  });

  it.each([
    [
      { issuer: 'Acme', label: 'bob' },
      { type: 'totp', issuer: 'Acme', label: 'bob', digits: 6, period: 30 },
    ],
    [
      { type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 },
      { type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 },
    ],
    [
      { type: 'hotp', counter: 42, issuer: 'Forge', algorithm: 'SHA512', digits: 7 },
      { type: 'hotp', counter: 42, issuer: 'Forge', algorithm: 'SHA512', digits: 7 },
    ],
  ] as const)('a secret with options %o becomes a URI', (patch, expected) => {
    const text = addAccountText('jbsw y3dp ehpk 3pxp', { ...DEFAULT_SECRET_OPTIONS, ...patch });
    expect(parseOtpauthUri(text)).toMatchObject({ ...expected, secret: 'JBSWY3DPEHPK3PXP' });
  });

  it('says why a secret is not base32', () => {
    expect(() => addAccountText('not base32!', { ...DEFAULT_SECRET_OPTIONS, issuer: 'X' })).toThrow(Error);
  });
});

describe('backupFileName and settings bounds', () => {
  it.each([
    [new Date(2024, 4, 1, 23, 59), 'twofold-backup-2024-05-01.json'],
    [new Date(2025, 11, 31), 'twofold-backup-2025-12-31.json'],
  ])('%s', (date, name) => expect(backupFileName(date)).toBe(name));

  it.each([
    ['autoLockMinutes', '15', 15],
    ['autoLockMinutes', '-3', 0],
    ['autoLockMinutes', '99999', 1440],
    ['autoLockMinutes', 'abc', 15],
    ['clipboardClearSeconds', '12.6', 13],
    ['clipboardClearSeconds', '', 0],
    ['clipboardClearSeconds', '1000', 600],
  ] as const)('%s %j -> %i', (key, value, expected) => expect(clampSetting(key, value)).toBe(expected));
});

describe('weakSecretBits', () => {
  it.each([
    ['"hello world" as a bare secret: 48 bits', 'hello world', 48],
    ['a 64-bit key in a URI', 'otpauth://totp/x?secret=JBSWY3DPEHPK3', 64],
    ['an 80-bit key is not weak', 'JBSWY3DPEHPK3PXP', undefined],
    ['a 160-bit key is not weak', 'otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', undefined],
    ['text that cannot be read is left to the background', 'otpauth://totp/x?secret=!!', undefined],
  ])('%s', (_name, text, bits) => {
    expect(weakSecretBits(text)).toBe(bits);
  });
});

describe('addAccountProblem', () => {
  const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
  it.each([
    ['nothing typed', '  ', {}, 'empty'],
    ['a secret without any name', 'JBSWY3DPEHPK3PXP', {}, 'name'],
    ['a secret whose names are blanks', 'JBSWY3DPEHPK3PXP', { issuer: '  ', label: ' ' }, 'name'],
    ['a secret with its service', 'jbsw y3dp ehpk 3pxp', { issuer: 'Acme' }, undefined],
    ['a secret with only the account name', 'JBSWY3DPEHPK3PXP', { label: 'bob' }, undefined],
    ['a secret that is not base32', 'not base32!', { issuer: 'Acme' }, 'invalid'],
    ['a URI names itself', URI, {}, undefined],
    ['a URI that does not parse', 'otpauth://totp/x?secret=', {}, 'invalid'],
  ])('%s', (_name, text, patch, expected) => {
    expect(addAccountProblem(text, { ...DEFAULT_SECRET_OPTIONS, ...patch })).toBe(expected);
  });

  it('a secret named by the form is saved under that name', () => {
    const text = addAccountText('JBSWY3DPEHPK3PXP', { ...DEFAULT_SECRET_OPTIONS, issuer: 'shop.example' });
    expect(parseOtpauthUri(text)).toMatchObject({ issuer: 'shop.example', label: '' });
  });
});

describe('siteIssuer', () => {
  it.each([
    ['https://www.shop.example', 'shop.example'],
    ['http://localhost:4100', 'localhost'],
    ['https://m2mmanager.matooma.com', 'm2mmanager.matooma.com'],
    [undefined, ''],
    ['chrome-extension://abc', ''],
    ['not an origin', ''],
  ])('%s → "%s"', (origin, expected) => {
    expect(siteIssuer(origin)).toBe(expected);
  });
});
