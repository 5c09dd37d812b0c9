import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { moveAccount } from '@/lib/order/account-order';
import { ClipboardClearer } from './clipboard';
import { useClockAnswered } from './clock-events';
import { t } from '@/lib/i18n';
import { sendMessage, type LookalikeWarning } from '@/lib/messaging';
import type { AccountView } from '@/lib/otp/account';
import { accountName } from '@/lib/otp/names';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { effectiveSettings, withBackupReminder } from '@/lib/policy/effective';
import type { Policies } from '@/lib/policy/reader';
import type { AccountEdit, RowActions, RowMode } from './CodeRow';
import type { PopupPrefetch } from './prefetch';
import { useNow } from './useNow';
import { useToast, type Toast } from './useToast';
import { whenIdle } from './idle';
import { errorText } from './useSubmit';

/** How long a copied code stays highlighted. */
const COPIED_MS = 1500;

export interface Accounts {
  /** undefined until the first list arrived. */
  accounts: AccountView[] | undefined;
  /** False while `accounts` is the popup start's first screen only (the rest come at idle time). */
  complete: boolean;
  activeOrigin: string | undefined;
  /** The phishing check's verdict on the active tab: undefined until it answered, null: none. */
  lookalike: LookalikeWarning | null | undefined;
  settings: Settings | undefined;
  now: number;
  /** The last action's outcome, for the polite status line; it leaves by itself. */
  status: Toast;
  error: string;
  modes: Record<string, RowMode>;
  copiedId: string | undefined;
  actions: RowActions;
  add: (uri: string, website: string) => Promise<void>;
  /** Stores a new order (a drag and drop) and says which account moved. */
  reorder: (ids: string[], moved: AccountView) => void;
  refresh: () => Promise<void>;
  dismissNudge: () => Promise<void>;
}

/**
 * The popup's accounts and everything done to them: the list (codes from the background,
 * never secrets), the active tab's origin, settings, the clock, row modes, copy, and focus kept
 * on the control in use after a re-render. `focusUndo` is called after a delete (the toast's
 * Undo), `focusSearch` after its undo.
 */
