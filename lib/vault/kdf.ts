import { argon2id } from 'hash-wasm';
import { TwofoldError } from '../errors';

/** Argon2id parameters stored with each slot (so they can be raised later). */
export interface KdfParams {
  name: 'argon2id';
  /** KiB. */
  memory: number;
  iterations: number;
  parallelism: number;
  /** base64, 16 bytes. */
  salt: string;
}

/** DESIGN section 3: m = 64 MiB, t = 3, p = 1. */
export const DEFAULT_KDF = { memory: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/**
 * Bounds on stored parameters: a damaged or hostile copy must not make the
 * unlock allocate gigabytes or spin for minutes.
 */
export function checkKdfParams(params: unknown): KdfParams {
  const p = params as Partial<KdfParams> | null;
  const ok =
    p !== null &&
    typeof p === 'object' &&
    p.name === 'argon2id' &&
    Number.isInteger(p.memory) &&
    (p.memory as number) >= 8 &&
    (p.memory as number) <= 1024 * 1024 &&
    Number.isInteger(p.iterations) &&
    (p.iterations as number) >= 1 &&
    (p.iterations as number) <= 20 &&
    Number.isInteger(p.parallelism) &&
    (p.parallelism as number) >= 1 &&
    (p.parallelism as number) <= 4 &&
    typeof p.salt === 'string';
  if (!ok) throw new TwofoldError('KEY_PARAMS_DAMAGED');
  return p as KdfParams;
}

/** Passphrase -> 32-byte key-encryption key. */
export async function deriveKek(
  passphrase: string,
  params: KdfParams,
  salt: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memory,
    hashLength: 32,
    outputType: 'binary',
  });
  return new Uint8Array(out);
}
