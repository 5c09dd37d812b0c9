import { describe, expect, it, vi } from 'vitest';
import * as hashWasm from 'hash-wasm';
import { randomBytes } from '@/lib/bytes';
import { checkHeaderKdf, createHeader, parseHeader, unwrapHeader, type SyncHeader } from '@/lib/sync/header';
import { IMPORT_LIMITS } from '@/lib/transfer/limits';
import { FAST_KDF, PASS } from './devices';

vi.mock('hash-wasm', async (original) => {
  const real = await original<typeof hashWasm>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});

const GIB_KIB = 1024 * 1024;

async function header(): Promise<{ dek: Uint8Array<ArrayBuffer>; header: SyncHeader }> {
  const dek = randomBytes(32);
  return {
    dek,
    header: await createHeader({
      dek,
      passphrase: PASS,
      vaultId: 'vault-1',
      epoch: 1,
      rev: 1,
      kdf: FAST_KDF,
    }),
  };
}

describe('sync header key derivation caps', () => {
  it.each([
    ['1 GiB × 20 passes (the stored-copy bounds)', GIB_KIB, 20],
    ['one KiB over the import cap', IMPORT_LIMITS.argon2MemoryKiB + 1, 1],
    ['one pass over the import cap', 64 * 1024, IMPORT_LIMITS.argon2Passes + 1],
  ])('a header asking for %s is refused without deriving anything', async (_name, memory, iterations) => {
    const { header: genuine } = await header();
    const hostile = { ...genuine, kdf: { ...genuine.kdf, memory, iterations } };
    vi.mocked(hashWasm.argon2id).mockClear();
    expect(() => parseHeader(hostile)).toThrow(/too costly/);
    expect(await unwrapHeader(hostile, PASS)).toBeUndefined();
    expect(hashWasm.argon2id).not.toHaveBeenCalled();
  });

  it('accepts the import cap itself and Twofold’s own cost', () => {
    const kdf = { name: 'argon2id', parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA' } as const;
    expect(() =>
      checkHeaderKdf({
        ...kdf,
        memory: IMPORT_LIMITS.argon2MemoryKiB,
        iterations: IMPORT_LIMITS.argon2Passes,
      }),
    ).not.toThrow();
    expect(() => checkHeaderKdf({ ...kdf, memory: 64 * 1024, iterations: 3 })).not.toThrow();
  });

  it('a header within the caps still opens with its passphrase (one derivation)', async () => {
    const { dek, header: genuine } = await header();
    vi.mocked(hashWasm.argon2id).mockClear();
    expect(await unwrapHeader(parseHeader(genuine), PASS)).toEqual(dek);
    expect(hashWasm.argon2id).toHaveBeenCalledTimes(1);
  });
});
