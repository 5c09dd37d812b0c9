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

/** What the page is doing besides the background's state. */
export interface SyncMoment {
  /** The switch was just ticked: sync turns on once the passphrase is confirmed. */
  asking?: boolean;
  /** Sync was just turned off on this computer: say what stays where. */
  stopped?: boolean;
}

/**
 * The settings page's sync state in words. `when` formats a time (the page's locale). The
 * state line follows the switch: ticked and waiting for the passphrase, it never says "off".
 */
export function syncWords(
  status: SyncStatusView,
  t: Translate,
  when: (at: number) => string,
  moment: SyncMoment = {},
): SyncWords {
  if (!status.enabled && moment.asking) return { state: t('syncTurningOn'), details: [] };
  if (!status.enabled) return { state: t('syncOff'), details: moment.stopped ? [t('syncStoppedWhere')] : [] };
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
    case 'newerVersion':
      return t('syncProblemNewerVersion');
    case 'quota':
      return t('syncProblemQuota');
    default:
      return t('syncProblemFailed');
  }
}
