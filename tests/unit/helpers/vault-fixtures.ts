import type { StoredAccount } from '@/lib/otp/account';
import type { VaultPayload } from '@/lib/vault/store';

/** Argon2id at its floor: the logic under test, not the KDF's cost. */
export const FAST_KDF = { memory: 256, iterations: 1, parallelism: 1 };

/** A plain TOTP account, distinct by `n` (id, label, times). */
export function storedAccount(n: number): StoredAccount {
  return {
    id: `id-${n}`,
    type: 'totp',
    issuer: 'Example',
    label: `user${n}@example.com`,
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    createdAt: n,
    updatedAt: n,
  };
}

/** A vault update that appends one account. */
export const addAccount =
  (a: StoredAccount) =>
  (p: VaultPayload): VaultPayload => ({ ...p, accounts: [...p.accounts, a] });
