/**
 * Encrypted Aegis, 2FAS and Bitwarden exports built in the test with node:crypto from each
 * format's documentation, then opened by the library (WebCrypto + hash-wasm).
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, importText } from '../../../lib/transfer';
import type { FormatId } from '../../../lib/transfer';
import { aegisEncrypt, bitwardenEncrypt, core, readFixture, twofasEncrypt, V } from './helpers';

const aegisPlain = JSON.parse(readFixture('aegis-plain-v3.json')) as { db: unknown };
const twofasPlain = JSON.parse(readFixture('2fas-v4.2fas')) as { services: unknown[]; schemaVersion: number };
const bitwardenPlain = JSON.parse(readFixture('bitwarden.json')) as unknown;
const PASSWORD = 'correct horse ✓';

const cases: [FormatId, string, () => unknown][] = [
  ['aegis-encrypted', 'Aegis', () => aegisEncrypt(aegisPlain.db, PASSWORD)],
  ['2fas-encrypted', '2FAS', () => twofasEncrypt(twofasPlain, PASSWORD)],
  ['bitwarden-encrypted', 'Bitwarden', () => bitwardenEncrypt(bitwardenPlain, PASSWORD)],
];

describe.each(cases)('%s', (format, name, build) => {
  const text = JSON.stringify(build());

  it('is detected and opens with its password', async () => {
    expect(detectFormat(text)).toBe(format);
    const result = await importText(text, PASSWORD);
    expect(result.format).toBe(format);
    const steam = { ...V(1), issuer: 'Steam', label: 'dave', secret: 'KRUGS4ZANFZSAYJAORSXG5A', digits: 5 };
    expect(result.accounts.map(core)).toEqual(
      format === 'bitwarden-encrypted'
        ? [V(1), { ...V(2), algorithm: 'SHA1', digits: 6, period: 30 }, steam]
        : [V(1), V(2), V(3), steam],
    );
    expect(result.accounts.at(-1)?.encoder).toBe('steam');
    expect(result.skipped).toEqual([]);
  });

  it.each([undefined, ''])('asks for the password (%j)', async (password) => {
    await expect(importText(text, password)).rejects.toMatchObject({
      code: 'IMPORT_NEEDS_PASSWORD',
      params: [name],
      message: `This ${name} file is encrypted: enter its passphrase.`,
    });
  });

  it.each(['wrong', 'correct horse', `${PASSWORD} `])(
    'refuses a wrong password (%j), importing nothing',
    async (pw) => {
      await expect(importText(text, pw)).rejects.toMatchObject({
        code: 'IMPORT_WRONG_PASSWORD',
        params: [name],
        message: `Wrong passphrase for this ${name} file. Nothing was imported.`,
      });
    },
  );
});

describe('tampering', () => {
  it('Aegis: a changed db byte is DAMAGED (the password was right)', async () => {
    const file = aegisEncrypt(aegisPlain.db, PASSWORD);
    const db = Buffer.from(file.db, 'base64');
    db[5]! ^= 1;
    file.db = db.toString('base64');
    await expect(importText(JSON.stringify(file), PASSWORD)).rejects.toMatchObject({
      code: 'IMPORT_DAMAGED',
    });
  });

  it('Aegis: absurd scrypt parameters are refused before any work', async () => {
    const file = aegisEncrypt(aegisPlain.db, PASSWORD);
    Object.assign(file.header.slots[1]!, { n: 2 ** 30 });
    await expect(importText(JSON.stringify(file), PASSWORD)).rejects.toMatchObject({
      code: 'IMPORT_TOO_COSTLY',
    });
  });

  it('Aegis: only a biometric slot → UNSUPPORTED with what to do', async () => {
    const file = aegisEncrypt(aegisPlain.db, PASSWORD);
    file.header.slots.splice(1, 1);
    await expect(importText(JSON.stringify(file), PASSWORD)).rejects.toMatchObject({
      code: 'IMPORT_AEGIS_NO_PASSWORD_SLOT',
      message: expect.stringMatching(/Export it again from Aegis with a password/) as unknown,
    });
  });

  it('2FAS: right password (reference decrypts) but changed services → DAMAGED', async () => {
    const file = twofasEncrypt(twofasPlain, PASSWORD);
    const [ct, salt, iv] = file.servicesEncrypted.split(':') as [string, string, string];
    const bytes = Buffer.from(ct, 'base64');
    bytes[0]! ^= 0x80;
    file.servicesEncrypted = [bytes.toString('base64'), salt, iv].join(':');
    await expect(importText(JSON.stringify(file), PASSWORD)).rejects.toMatchObject({
      code: 'IMPORT_DAMAGED',
    });
  });

  it('Bitwarden: right password but changed data → DAMAGED', async () => {
    const file = bitwardenEncrypt(bitwardenPlain, PASSWORD);
    file.data = file.data.replace(/\|(.)/, (_, c: string) => `|${c === 'A' ? 'B' : 'A'}`);
    await expect(importText(JSON.stringify(file), PASSWORD)).rejects.toMatchObject({
      code: 'IMPORT_DAMAGED',
    });
  });

  it('messages never contain a secret or the password', async () => {
    const text = JSON.stringify(aegisEncrypt(aegisPlain.db, PASSWORD));
    const error = (await importText(text, 'hunter2').catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('hunter2');
  });
});
