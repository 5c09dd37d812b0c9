/** Twofold's own encrypted backup: round trip, wrong passphrase, tampering, future versions. */
import { describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../../lib/otp';
import { generateCode } from '../../../lib/otp';
import { createBackup, detectFormat, importText, readBackup } from '../../../lib/transfer';
import { V } from './helpers';

const CHEAP = { kdf: { memory: 64, iterations: 1, parallelism: 1 }, now: Date.UTC(2026, 0, 2, 3, 4, 5) };
const PASS = 'long backup passphrase';

const stored: StoredAccount[] = [
  {
    ...V(1),
    id: 'a1',
    origin: 'https://m2mmanager.localhost:4100',
    pinned: true,
    createdAt: 1,
    updatedAt: 2,
  },
  {
    ...V(2),
    id: 'a2',
    createdAt: 3,
    updatedAt: 4,
    previousKeys: [{ ...V(3), replacedAt: 1_700_000_000_000 }].map(
      ({ type, secret, algorithm, digits, period, counter, replacedAt }) => ({
        type,
        secret,
        algorithm,
        digits,
        period,
        counter,
        replacedAt,
      }),
    ),
  },
  { ...V(3), id: 'a3', origin: 'https://example.com', createdAt: 5, updatedAt: 6 },
];

describe('Twofold backup', () => {
  it('round trip keeps every field, origin bindings and pins; codes are identical', async () => {
    const text = await createBackup(stored, PASS, CHEAP);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'twofold-backup',
      version: 1,
      createdAt: '2026-01-02T03:04:05.000Z',
      kdf: { name: 'argon2id', memory: 64, iterations: 1, parallelism: 1 },
    });
    expect(text).not.toContain(V(1).secret);
    expect(text).not.toContain('m2mmanager');
    expect(detectFormat(text)).toBe('twofold-backup');

    const result = await importText(text, PASS);
    expect(result.format).toBe('twofold-backup');
    expect(result.skipped).toEqual([]);
    expect(result.accounts).toEqual([
      { ...V(1), origin: 'https://m2mmanager.localhost:4100', pinned: true, createdAt: 1 },
      { ...V(2), createdAt: 3, previousKeys: stored[1]!.previousKeys },
      { ...V(3), origin: 'https://example.com', createdAt: 5 },
    ]);
    const t = 1_700_000_000_000;
    for (const [i, a] of result.accounts.entries()) {
      expect(generateCode(a, t)).toBe(generateCode(stored[i]!, t));
    }
  });

  it('uses a fresh salt and IV each time', async () => {
    const a = JSON.parse(await createBackup(stored, PASS, CHEAP)) as { kdf: { salt: string }; iv: string };
    const b = JSON.parse(await createBackup(stored, PASS, CHEAP)) as { kdf: { salt: string }; iv: string };
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.iv).not.toBe(b.iv);
  });

  it('default parameters are DESIGN section 3 (Argon2id m=64 MiB, t=3, p=1)', async () => {
    const text = await createBackup(stored.slice(0, 1), PASS);
    expect(JSON.parse(text)).toMatchObject({ kdf: { memory: 65536, iterations: 3, parallelism: 1 } });
    expect((await readBackup(text, PASS)).accounts).toHaveLength(1);
  });

  it('an empty vault makes a valid backup (EMPTY on import)', async () => {
    const text = await createBackup([], PASS, CHEAP);
    expect((await readBackup(text, PASS)).accounts).toEqual([]);
    await expect(importText(text, PASS)).rejects.toMatchObject({ code: 'IMPORT_EMPTY', params: ['Twofold'] });
  });

  it('refuses a short passphrase', async () => {
    await expect(createBackup(stored, 'short', CHEAP)).rejects.toMatchObject({
      code: 'BACKUP_PASSPHRASE_SHORT',
      params: ['8'],
    });
  });

  it('wrong or missing passphrase', async () => {
    const text = await createBackup(stored, PASS, CHEAP);
    await expect(importText(text, 'long backup passphrasE')).rejects.toMatchObject({
      code: 'IMPORT_BACKUP_WRONG_PASSPHRASE',
      message: 'Wrong passphrase for this Twofold backup. Nothing was imported.',
    });
    await expect(importText(text)).rejects.toMatchObject({ code: 'IMPORT_BACKUP_NEEDS_PASSPHRASE' });
  });

  it('every byte of the ciphertext flipped → DAMAGED', async () => {
    const text = await createBackup(stored.slice(0, 1), PASS, CHEAP);
    const file = JSON.parse(text) as { data: string };
    const data = Buffer.from(file.data, 'base64');
    for (let i = 0; i < data.length; i++) {
      const copy = Buffer.from(data);
      copy[i]! ^= 0x01;
      const tampered = JSON.stringify({ ...file, data: copy.toString('base64') });
      await expect(readBackup(tampered, PASS), `byte ${i}`).rejects.toMatchObject({ code: 'IMPORT_DAMAGED' });
    }
  });

  it.each<[string, (f: Record<string, unknown>) => void, string]>([
    [
      'createdAt edited (bound by the AAD)',
      (f) => (f.createdAt = '2030-01-01T00:00:00.000Z'),
      'IMPORT_DAMAGED',
    ],
    ['iv edited', (f) => (f.iv = Buffer.alloc(12).toString('base64')), 'IMPORT_DAMAGED'],
    ['iv missing', (f) => delete f.iv, 'IMPORT_DAMAGED'],
    ['keyCheck missing', (f) => delete f.keyCheck, 'IMPORT_DAMAGED'],
    ['data truncated', (f) => (f.data = String(f.data).slice(0, 8)), 'IMPORT_DAMAGED'],
    ['kdf absurd', (f) => ((f.kdf as Record<string, unknown>).memory = 1e12), 'IMPORT_DAMAGED_KEY_PARAMS'],
    ['version 0', (f) => (f.version = 0), 'IMPORT_DAMAGED'],
    [
      'kdf iterations edited',
      (f) => ((f.kdf as Record<string, unknown>).iterations = 2),
      'IMPORT_BACKUP_WRONG_PASSPHRASE',
    ],
  ])('%s → %s', async (_, edit, code) => {
    const file = JSON.parse(await createBackup(stored, PASS, CHEAP)) as Record<string, unknown>;
    edit(file);
    await expect(readBackup(JSON.stringify(file), PASS)).rejects.toMatchObject({ code });
  });

  it('a truncated file is reported as a damaged backup', async () => {
    const text = await createBackup(stored, PASS, CHEAP);
    await expect(importText(text.slice(0, text.length / 2), PASS)).rejects.toMatchObject({
      code: 'IMPORT_DAMAGED_JSON',
      params: ['Twofold'],
    });
  });

  it('a future version → UNSUPPORTED, before asking for the passphrase', async () => {
    const file = JSON.parse(await createBackup(stored, PASS, CHEAP)) as Record<string, unknown>;
    const text = JSON.stringify({ ...file, version: 2 });
    for (const pass of [PASS, undefined]) {
      await expect(importText(text, pass)).rejects.toMatchObject({
        code: 'IMPORT_BACKUP_NEWER',
        params: ['2'],
        message: expect.stringMatching(/newer version of Twofold.*Update Twofold/) as unknown,
      });
    }
  });

  it('readBackup refuses other files', async () => {
    await expect(readBackup('{"services":[]}', PASS)).rejects.toMatchObject({ code: 'IMPORT_NOT_BACKUP' });
  });
});
