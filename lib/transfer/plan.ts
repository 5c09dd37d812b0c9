/**
 * Import preview: what each incoming account would be next to the vault's accounts.
 * - duplicate: the same secret (and the same origin when both are bound): importing it again
 *   would only add a second copy of one account.
 * - conflict: the same issuer and name with a different secret: often a re-enrolment, where the
 *   old secret no longer works; the user decides (keep both, replace, skip).
 * - new: anything else.
 */
import type { StoredAccount } from '../otp/account';
import { importSecret } from './entry';
import type { ImportedAccount } from './types';

export type PlanStatus = 'new' | 'duplicate' | 'conflict';

export interface PlanItem {
  account: ImportedAccount;
  status: PlanStatus;
  existingId?: string;
}

function canonicalSecret(secret: string): string {
  try {
    return importSecret(secret);
  } catch {
    return secret;
  }
}

function nameKey(a: { issuer: string; label: string }): string {
  return `${a.issuer.normalize('NFC').trim().toLowerCase()}\u0000${a.label.normalize('NFC').trim().toLowerCase()}`;
}

export function planImport(existing: StoredAccount[], incoming: ImportedAccount[]): PlanItem[] {
  const bySecret = new Map<string, StoredAccount[]>();
  const byName = new Map<string, StoredAccount[]>();
  for (const account of existing) {
    const secret = canonicalSecret(account.secret);
    bySecret.set(secret, [...(bySecret.get(secret) ?? []), account]);
    const name = nameKey(account);
    byName.set(name, [...(byName.get(name) ?? []), account]);
  }
  return incoming.map((account) => {
    const secret = canonicalSecret(account.secret);
    const same = (bySecret.get(secret) ?? []).find(
      (e) => !e.origin || !account.origin || e.origin === account.origin,
    );
    if (same) return { account, status: 'duplicate', existingId: same.id };
    const named = account.issuer.trim() !== '' || account.label.trim() !== '';
    const namesake = !named
      ? undefined
      : (byName.get(nameKey(account)) ?? []).find((e) => canonicalSecret(e.secret) !== secret);
    if (namesake) return { account, status: 'conflict', existingId: namesake.id };
    return { account, status: 'new' };
  });
}
