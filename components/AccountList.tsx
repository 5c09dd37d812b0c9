import type { AccountView } from '@/lib/otp/account';
import { t } from '@/lib/i18n';
import { CodeRow } from './CodeRow';

interface Props {
  accounts: AccountView[];
  now: number;
  onDelete: (account: AccountView) => void;
}

export function AccountList({ accounts, now, onDelete }: Props) {
  if (accounts.length === 0) return <p class="empty">{t('noAccounts')}</p>;
  return (
    <ul class="accounts" aria-label={t('accounts')}>
      {accounts.map((account) => (
        <CodeRow key={account.id} account={account} now={now} onDelete={onDelete} />
      ))}
    </ul>
  );
}
