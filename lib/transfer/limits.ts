/**
 * What one import may cost. A file is untrusted input: it chooses its own key-derivation
 * parameters and its own size, so without bounds a crafted backup pins the browser for minutes
 * and gigabytes before the password is even checked. Real exports stay far below these
 * (Aegis scrypt N=2^15, Bitwarden Argon2id 64 MiB × 3 or PBKDF2 600k, Twofold 64 MiB × 3).
 */
import { TwofoldError } from '../errors';
import { FORMAT_NAMES, type FormatId } from './types';

export const IMPORT_LIMITS = {
  argon2MemoryKiB: 256 * 1024,
  argon2Passes: 10,
  scryptN: 2 ** 18,
  /** scrypt memory is 128·N·r bytes; its time grows with N·r·p. */
  scryptMemoryBytes: 256 * 1024 * 1024,
  scryptWork: 2 ** 18 * 8,
  pbkdf2Iterations: 2_000_000,
  accounts: 5_000,
} as const;

function tooCostly(format: FormatId, asked: string, allowed: string): TwofoldError {
  return new TwofoldError('IMPORT_TOO_COSTLY', [FORMAT_NAMES[format], asked, allowed]);
}

/** Argon2id: memory in KiB. Throws IMPORT_TOO_COSTLY above the bounds. */
export function checkArgon2Cost(format: FormatId, memoryKiB: number, passes: number): void {
  const { argon2MemoryKiB, argon2Passes } = IMPORT_LIMITS;
  if (memoryKiB > argon2MemoryKiB || passes > argon2Passes) {
    throw tooCostly(
      format,
      `Argon2id ${Math.round(memoryKiB / 1024)} MiB × ${passes} passes`,
      `${argon2MemoryKiB / 1024} MiB × ${argon2Passes} passes`,
    );
  }
}

export function checkScryptCost(format: FormatId, n: number, r: number, p: number): void {
  const { scryptN, scryptMemoryBytes, scryptWork } = IMPORT_LIMITS;
  if (n > scryptN || 128 * n * r > scryptMemoryBytes || n * r * p > scryptWork) {
    throw tooCostly(format, `scrypt N=2^${Math.round(Math.log2(n))}, r=${r}, p=${p}`, `N=2^18, r=8, p=1`);
  }
}

export function checkPbkdf2Cost(format: FormatId, iterations: number): void {
  if (iterations > IMPORT_LIMITS.pbkdf2Iterations) {
    throw tooCostly(
      format,
      `PBKDF2 ${iterations.toLocaleString('en')} iterations`,
      `${IMPORT_LIMITS.pbkdf2Iterations.toLocaleString('en')}`,
    );
  }
}

export function checkAccountCount(count: number): void {
  if (count > IMPORT_LIMITS.accounts) {
    throw new TwofoldError('IMPORT_TOO_MANY', [count, IMPORT_LIMITS.accounts]);
  }
}
