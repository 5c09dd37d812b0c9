import { useId } from 'preact/hooks';
import type { browser as extensionBrowser } from 'wxt/browser';
import { t } from '@/lib/i18n';

interface Props {
  onBackUp: () => void;
  onDismiss: () => void;
}

/**
 * One line, shown once accounts exist, until dismissed or a backup is exported (settings
 * remember). Short on purpose so the codes stay in view; the reason is its description.
 */
export function BackupNudge({ onBackUp, onDismiss }: Props) {
  const whyId = useId();
  return (
    <aside class="nudge" aria-label={t('nudgeTitle')} aria-describedby={whyId}>
      <span class="nudge-text" title={t('nudgeText')}>
        {t('nudgeLine')}
      </span>
      <span id={whyId} class="visually-hidden">
        {t('nudgeText')}
      </span>
      <button type="button" class="link" onClick={onBackUp}>
        {t('nudgeAction')}
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={t('dismiss')}
        title={t('dismiss')}
        onClick={onDismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </aside>
  );
}

/** "Back up now": Settings opened at the backup section (its first field takes the focus there). */
export function openBackupSection(
  browser: typeof extensionBrowser,
  popup: Pick<Window, 'close'>,
): Promise<void> {
  return openSettingsAt(browser, popup, 'backup');
}

/** Settings opened at one section (its first field takes the focus there), the popup closed. */
export async function openSettingsAt(
  browser: typeof extensionBrowser,
  popup: Pick<Window, 'close'>,
  section: string,
): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
  popup.close();
}