export function useAccounts(
  prefetch: PopupPrefetch | undefined,
  focusSearch: () => void,
  focusUndo: () => void = focusSearch,
): Accounts {
  const [accounts, setAccounts] = useState<AccountView[] | undefined>();
  const [complete, setComplete] = useState(true);
  const [activeOrigin, setActiveOrigin] = useState<string | undefined>();
  const [lookalike, setLookalike] = useState<LookalikeWarning | null | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const policiesRef = useRef<Policies>({});
  const status = useToast();
  const setStatus = status.show;
  const [error, setError] = useState('');
  const [modes, setModes] = useState<Record<string, RowMode>>({});
  const [copiedId, setCopiedId] = useState<string | undefined>();
  const focusAfter = useRef<{ id: string; role: string } | undefined>();
  // Bumped by each list request and each change made here: a list that answers late is older
  // than what the user did since (a move), and is dropped; the next tick asks again.
  const listVersion = useRef(0);
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
    const version = ++listVersion.current;
    try {
      const list = await sendMessage('accounts:list');
      if (version !== listVersion.current) return;
      setAccounts(list);
      setComplete(true);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  // A layout effect, not an effect: subscribing must not wait for the next frame to be painted.
  useLayoutEffect(() => {
    // The clipboard delay the popup applies is the one the organisation's policy allows.
    const applySettings = (own: Settings, policies: Policies) => {
      policiesRef.current = policies;
      setSettings(withBackupReminder(effectiveSettings(own, policies), policies, Date.now()));
    };
    void (prefetch?.start() ?? Promise.resolve(undefined)).then((start) => {
      if (start?.accounts && start.settings && start.policies) {
        // Everything in one answer: the list is drawn once, in its order, with its verdict.
        applySettings(start.settings, start.policies);
        setActiveOrigin(start.origin);
        setLookalike(start.lookalike ?? null);
        setAccounts(start.accounts);
        if (start.partial) {
          // The first screen came alone: the whole list once the first codes are drawn.
          setComplete(false);
          whenIdle(window, () => void refresh());
        }
        return;
      }
      // Unlocked after the popup opened: each piece on its own.
      void refresh();
      void sendMessage('tabs:activeOrigin')
        .then((reply) => setActiveOrigin(reply.origin))
        .catch(() => undefined);
      // A check that fails warns of nothing, as before it existed; copies wait for its answer only.
      void sendMessage('tabs:lookalike').then(
        (reply) => setLookalike(reply.warning ?? null),
        () => setLookalike(null),
      );
      void Promise.all([
        loadSettings(browser.storage.local),
        sendMessage('managed:view').catch(() => undefined),
      ]).then(([own, managed]) => applySettings(own, managed?.policies ?? {}));
    });
  }, [refresh, prefetch]);

  // The user answered a clock question in this popup: codes of that site may have shifted.
  useClockAnswered(window, refresh);

  // Fetch fresh codes when the earliest one expires.
  const nextExpiry = useMemo(() => {
    let min = Infinity;
    for (const a of accounts ?? []) if (a.expiresAt !== undefined && a.expiresAt < min) min = a.expiresAt;
    return min;
  }, [accounts]);
  useEffect(() => {
    if (nextExpiry !== Infinity && now >= nextExpiry) void refresh();
  }, [now, nextExpiry, refresh]);

  // Keep focus on the control the user was using after the list re-rendered (move, cancel). A
  // layout effect: run after a frame, it would pull back a Tab the user pressed meanwhile.
  useLayoutEffect(() => {
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

  /** A new order, shown at once, then stored; a list asked for meanwhile may predate it. */
  async function storeOrder(list: AccountView[], ids: string[]) {
    const byId = new Map(list.map((a) => [a.id, a]));
    listVersion.current++;
    setAccounts(ids.flatMap((id) => byId.get(id) ?? []));
    await sendMessage('accounts:reorder', { ids });
    listVersion.current++;
  }

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
        if (account.code === undefined) return; // an account that cannot make a code has none to copy
        const seconds = settings?.clipboardClearSeconds ?? 0;
        await clearer.copy(account.code, seconds);
        setCopiedId(account.id);
        window.setTimeout(() => setCopiedId((id) => (id === account.id ? undefined : id)), COPIED_MS);
        setStatus(seconds > 0 ? t('copiedWillClear', seconds) : t('copied'));
        // For "Recently used"; the copy is done whatever this answers.
        void sendMessage('accounts:used', { id: account.id }).catch(() => undefined);
      }),
    setMode,
    togglePin: (account) =>
      void run(async () => {
        await sendMessage('accounts:update', { id: account.id, patch: { pinned: !account.pinned } });
        focusAfter.current = { id: account.id, role: 'actions' };
        setModes({});
        await refresh();
        // Announced once the list shows the new order.
        setStatus(t(account.pinned ? 'unpinned' : 'pinned', [accountName(account)]));
      }),
    move: (account, delta) =>
      void run(async () => {
        if (!accounts) return;
        const ids = moveAccount(accounts, account.id, delta, activeOrigin);
        if (!ids) return;
        focusAfter.current = { id: account.id, role: delta < 0 ? 'move-up' : 'move-down' };
        await storeOrder(accounts, ids);
        setStatus(t(delta < 0 ? 'movedUp' : 'movedDown', [accountName(account)]));
      }),
    edit: async (account, { issuer, label, website }: AccountEdit) => {
      // The website first: a typo there is refused before anything else changes.
      if (website.trim() !== (account.origin ?? '')) {
        await sendMessage('accounts:setWebsite', { id: account.id, website });
      }
      if (issuer !== account.issuer || label !== account.label) {
        await sendMessage('accounts:update', { id: account.id, patch: { issuer, label } });
      }
      setStatus(t('changesSaved'));
      focusAfter.current = { id: account.id, role: 'actions' };
      setModes({});
      await refresh();
    },
    remove: (account) =>
      void run(async () => {
        await sendMessage('accounts:delete', { id: account.id });
        setModes({});
        const name = accountName(account);
        // Kept 30 days: the toast offers the undo, and the keyboard lands on it (Settings has it too).
        setStatus(t('accountDeleted', [name]), {
          label: t('undoDelete'),
          name: t('undoDeleteLabel', [name]),
          run: () =>
            void run(async () => {
              await sendMessage('deleted:restore', { id: account.id });
              await refresh();
              setStatus(t('accountRestored', [name]));
              focusSearch();
            }),
        });
        await refresh();
        focusUndo();
      }),
    nextHotp: (account) =>
      void run(async () => {
        await sendMessage('accounts:nextHotp', { id: account.id });
        await refresh();
      }),
    restoreKey: (account) =>
      void run(async () => {
        await sendMessage('accounts:restoreKey', { id: account.id });
        await refresh();
        setStatus(t('keyRestored', [accountName(account)]));
      }),
  };

  async function add(uri: string, website: string) {
    await sendMessage('accounts:addUri', { uri, ...(website.trim() ? { website } : {}) });
    setStatus(t('accountAdded'));
    await refresh();
  }

  function reorder(ids: string[], moved: AccountView) {
    void run(async () => {
      if (!accounts) return;
      await storeOrder(accounts, ids);
      setStatus(t('accountMoved', [accountName(moved)]));
    });
  }

  async function dismissNudge() {
    const saved = await saveSettings(browser.storage.local, {
      backupNudgeDismissed: true,
      backupNudgeDismissedAt: Date.now(),
    });
    setSettings(effectiveSettings(saved, policiesRef.current));
  }

  return {
    accounts,
    complete,
    activeOrigin,
    lookalike,
    settings,
    now,
    status,
    error,
    modes,
    copiedId,
    actions,
    add,
    reorder,
    refresh,
    dismissNudge,
  };
}
