import type { AccountView } from '@/lib/otp/account';
import { groupDigits } from '@/lib/format-code';
import { accountName as displayName } from '@/lib/account-name';
import { t } from '@/lib/i18n';
import { CountdownRing } from './CountdownRing';

interface Props {
  account: AccountView;
  now: number;
  onDelete: (account: AccountView) => void;
}

export { accountName as displayName } from '@/lib/account-name';

export function CodeRow({ account, now, onDelete }: Props) {
  const remaining =
    account.expiresAt === undefined ? undefined : Math.max(0, Math.ceil((account.expiresAt - now) / 1000));
  return (
    <li class="account">
      <div class="account-names">
        <span class="issuer">{account.issuer || account.label}</span>
        {account.issuer && <span class="label">{account.label}</span>}
      </div>
      <output class="code" aria-label={t('codeFor', displayName(account))}>
        {groupDigits(account.code)}
      </output>
      {remaining !== undefined && <CountdownRing remaining={remaining} period={account.period} />}
      <button
        type="button"
        class="icon-button"
        aria-label={`${t('delete')} ${displayName(account)}`}
        onClick={() => onDelete(account)}
      >
        ×
      </button>
    </li>
  );
}
