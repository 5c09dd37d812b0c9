import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { canMove, filterAccounts, orderAccounts } from './account-order';
import { t } from '@/lib/i18n';
import { AccountList } from './AccountList';
import { AddAccountForm } from './AddAccountForm';
import { BackupNudge, openBackupSection } from './BackupNudge';
import type { PopupPrefetch } from './prefetch';
import { ScanPanel } from './ScanPanel';
import { SiteAccess } from './SiteAccess';
import { useAccounts } from './useAccounts';

interface Props {
  /** The list and tab origin asked for at popup start (used on the first mount only). */
  prefetch?: PopupPrefetch;
}

/**
 * The unlocked popup: codes (this site's first, then pinned, then the rest), search, copy,
 * add, edit, pin, reorder, delete. Codes come from the background; secrets never do. One
 * clock drives every countdown. Lock and settings sit in the popup's header.
 */
export function AccountsView({ prefetch }: Props) {
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [scanRequest, setScanRequest] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const list = useAccounts(prefetch, () => searchRef.current?.focus());
  const { accounts, activeOrigin, settings } = list;
  const count = accounts?.length ?? 0;

  // Open on search: typing a few letters is the quickest way to a code among many.
  const hasSearch = count > 0;
  useEffect(() => {
    if (hasSearch) searchRef.current?.focus();
  }, [hasSearch]);

  const shown = useMemo(
    () => orderAccounts(filterAccounts(accounts ?? [], query), activeOrigin),
    [accounts, query, activeOrigin],
  );

  async function save(uri: string, website: string) {
    await list.add(uri, website);
    setAdding(false);
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
      </div>
      {/* Overlaid at the bottom: a message never moves the list under the pointer. */}
      <p class={`status toast${list.status ? ' shown' : ''}`} role="status">
        {list.status}
      </p>
      {list.error && (
        <p role="alert" class="error">
          {list.error}
        </p>
      )}
      <ScanPanel request={scanRequest} onSaved={() => void list.refresh()} />
      <SiteAccess />
      {adding && <AddAccountForm onSave={save} onCancel={() => setAdding(false)} />}
      {settings && count > 0 && !settings.backupNudgeDismissed && (
        <BackupNudge
          onBackUp={() => void openBackupSection(browser, window)}
          onDismiss={() => void list.dismissNudge()}
        />
      )}
      {accounts === undefined ? (
        <p>{t('loading')}</p>
      ) : count === 0 ? (
        <div class="empty stack">
          <p>{t('noAccounts')}</p>
          <p>{t('emptyHow')}</p>
        </div>
      ) : (
        <>
          <input
            ref={searchRef}
            type="search"
            class="search"
            aria-label={t('searchAccounts')}
            placeholder={t('searchAccounts')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {shown.length === 0 ? (
            <p class="empty">{t('noMatches', [query.trim()])}</p>
          ) : (
            <AccountList
              accounts={shown}
              activeOrigin={activeOrigin}
              now={list.now}
              modes={list.modes}
              copiedId={list.copiedId}
              movable={(account, delta) =>
                query.trim() === '' && canMove(accounts, account.id, delta, activeOrigin)
              }
              actions={list.actions}
            />
          )}
        </>
      )}
    </section>
  );
}
