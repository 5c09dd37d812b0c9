import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ErrorAlert } from './ErrorAlert';
import { PassphraseField } from './PassphraseField';
import { useSubmit } from './useSubmit';

interface Props {
  onUnlock: (passphrase: string) => Promise<void>;
}

export function UnlockForm({ onUnlock }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(() => onUnlock(passphrase));

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
      <ErrorAlert error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('working') : t('unlock')}
      </button>
    </form>
  );
}
