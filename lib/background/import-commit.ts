/**
 * What an import commit writes, from the person's choices on the preview. Planned again
 * against the vault as it is at commit time, so an account already in Twofold (same key,
 * compatible site) is never added twice whatever the page sends. Chosen otherwise:
 * - a new row is added;
 * - a repeat (same key as an earlier row of the file) is added too: the person wants both,
 *   typically one key used on two sites;
 * - a conflict (same name, other key) is added next to its namesake, or, when listed in
 *   `replace`, becomes its namesake's new key (the old key kept for undo, as a re-enrolment).
 */
import type { OtpAccount, StoredAccount } from '../otp';
import { planImport } from '../transfer/plan';
import type { ImportedAccount } from '../transfer/types';
import { newStoredAccount, replaceKey } from './accounts';

export interface ImportChoices {
  select: readonly number[];
  replace?: readonly number[];
}

export interface ImportOutcome {
  accounts: StoredAccount[];
  added: number;
  replaced: number;
}

function otpOf(incoming: ImportedAccount): OtpAccount {
  return {
    type: incoming.type,
    issuer: incoming.issuer,
    label: incoming.label,
    secret: incoming.secret,
    algorithm: incoming.algorithm,
    digits: incoming.digits,
    period: incoming.period,
    counter: incoming.counter,
    ...(incoming.encoder ? { encoder: incoming.encoder } : {}),
  };
}

export function applyImportChoices(
  saved: readonly StoredAccount[],
  incoming: readonly ImportedAccount[],
  choices: ImportChoices,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): ImportOutcome {
  const chosen = new Set(choices.select);
  const replace = new Set(choices.replace ?? []);
  const plan = planImport([...saved], [...incoming]);
  const accounts = [...saved];
  let added = 0;
  let replaced = 0;
  plan.forEach((item, index) => {
    if (!chosen.has(index) || item.status === 'duplicate') return;
    const account = incoming[index]!;
    const otp = otpOf(account);
    if (item.status === 'conflict' && replace.has(index)) {
      const at = accounts.findIndex((a) => a.id === item.existingId);
      const old = accounts[at];
      if (old) {
        accounts[at] = replaceKey(old, otp, now);
        replaced++;
        return;
      }
    }
    accounts.push({
      ...newStoredAccount(otp, account.origin, now, newId()),
      ...(account.pinned ? { pinned: true } : {}),
      ...(account.createdAt !== undefined ? { createdAt: account.createdAt } : {}),
      ...(account.previousKeys ? { previousKeys: account.previousKeys } : {}),
    });
    added++;
  });
  return { accounts, added, replaced };
}
