import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { canMove, filterAccounts } from '@/lib/order/account-order';
import { dropOrder, sortAccounts } from '@/lib/order/account-sort';
import { lastUsedAtOpen, lastUsedOf } from '@/lib/order/first-screen';
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
  const { accounts, activeOrigin, settings, complete } = list;
  const guard = useLookalikeGuard(list.lookalike, accounts, list.actions.copy, list.status.show);
  const actions = { ...list.actions, copy: guard.copy };
  const count = accounts?.length ?? 0;
  const sort = sortChoice ?? settings?.accountSort ?? 'manual';
  // Last use as it was when the popup opened (or the sort changed): a copy never moves the rows.
  // Fixed once the whole list came; the first screen keeps the uses it was drawn with.
  const firstShown = useRef<AccountView[] | undefined>();
  if (accounts && !firstShown.current) firstShown.current = accounts;
  const usedAtOpen = useRef<Record<string, number> | undefined>();
  if (accounts && complete && !usedAtOpen.current)
    usedAtOpen.current = lastUsedAtOpen(accounts, firstShown.current);

  // Open on search: typing a few letters is the quickest way to a code among many.
  const hasSearch = count > 0 && settings !== undefined;
  useEffect(() => {
    if (hasSearch) searchRef.current?.focus();
  }, [hasSearch]);

  // The first screen alone is a prefix of the whole list in this sort: searching it finds the first
  // matches of the whole list, in their places (lib/order/first-screen.ts).
  const shown = useMemo(
    () =>
      sortAccounts(
        filterAccounts(accounts ?? [], query),
        sort,
        activeOrigin,
        usedAtOpen.current ?? lastUsedOf(accounts ?? []),
      ),
    [accounts, query, activeOrigin, sort, complete],
  );
  // Reordering needs every account's place; the first screen alone would drop the others' order.
  const reorderable = sort === 'manual' && query.trim() === '' && complete;

  function chooseSort(next: AccountSort) {
    if (accounts) usedAtOpen.current = lastUsedOf(accounts);
    setSortChoice(next);
    void saveSettings(browser.storage.local, { accountSort: next });
  }

  // Enter copies the only match, which the first screen alone cannot tell: pressed before the
  // rest came, it is answered once it came, if the search is still the same.
  const enterWaiting = useRef<string | undefined>();
  /** What a key pressed in the search does to the rows shown; false: nothing. */
  function searchKey(key: string): boolean {
    const action = searchKeyAction(key, shown.length);
    if (!action) return false;
    if (action.kind === 'copy') actions.copy(shown[action.index]!);
    else listRef.current?.querySelectorAll<HTMLElement>('li.account button.code')[action.index]?.focus();
    return true;
  }
  function onSearchKey(event: KeyboardEvent) {
    if (event.key === 'Enter' && !complete) {
      event.preventDefault();
      enterWaiting.current = query;
      return;
    }
    if (searchKey(event.key)) event.preventDefault();
  }
  useEffect(() => {
    if (!complete || enterWaiting.current === undefined) return;
    const asked = enterWaiting.current;
    enterWaiting.current = undefined;
    if (asked === query) searchKey('Enter');
  }, [complete]);

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
              // Another sort's first screen is not the one drawn: it waits for the whole list.
              disabled={!complete}
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
            // No match on the first screen may still be one further down: said once it came.
            <p class="empty">{complete ? t('noMatches', [query.trim()]) : t('loading')}</p>
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
