import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { passphraseStrength } from './passphrase-strength';
import { ErrorAlert } from './ErrorAlert';
import { PassphraseField } from './PassphraseField';
import { useSubmit } from './useSubmit';

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
  const hintId = useId();
  const strength = passphraseStrength(passphrase);
  const { busy, error, submit } = useSubmit(async () => {
    if (passphrase !== confirm) throw new Error(t('passphraseMismatch'));
    await onCreate(passphrase);
  });

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
      <ErrorAlert error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('working') : t('createVault')}
      </button>
    </form>
  );
}
