import { describe, expect, it } from 'vitest';
import {
  decodeMigrationUri,
  encodeMigrationUri,
  generateCode,
  parseOtpauthUri,
  STEAM_ALPHABET,
  toOtpauthUri,
  type OtpAccount,
} from '../../../lib/otp';
import { createBackup, readBackup } from '../../../lib/transfer';

/**
 * Published Steam Guard vectors. KeePassXC's tests/TestTotp.cpp (testSteamTotp): codes made by
 * the Steam mobile app for a throw-away account's secret. MAKS11060/otp's src/steamTotp.test.ts:
 * a key of 20 zero bytes at counters 0 and 1.
 */
const KEEPASSXC = '63BEDWCQZKTQWPESARIERL5DTTQFCJTK';
const ZEROES = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'; // 20 zero bytes

const steam = (secret: string): OtpAccount => ({
  type: 'totp',
  issuer: 'Steam',
  label: 'dave',
  secret,
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
  counter: 0,
  encoder: 'steam',
});

describe('Steam Guard codes', () => {
  it.each([
    [KEEPASSXC, 1511200518, 'FR8RV'],
    [KEEPASSXC, 1511200714, '9P3VP'],
    [ZEROES, 0, 'RYH4D'],
    [ZEROES, 30, 'DR2DK'],
  ])('%s at %i s → %s', (secret, seconds, code) => {
    expect(generateCode(steam(secret), seconds * 1000)).toBe(code);
  });

  it('are 5 characters of the Steam alphabet, never digits only by construction', () => {
    for (let t = 0; t < 200; t++) {
      const code = generateCode(steam(KEEPASSXC), t * 30_000);
      expect(code).toMatch(new RegExp(`^[${STEAM_ALPHABET}]{5}$`));
    }
  });

  it.each([
    ['Aegis spelling', `otpauth://steam/Steam:dave?secret=${KEEPASSXC}&issuer=Steam&digits=5&period=30`],
    ['KeePassXC spelling', `otpauth://totp/Steam:dave?secret=${KEEPASSXC}&issuer=Steam&encoder=steam`],
    ['upper case', `OTPAUTH://STEAM/Steam:dave?secret=${KEEPASSXC}&issuer=Steam`],
    [
      'with every parameter',
      `otpauth://totp/Steam:dave?secret=${KEEPASSXC}&algorithm=SHA1&digits=5&period=30&encoder=Steam&issuer=Steam`,
    ],
  ])('URI, %s → a Steam account with its codes', (_name, uri) => {
    const account = parseOtpauthUri(uri);
    expect(account).toEqual(steam(KEEPASSXC));
    expect(generateCode(account, 1511200518_000)).toBe('FR8RV');
  });

  it('round-trips through otpauth URIs and backups; Google Authenticator exports refuse it', async () => {
    const account = steam(KEEPASSXC);
    expect(toOtpauthUri(account)).toMatch(/^otpauth:\/\/steam\//);
    expect(parseOtpauthUri(toOtpauthUri(account))).toEqual(account);
    const stored = { ...account, id: 'a', createdAt: 1, updatedAt: 1 };
    const kdf = { memory: 64, iterations: 1, parallelism: 1 };
    const backup = await createBackup([stored], 'correct horse', { kdf });
    const { accounts } = await readBackup(backup, 'correct horse');
    expect(accounts.map((a) => a.encoder)).toEqual(['steam']);
    expect(generateCode(accounts[0]!, 1511200714_000)).toBe('9P3VP');
    expect(() => encodeMigrationUri([account])).toThrow(/cannot hold Steam Guard/);
    expect(
      decodeMigrationUri(encodeMigrationUri([{ ...account, digits: 6, encoder: undefined }])).accounts,
    ).toHaveLength(1);
  });
});
