import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { PassphraseField } from './PassphraseField';

interface Props {
  onUnlock: (passphrase: string) => Promise<void>;
}

export function UnlockForm({ onUnlock }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onUnlock(passphrase);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} aria-busy={busy}>
      <p>{t('unlockIntro')}</p>
      <PassphraseField
        label={t('passphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="current-password"
        autoFocus
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('working') : t('unlock')}
      </button>
    </form>
  );
}
