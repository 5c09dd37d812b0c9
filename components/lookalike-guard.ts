import type { LookalikeWarning } from '@/lib/messaging';

/** What a copy does now: copy, stop at "Copy anyway", or wait for the phishing check's answer. */
export type CopyDecision = 'copy' | 'blocked' | 'wait';

/**
 * On a page imitating an enrolled site, the imitated site's codes are the ones a phishing page
 * wants: copying one needs "Copy anyway" first. Other accounts are never held back. Until the
 * check answered (`verdict` undefined; null: the page imitates nothing) no copy is made: it waits.
 */
export function copyDecision(
  verdict: LookalikeWarning | null | undefined,
  copyAnywayChosen: boolean,
  accountId: string,
): CopyDecision {
  if (verdict === undefined) return 'wait';
  return !copyAnywayChosen && verdict !== null && verdict.accountIds.includes(accountId) ? 'blocked' : 'copy';
}
