import type { Translate } from '@/lib/i18n';
import type { SyncStatusView } from '@/lib/protocol/sync';

export interface SyncWords {
  /** "Sync is on." / "Sync is off." */
  state: string;
  /** Last change sent and received, space used; empty while off. */
  details: string[];
  /** What is wrong and what to do about it. */
  problem?: string;
  /** Changes that were altered or replayed and ignored. */
  notice?: string;
}

/** The settings page's sync state in words. `when` formats a time (the page's locale). */
export function syncWords(status: SyncStatusView, t: Translate, when: (at: number) => string): SyncWords {
  if (!status.enabled) return { state: t('syncOff'), details: [] };
  const at = (value: number | undefined) => (value ? when(value) : t('syncNever'));
  return {
    state: t('syncOn'),
    details: [
      t('syncLastSent', [at(status.lastSentAt)]),
      t('syncLastReceived', [at(status.lastReceivedAt)]),
      t('syncSpace', status.accounts, [status.percent, status.accounts]),
    ],
    ...(status.problem ? { problem: problemText(status, t) } : {}),
    ...(status.ignored > 0 ? { notice: t('syncIgnored', status.ignored) } : {}),
  };
}

function problemText(status: SyncStatusView, t: Translate): string {
  switch (status.problem) {
    case 'full':
      return t('syncProblemFull', [status.percent]);
    case 'tooLarge':
      return t('syncProblemTooLarge');
    case 'keyChanged':
      return t('syncProblemKeyChanged');
    case 'otherVault':
      return t('syncProblemOtherVault');
    case 'quota':
      return t('syncProblemQuota');
    default:
      return t('syncProblemFailed');
  }
}
