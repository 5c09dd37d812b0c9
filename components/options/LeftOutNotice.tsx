import { errorMessage, t } from '@/lib/i18n';
import type { LeftOutAccount } from '@/lib/transfer';

/**
 * Accounts an export left out because they cannot make a code, each named with why: nothing is
 * dropped silently, and the rest is exported.
 */
export function LeftOutNotice({ heading, accounts }: { heading: string; accounts: LeftOutAccount[] }) {
  if (accounts.length === 0) return null;
  return (
    <div class="notice stack" data-role="left-out">
      <p>{heading}</p>
      <ul>
        {accounts.map((a, index) => (
          <li key={index}>{t('leftOutItem', [a.name, errorMessage(a.code, a.params)])}</li>
        ))}
      </ul>
    </div>
  );
}
