import { t } from '@/lib/i18n';
import { NewPassphraseForm } from './NewPassphraseForm';

interface Props {
  onCreate: (passphrase: string) => Promise<void>;
}

export function CreateVaultForm({ onCreate }: Props) {
  return (
    <NewPassphraseForm
      label={t('createVault')}
      passphraseLabel={t('passphrase')}
      confirmLabel={t('confirmPassphrase')}
      submitLabel={t('createVault')}
      autoFocus
      onSubmit={onCreate}
    >
      <p>{t('createVaultIntro')}</p>
    </NewPassphraseForm>
  );
}
