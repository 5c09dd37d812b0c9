import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n';

interface Props {
  onBackUp: () => void;
  onDismiss: () => void;
}

/** Shown once accounts exist, until dismissed or a backup is exported (settings remember). */
export function BackupNudge({ onBackUp, onDismiss }: Props) {
  const titleId = useId();
  return (
    <aside class="nudge stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('nudgeTitle')}</h2>
      <p>{t('nudgeText')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onBackUp}>
          {t('nudgeAction')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
    </aside>
  );
}
