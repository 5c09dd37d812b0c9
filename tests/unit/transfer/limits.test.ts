import { describe, expect, it, vi } from 'vitest';
import * as hashWasm from 'hash-wasm';
import * as scryptModule from '@/lib/transfer/scrypt';
import { SessionKey } from '@/lib/background/session-key';
import { TransferService } from '@/lib/background/transfer-service';
import { VaultService } from '@/lib/background/vault-service';
import { createBackup, importText } from '@/lib/transfer';
import { checkArgon2Cost, checkPbkdf2Cost, checkScryptCost, IMPORT_LIMITS } from '@/lib/transfer/limits';
import { VaultStore } from '@/lib/vault/store';
import { FAST_KDF } from '../helpers/vault-fixtures';
import { MemoryArea } from '../helpers/memory-area';
import { aegisEncrypt, bitwardenEncrypt, readFixture } from './helpers';

vi.mock('hash-wasm', async (original) => {
  const real = await original<typeof hashWasm>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});
vi.mock('@/lib/transfer/scrypt', async (original) => {
  const real = await original<typeof scryptModule>();
  return { ...real, scrypt: vi.fn(real.scrypt) };
});

const PASSWORD = 'a backup passphrase';
const aegisPlain = JSON.parse(readFixture('aegis-plain-v1.json')) as { db: unknown };
const ACCOUNT = {
  id: 'id-1',
  type: 'totp' as const,
  issuer: 'Example',
  label: 'jane@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
  createdAt: 1,
  updatedAt: 1,
};

/** A real backup whose stored Argon2id parameters are then raised by the attacker. */
async function hostileBackup(memory: number, iterations: number): Promise<string> {
  const json = JSON.parse(await createBackup([ACCOUNT], PASSWORD, { kdf: FAST_KDF })) as {
    kdf: Record<string, unknown>;
  };
  json.kdf = { ...json.kdf, memory, iterations };
  return JSON.stringify(json);
}

describe('hostile backups are refused before any key derivation', () => {
  it.each([
    ['Twofold backup, Argon2id 1 GiB × 20', () => hostileBackup(1024 * 1024, 20)],
    ['Twofold backup, Argon2id 512 MiB × 3', () => hostileBackup(512 * 1024, 3)],
    ['Twofold backup, Argon2id 64 MiB × 11', () => hostileBackup(64 * 1024, 11)],
    [
      'Aegis, scrypt N=2^20',
      () => {
        const file = aegisEncrypt(aegisPlain.db, PASSWORD);
        Object.assign(file.header.slots[1]!, { n: 2 ** 20, r: 8, p: 1 });
        return JSON.stringify(file);
      },
    ],
    [
      'Aegis, scrypt N=2^18 with p=16',
      () => {
        const file = aegisEncrypt(aegisPlain.db, PASSWORD);
        Object.assign(file.header.slots[1]!, { n: 2 ** 18, r: 8, p: 16 });
        return JSON.stringify(file);
      },
    ],
    [
      'Bitwarden, Argon2id 1 GiB × 20',
      () => ({
        ...bitwardenEncrypt({ items: [] }, PASSWORD),
        kdfType: 1,
        kdfMemory: 1024,
        kdfIterations: 20,
        kdfParallelism: 4,
      }),
    ],
    [
      'Bitwarden, PBKDF2 50 million iterations',
      () => ({ ...bitwardenEncrypt({ items: [] }, PASSWORD), kdfIterations: 50_000_000 }),
    ],
  ])('%s', async (_name, make) => {
    const made: unknown = await make();
    const text = typeof made === 'string' ? made : JSON.stringify(made);
    vi.mocked(hashWasm.argon2id).mockClear();
    vi.mocked(scryptModule.scrypt).mockClear();
    const error = await importText(text, PASSWORD).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'IMPORT_TOO_COSTLY',
      message: expect.stringMatching(/too costly to run safely.*Nothing was imported/) as unknown,
    });
    // Failing fast means no derivation at all was started.
    expect(hashWasm.argon2id).not.toHaveBeenCalled();
    expect(scryptModule.scrypt).not.toHaveBeenCalled();
  });

  it.each([
    ['Argon2id at the cap', () => checkArgon2Cost('aegis', IMPORT_LIMITS.argon2MemoryKiB, 10), true],
    ['Argon2id one KiB over', () => checkArgon2Cost('aegis', IMPORT_LIMITS.argon2MemoryKiB + 1, 1), false],
    ['scrypt N=2^18 r=8 p=1', () => checkScryptCost('aegis', 2 ** 18, 8, 1), true],
    ['scrypt N=2^19 r=1 p=1', () => checkScryptCost('aegis', 2 ** 19, 1, 1), false],
    ['PBKDF2 2,000,000', () => checkPbkdf2Cost('aegis', 2_000_000), true],
    ['PBKDF2 2,000,001', () => checkPbkdf2Cost('aegis', 2_000_001), false],
  ])('bounds: %s', (_name, check, allowed) => {
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(/too costly/);
  });

  it('an import of more than 5,000 accounts is refused with a clear error', async () => {
    const lines = Array.from(
      { length: 5_001 },
      (_, n) => `otpauth://totp/Example:user${n}?secret=JBSWY3DPEHPK3PXP&issuer=Example`,
    );
    await expect(importText(lines.join('\n'))).rejects.toMatchObject({
      code: 'IMPORT_TOO_MANY',
      message:
        'This file holds 5001 accounts; one import may add at most 5000. Split it and import it in parts. Nothing was imported.',
    });
    expect((await importText(lines.slice(0, 5_000).join('\n'))).accounts).toHaveLength(5_000);
  });
});

