import type { LookalikeWarning } from '@/lib/messaging';

/**
 * On a page imitating an enrolled site, the imitated site's codes are the ones a phishing page
 * wants: copying one needs "Copy anyway" first. Other accounts are never held back.
 */
export function copyBlocked(
  warning: LookalikeWarning | undefined,
  copyAnywayChosen: boolean,
  accountId: string,
): boolean {
  return !copyAnywayChosen && warning !== undefined && warning.accountIds.includes(accountId);
}
