import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import type { AccountView } from '@/lib/otp/account';
import { t } from '@/lib/i18n';
import { AccountList } from './AccountList';
import { AddAccountForm } from './AddAccountForm';
import { displayName } from './CodeRow';
import { ScanPanel } from './ScanPanel';
import { useNow } from './useNow';

interface Props {
  onLock: () => Promise<void>;
}

/** The unlocked popup: codes, add, lock. Codes come from the background; secrets never do. */
export function AccountsView({ onLock }: Props) {
  const [accounts, setAccounts] = useState<AccountView[] | undefined>();
  const [adding, setAdding] = useState(false);
  const [scanRequest, setScanRequest] = useState(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const now = useNow();

  const refresh = useCallback(async () => {
    try {
      setAccounts(await sendMessage('accounts:list'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Fetch fresh codes when the earliest one expires.
  const nextExpiry = Math.min(...(accounts ?? []).map((a) => a.expiresAt ?? Infinity));
  useEffect(() => {
    if (nextExpiry !== Infinity && now >= nextExpiry) void refresh();
  }, [now, nextExpiry, refresh]);

  async function save(uri: string, website: string) {
    await sendMessage('accounts:addUri', { uri, ...(website.trim() ? { website } : {}) });
    setAdding(false);
    setStatus(t('accountAdded'));
    await refresh();
  }

  async function remove(account: AccountView) {
    if (!confirm(t('confirmDelete', displayName(account)))) return;
    await sendMessage('accounts:delete', { id: account.id });
    await refresh();
  }

  return (
    <section class="stack">
      <div class="toolbar">
        <button type="button" onClick={() => setScanRequest((n) => n + 1)}>
          {t('scanQrCode')}
        </button>
        <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
          {t('addAccount')}
        </button>
        <button type="button" onClick={() => void onLock()}>
          {t('lock')}
        </button>
      </div>
      <p class="status" role="status">
        {status}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ScanPanel request={scanRequest} onSaved={() => void refresh()} />
      {adding && <AddAccountForm onSave={save} onCancel={() => setAdding(false)} />}
      {accounts === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <AccountList accounts={accounts} now={now} onDelete={(a) => void remove(a)} />
      )}
    </section>
  );
}