describe('one key derivation per import', () => {
  it('the commit uses the preview’s token: the file is not decrypted again', async () => {
    const service = new VaultService({
      store: new VaultStore(new MemoryArea(), { kdf: FAST_KDF }),
      sessionKey: new SessionKey(new MemoryArea()),
    });
    const transfer = new TransferService(service);
    await service.create('a vault passphrase');
    const text = await createBackup([ACCOUNT], PASSWORD, { kdf: FAST_KDF });
    vi.mocked(hashWasm.argon2id).mockClear();
    const preview = await transfer.preview(text, PASSWORD);
    if (!preview.ok) throw new Error(preview.message);
    expect(hashWasm.argon2id).toHaveBeenCalledTimes(1);
    expect(await transfer.commit(preview.token, [0])).toEqual({ ok: true, added: 1 });
    expect(hashWasm.argon2id).toHaveBeenCalledTimes(1);
    // A token is used once, and lock forgets every waiting preview.
    expect(await transfer.commit(preview.token, [0])).toMatchObject({
      ok: false,
      code: 'IMPORT_EXPIRED',
    });
    const again = await transfer.preview(text, PASSWORD);
    if (!again.ok) throw new Error(again.message);
    await service.lock();
    await service.unlock('a vault passphrase');
    expect(await transfer.commit(again.token, [0])).toMatchObject({ ok: false, code: 'IMPORT_EXPIRED' });
  });

  it('a preview expires after ten minutes', async () => {
    let now = 1_750_000_000_000;
    const service = new VaultService({
      store: new VaultStore(new MemoryArea(), { kdf: FAST_KDF }),
      sessionKey: new SessionKey(new MemoryArea()),
    });
    const transfer = new TransferService(service, () => now);
    await service.create('a vault passphrase');
    const preview = await transfer.preview('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP', undefined);
    if (!preview.ok) throw new Error(preview.message);
    now += 10 * 60 * 1000;
    expect(await transfer.commit(preview.token, [0])).toMatchObject({
      ok: false,
      code: 'IMPORT_EXPIRED',
      message: 'This import preview has expired. Choose the file again. Nothing was imported.',
    });
  });
});
