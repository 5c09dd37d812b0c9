import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupFileName } from '../add-account';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { saveSettings } from '@/lib/settings';
import { MIN_BACKUP_PASSPHRASE } from '@/lib/transfer/backup';
import { NewPassphraseForm } from '../NewPassphraseForm';
import { downloadText } from './download';
import { LeftOutNotice } from './LeftOutNotice';
import type { LeftOutAccount } from '@/lib/transfer';

/** "Export backup": the Twofold encrypted backup, made in the background with a fresh key. */
export function BackupSection() {
  const headingId = useId();
  const [leftOut, setLeftOut] = useState<LeftOutAccount[]>([]);
  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionBackup')}</h2>
      <p>{t('backupIntro')}</p>
      <NewPassphraseForm
        label={t('sectionBackup')}
        passphraseLabel={t('backupPassphrase')}
        confirmLabel={t('confirmBackupPassphrase')}
        submitLabel={t('exportBackup')}
        minLength={{
          chars: MIN_BACKUP_PASSPHRASE,
          message: t('backupPassphraseShort', [MIN_BACKUP_PASSPHRASE]),
        }}
        onSubmit={async (passphrase) => {
          setLeftOut([]);
          const { text, count, leftOut: left } = await sendMessage('export:backup', { passphrase });
          setLeftOut(left);
          const name = backupFileName(new Date());
          downloadText(text, name, 'application/json');
          await saveSettings(browser.storage.local, {
            backupNudgeDismissed: true,
            backupNudgeDismissedAt: Date.now(),
          });
          return t('backupDone', count, [count, name]);
        }}
      />
      <LeftOutNotice heading={t('backupLeftOut', leftOut.length, [leftOut.length])} accounts={leftOut} />
    </section>
  );
}
