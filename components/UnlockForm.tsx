import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { VaultState } from '@/lib/messaging';
import { ErrorAlert } from './ErrorAlert';
import { PassphraseField } from './PassphraseField';
import { PasskeyUnlock, usePasskeyCeremony } from './PasskeyUnlock';
import { useSubmit } from './useSubmit';

interface Props {
  onUnlock: (passphrase: string) => Promise<void>;
  /** Given by pages that offer passkey unlock (then offered first when one is set up). */
  onUnlocked?: (state: VaultState) => void;
}

export function UnlockForm({ onUnlock, onUnlocked }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [usePassphrase, setUsePassphrase] = useState(false);
  const ceremony = usePasskeyCeremony();
  const { busy, error, submit } = useSubmit(() => onUnlock(passphrase));

  if (onUnlocked && ceremony && !usePassphrase) {
    return (
      <PasskeyUnlock
        ceremony={ceremony}
        onUnlocked={onUnlocked}
        onPassphrase={() => setUsePassphrase(true)}
      />
    );
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
      <ErrorAlert error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('working') : t('unlock')}
      </button>
      {onUnlocked && ceremony && (
        <button type="button" onClick={() => setUsePassphrase(false)}>
          {t('passkeyUnlock')}
        </button>
      )}
    </form>
  );
}
