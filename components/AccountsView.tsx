import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { canMove, filterAccounts, moveAccount, orderAccounts } from './account-order';
import { ClipboardClearer } from './clipboard';
import { sendMessage } from '@/lib/messaging';
import { accountName, type AccountView } from '@/lib/otp';
import { t } from '@/lib/i18n';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { AccountList } from './AccountList';
import { AddAccountForm } from './AddAccountForm';
import type { RowActions, RowMode } from './CodeRow';
import { BackupNudge } from './BackupNudge';
import type { PopupPrefetch } from './prefetch';
import { ScanPanel } from './ScanPanel';
import { SiteAccess } from './SiteAccess';
import { useNow } from './useNow';
import { errorText } from './useSubmit';

interface Props {
  onLock: () => Promise<void>;
  /** The list and tab origin asked for at popup start (used on the first mount only). */
  prefetch?: PopupPrefetch;
}

/**
 * The unlocked popup: codes (this site's first, then pinned, then the rest), search, copy,
 * add, edit, pin, reorder, delete, lock and settings. Codes come from the background; secrets
 * never do. One clock (useNow) drives every countdown.
 */
export function AccountsView({ onLock, prefetch }: Props) {
  const [accounts, setAccounts] = useState<AccountView[] | undefined>();
  const [activeOrigin, setActiveOrigin] = useState<string | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [scanRequest, setScanRequest] = useState(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [modes, setModes] = useState<Record<string, RowMode>>({});
  const [copiedId, setCopiedId] = useState<string | undefined>();
  const focusAfter = useRef<{ id: string; role: string } | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);
  const now = useNow();

  const clearer = useMemo(
    () =>
      new ClipboardClearer({
        clipboard: navigator.clipboard,
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (handle) => window.clearTimeout(handle as number),
        // Losing focus, or the user copying or cutting text here, may replace our code.
        onBlur: (fn) => {
          const events = ['blur', 'copy', 'cut'] as const;
          events.forEach((e) => window.addEventListener(e, fn));
          return () => events.forEach((e) => window.removeEventListener(e, fn));
        },
      }),
    [],
  );
  useEffect(() => () => clearer.dispose(), [clearer]);

  const refresh = useCallback(async () => {
    try {
      setAccounts(await sendMessage('accounts:list'));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    const early = prefetch?.accounts();
    if (early) void early.then((list) => (list ? setAccounts(list) : refresh()));
    else void refresh();
    const origin = prefetch?.origin() ?? sendMessage('tabs:activeOrigin').then((reply) => reply.origin);
    void origin.then(setActiveOrigin).catch(() => undefined);
    void loadSettings(browser.storage.local).then(setSettings);
  }, [refresh, prefetch]);

  // Fetch fresh codes when the earliest one expires.
  const nextExpiry = useMemo(() => {
    let min = Infinity;
    for (const a of accounts ?? []) if (a.expiresAt !== undefined && a.expiresAt < min) min = a.expiresAt;
    return min;
  }, [accounts]);
  useEffect(() => {
    if (nextExpiry !== Infinity && now >= nextExpiry) void refresh();
  }, [now, nextExpiry, refresh]);

  // Keep focus on the control the user was using after the list re-rendered (move, cancel).
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    const row = document.querySelector(`[data-account-id="${CSS.escape(target.id)}"]`);
    const button = row?.querySelector<HTMLButtonElement>(`[data-role="${target.role}"]`);
    if (button && !button.disabled) {
      button.focus();
      focusAfter.current = undefined;
    } else if (button) {
      row?.querySelector<HTMLButtonElement>('[data-role="actions"]')?.focus();
      focusAfter.current = undefined;
    }
  });

  const shown = useMemo(
    () => orderAccounts(filterAccounts(accounts ?? [], query), activeOrigin),
    [accounts, query, activeOrigin],
  );

  function setMode(account: AccountView, mode: RowMode) {
    setModes(mode === 'idle' ? {} : { [account.id]: mode });
    if (mode === 'actions') focusAfter.current = { id: account.id, role: 'actions' };
  }

  async function run(action: () => Promise<void>) {
    setError('');
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const actions: RowActions = {
    copy: (account) =>
      void run(async () => {
        const seconds = settings?.clipboardClearSeconds ?? 0;
        await clearer.copy(account.code, seconds);
        setCopiedId(account.id);
        window.setTimeout(() => setCopiedId((id) => (id === account.id ? undefined : id)), 1500);
        setStatus(seconds > 0 ? t('copiedWillClear', String(seconds)) : t('copied'));
      }),
    setMode,
    togglePin: (account) =>
      void run(async () => {
        await sendMessage('accounts:update', { id: account.id, patch: { pinned: !account.pinned } });
        setStatus(t(account.pinned ? 'unpinned' : 'pinned', accountName(account)));
        focusAfter.current = { id: account.id, role: 'actions' };
        setModes({});
        await refresh();
      }),
    move: (account, delta) =>
      void run(async () => {
        if (!accounts) return;
        const ids = moveAccount(accounts, account.id, delta, activeOrigin);
        if (!ids) return;
        const byId = new Map(accounts.map((a) => [a.id, a]));
        setAccounts(ids.map((id) => byId.get(id)!));
        focusAfter.current = { id: account.id, role: delta < 0 ? 'move-up' : 'move-down' };
        await sendMessage('accounts:reorder', { ids });
        setStatus(t(delta < 0 ? 'movedUp' : 'movedDown', accountName(account)));
      }),
    rename: async (account, issuer, label) => {
      await sendMessage('accounts:update', { id: account.id, patch: { issuer, label } });
      setStatus(t('changesSaved'));
      focusAfter.current = { id: account.id, role: 'actions' };
      setModes({});
      await refresh();
    },
    remove: (account) =>
      void run(async () => {
        await sendMessage('accounts:delete', { id: account.id });
        setModes({});
        setStatus(t('accountDeleted', accountName(account)));
        await refresh();
        searchRef.current?.focus();
      }),
    nextHotp: (account) =>
      void run(async () => {
        await sendMessage('accounts:nextHotp', { id: account.id });
        await refresh();
      }),
    restoreKey: (account) =>
      void run(async () => {
        await sendMessage('accounts:restoreKey', { id: account.id });
        setStatus(t('keyRestored', accountName(account)));
        await refresh();
      }),
  };

  async function save(uri: string, website: string) {
    await sendMessage('accounts:addUri', { uri, ...(website.trim() ? { website } : {}) });
    setAdding(false);
    setStatus(t('accountAdded'));
    await refresh();
  }

  async function dismissNudge() {
    setSettings(await saveSettings(browser.storage.local, { backupNudgeDismissed: true }));
  }

  const count = accounts?.length ?? 0;
  return (
    <section class="stack">
      <div class="toolbar">
        <button type="button" onClick={() => setScanRequest((n) => n + 1)}>
          {t('scanQrCode')}
        </button>
        <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
          {t('addAccount')}
        </button>
        <span class="spacer" />
        <button type="button" onClick={() => void onLock()}>
          {t('lock')}
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('openSettings')}
          title={t('openSettings')}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          <span aria-hidden="true">⚙</span>
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
      <SiteAccess />
      {adding && <AddAccountForm onSave={save} onCancel={() => setAdding(false)} />}
      {settings && count > 0 && !settings.backupNudgeDismissed && (
        <BackupNudge
          onBackUp={() => void browser.runtime.openOptionsPage()}
          onDismiss={() => void dismissNudge()}
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
            <p class="empty">{t('noMatches', query.trim())}</p>
          ) : (
            <AccountList
              accounts={shown}
              activeOrigin={activeOrigin}
              now={now}
              modes={modes}
              copiedId={copiedId}
              movable={(account, delta) =>
                query.trim() === '' && canMove(accounts, account.id, delta, activeOrigin)
              }
              actions={actions}
            />
          )}
        </>
      )}
    </section>
  );
}
