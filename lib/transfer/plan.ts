/**
 * Import preview: what each incoming account would be next to the vault's accounts.
 * - duplicate: the same secret (and the same origin when both are bound): importing it again
 *   would only add a second copy of one account.
 * - conflict: the same issuer and name with a different secret: often a re-enrolment, where the
 *   old secret no longer works; the user decides (keep both, replace, skip).
 * - repeat: the same secret as an earlier row of the same file (and a compatible origin): one
 *   account listed twice; only the first row can be added.
 * - new: anything else.
 */
import type { StoredAccount } from '../otp/account';
import { importSecret } from './entry';
import type { ImportedAccount } from './types';

export type PlanStatus = 'new' | 'duplicate' | 'conflict' | 'repeat';

export interface PlanItem {
  account: ImportedAccount;
  status: PlanStatus;
  existingId?: string;
  /** repeat: the index of the first row in the file with this secret. */
  repeatOf?: number;
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
  const compatible = (origin: string | undefined) => (e: { origin?: string }) =>
    !e.origin || !origin || e.origin === origin;
  const earlierRows = new Map<string, { index: number; origin?: string }[]>();
  return incoming.map((account, index): PlanItem => {
    const secret = canonicalSecret(account.secret);
    const same = (bySecret.get(secret) ?? []).find(compatible(account.origin));
    if (same) return { account, status: 'duplicate', existingId: same.id };
    const rows = earlierRows.get(secret) ?? [];
    const first = rows.find(compatible(account.origin));
    earlierRows.set(secret, [...rows, { index, ...(account.origin ? { origin: account.origin } : {}) }]);
    if (first) return { account, status: 'repeat', repeatOf: first.index };
    const named = account.issuer.trim() !== '' || account.label.trim() !== '';
    const namesake = !named
      ? undefined
      : (byName.get(nameKey(account)) ?? []).find((e) => canonicalSecret(e.secret) !== secret);
    if (namesake) return { account, status: 'conflict', existingId: namesake.id };
    return { account, status: 'new' };
  });
}
