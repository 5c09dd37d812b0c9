import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { canMove, filterAccounts } from './account-order';
import { dropOrder, sortAccounts } from './account-sort';
import { t } from '@/lib/i18n';
import { ACCOUNT_SORTS, saveSettings, type AccountSort } from '@/lib/settings';
import type { AccountView } from '@/lib/otp';
import { searchKeyAction } from './list-keys';
import { AccountList } from './AccountList';
import { AddAccountForm } from './AddAccountForm';
import { BackupNudge, openBackupSection } from './BackupNudge';
import { LookalikeWarning, useLookalikeGuard } from './LookalikeWarning';
import type { PopupPrefetch } from './prefetch';
import { ScanPanel } from './ScanPanel';
import { SiteAccess } from './SiteAccess';
import { useAccounts } from './useAccounts';

interface Props {
  /** The popup's start answer (used on the first mount only). */
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
  const [sortChoice, setSortChoice] = useState<AccountSort | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const keysHintId = useId();
  const list = useAccounts(
    prefetch,
    () => searchRef.current?.focus(),
    () => (undoRef.current ?? searchRef.current)?.focus(),
  );
  const { accounts, activeOrigin, settings } = list;
  const guard = useLookalikeGuard(list.lookalike, accounts, list.actions.copy, list.status.show);
  const actions = { ...list.actions, copy: guard.copy };
  const count = accounts?.length ?? 0;
  const sort = sortChoice ?? settings?.accountSort ?? 'manual';
  // Last use as it was when the popup opened (or the sort changed): a copy never moves the rows.
  const usedAtOpen = useRef<Record<string, number> | undefined>();
  if (accounts && !usedAtOpen.current) usedAtOpen.current = lastUsedOf(accounts);

  // Open on search: typing a few letters is the quickest way to a code among many.
  const hasSearch = count > 0 && settings !== undefined;
  useEffect(() => {
    if (hasSearch) searchRef.current?.focus();
  }, [hasSearch]);

  const shown = useMemo(
    () => sortAccounts(filterAccounts(accounts ?? [], query), sort, activeOrigin, usedAtOpen.current),
    [accounts, query, activeOrigin, sort],
  );
  const reorderable = sort === 'manual' && query.trim() === '';

  function chooseSort(next: AccountSort) {
    if (accounts) usedAtOpen.current = lastUsedOf(accounts);
    setSortChoice(next);
    void saveSettings(browser.storage.local, { accountSort: next });
  }

  function onSearchKey(event: KeyboardEvent) {
    const action = searchKeyAction(event.key, shown.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'copy') actions.copy(shown[action.index]!);
    else listRef.current?.querySelectorAll<HTMLElement>('li.account button.code')[action.index]?.focus();
  }

  function onDrop(dragged: string, target: string, place: 'before' | 'after') {
    const moved = accounts?.find((a) => a.id === dragged);
    const ids = accounts && dropOrder(accounts, dragged, target, place, activeOrigin);
    if (moved && ids) list.reorder(ids, moved);
  }

  async function save(uri: string, website: string) {
    await list.add(uri, website);
    setAdding(false);
  }

  return (
    <section class="stack">
      {guard.warning && <LookalikeWarning warning={guard.warning} guard={guard} />}
      <div class="toolbar">
        <button type="button" onClick={() => setScanRequest((n) => n + 1)}>
          {t('scanQrCode')}
        </button>
        <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
          {t('addAccount')}
        </button>
      </div>
      {list.error && (
        <p role="alert" class="error">
          {list.error}
        </p>
      )}
      <ScanPanel request={scanRequest} onSaved={() => void list.refresh()} />
      <SiteAccess />
      {adding && <AddAccountForm siteOrigin={activeOrigin} onSave={save} onCancel={() => setAdding(false)} />}
      {settings && count > 0 && !settings.backupNudgeDismissed && (
        <BackupNudge
          onBackUp={() => void openBackupSection(browser, window)}
          onDismiss={() => void list.dismissNudge()}
        />
      )}
      {/* The order is known before the first row is drawn: rows never jump once shown. */}
      {accounts === undefined || settings === undefined ? (
        <p>{t('loading')}</p>
      ) : count === 0 ? (
        <EmptyState />
      ) : (
        <>
          <div class="list-tools">
            <input
              ref={searchRef}
              type="search"
              class="search"
              aria-label={t('searchAccounts')}
              aria-describedby={keysHintId}
              placeholder={t('searchAccounts')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={onSearchKey}
            />
            <span id={keysHintId} class="visually-hidden">
              {t('searchKeysHint')}
            </span>
            <select
              aria-label={t('sortLabel')}
              title={t('sortLabel')}
              value={sort}
              onChange={(e) => chooseSort(e.currentTarget.value as AccountSort)}
            >
              {ACCOUNT_SORTS.map((value) => (
                <option key={value} value={value}>
                  {t(SORT_NAMES[value])}
                </option>
              ))}
            </select>
          </div>
          {shown.length === 0 ? (
            <p class="empty">{t('noMatches', [query.trim()])}</p>
          ) : (
            <AccountList
              listRef={listRef}
              accounts={shown}
              activeOrigin={activeOrigin}
              now={list.now}
              modes={list.modes}
              copiedId={list.copiedId}
              movable={(account, delta) => reorderable && canMove(accounts, account.id, delta, activeOrigin)}
              draggable={reorderable && count > 1}
              onDrop={onDrop}
              onLeaveTop={() => searchRef.current?.focus()}
              actions={actions}
            />
          )}
        </>
      )}
      {/*
       * Last, in the flow: the list's last row scrolls clear of it, and its room is kept while
       * empty, so a message never moves the list under the pointer. A new node per message: a
       * repeated one is announced again.
       */}
      <div
        class={`status toast${list.status.text ? ' shown' : ''}`}
        // Held while someone reaches for Undo or is on it: the pointer over it, the focus in it.
        onPointerEnter={() => list.status.hold('pointer', true)}
        onPointerLeave={() => list.status.hold('pointer', false)}
        onFocusIn={() => list.status.hold('focus', true)}
        onFocusOut={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null))
            list.status.hold('focus', false);
        }}
      >
        <p role="status">{list.status.text && <span key={list.status.id}>{list.status.text}</span>}</p>
        {list.status.text && list.status.action && (
          <button
            type="button"
            ref={undoRef}
            class="toast-action"
            aria-label={list.status.action.name}
            onClick={list.status.action.run}
          >
            {list.status.action.label}
          </button>
        )}
      </div>
    </section>
  );
}

const SORT_NAMES = { manual: 'sortManual', name: 'sortName', recent: 'sortRecent' } as const;

function lastUsedOf(accounts: readonly AccountView[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of accounts) if (a.lastUsedAt !== undefined) out[a.id] = a.lastUsedAt;
  return out;
}

/** No account yet: how to get one, and a link to Settings' import for people coming from another app. */
function EmptyState() {
  const importUrl = `${browser.runtime.getURL('/options.html')}#import`;
  return (
    <div class="empty stack">
      <p>{t('noAccounts')}</p>
      <p>{t('emptyHow')}</p>
      <p>
        {t('emptyImportQuestion')}{' '}
        <a
          href={importUrl}
          target="_blank"
          rel="noopener"
          onClick={(event) => {
            // A tab of its own: the popup closes when it loses focus.
            event.preventDefault();
            void browser.tabs.create({ url: importUrl });
          }}
        >
          {t('emptyImportLink')}
        </a>
      </p>
    </div>
  );
}
