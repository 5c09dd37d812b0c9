import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { passphraseStrength } from '@/lib/passphrase-strength';
import { PassphraseField } from './PassphraseField';

const STRENGTH_TEXT = {
  weak: 'strengthWeak',
  fair: 'strengthFair',
  good: 'strengthGood',
  strong: 'strengthStrong',
} as const;

interface Props {
  onCreate: (passphrase: string) => Promise<void>;
}

export function CreateVaultForm({ onCreate }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const hintId = useId();
  const strength = passphraseStrength(passphrase);

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase !== confirm) {
      setError(t('passphraseMismatch'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onCreate(passphrase);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} aria-busy={busy}>
      <p>{t('createVaultIntro')}</p>
      <PassphraseField
        label={t('passphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="new-password"
        autoFocus
        describedBy={hintId}
      />
      <p id={hintId} class={`strength strength-${strength}`} aria-live="polite">
        {passphrase ? `${t('strengthLabel')}: ${t(STRENGTH_TEXT[strength])}` : ''}
      </p>
      <PassphraseField
        label={t('confirmPassphrase')}
        value={confirm}
        onInput={setConfirm}
        autoComplete="new-password"
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('working') : t('createVault')}
      </button>
    </form>
  );
}
