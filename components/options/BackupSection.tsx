import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupFileName } from '../add-account';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { saveSettings } from '@/lib/settings';
import { MIN_BACKUP_PASSPHRASE } from '@/lib/transfer/backup';
import { PassphraseField } from '../PassphraseField';
import { ErrorAlert } from '../ErrorAlert';
import { useSubmit } from '../useSubmit';
import { downloadText } from './download';

/** "Export backup": the Twofold encrypted backup, made in the background with a fresh key. */
export function BackupSection() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState('');
  const headingId = useId();
  const { busy, error, submit } = useSubmit(async () => {
    setDone('');
    if (passphrase.length < MIN_BACKUP_PASSPHRASE) {
      throw new Error(t('backupPassphraseShort', String(MIN_BACKUP_PASSPHRASE)));
    }
    if (passphrase !== confirm) throw new Error(t('passphraseMismatch'));
    const { text, count } = await sendMessage('export:backup', { passphrase });
    const name = backupFileName(new Date());
    downloadText(text, name, 'application/json');
    await saveSettings(browser.storage.local, { backupNudgeDismissed: true });
    setPassphrase('');
    setConfirm('');
    setDone(t('backupDone', [String(count), name]));
  });

  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionBackup')}</h2>
      <p>{t('backupIntro')}</p>
      <form class="stack" onSubmit={submit} aria-busy={busy} aria-label={t('sectionBackup')}>
        <PassphraseField
          label={t('backupPassphrase')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="new-password"
        />
        <PassphraseField
          label={t('confirmBackupPassphrase')}
          value={confirm}
          onInput={setConfirm}
          autoComplete="new-password"
        />
        <ErrorAlert error={error} />
        <p class="status" role="status">
          {done}
        </p>
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('working') : t('exportBackup')}
          </button>
        </div>
      </form>
    </section>
  );
}
