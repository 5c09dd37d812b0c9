import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/otp';
import { groupOf, type Group } from '@/lib/order/account-order';
import { FIRST_SCREEN_ROWS } from '@/lib/order/first-screen';
import { t, type MessageKey } from '@/lib/i18n';
import { CodeRow, type RowActions, type RowMode } from './CodeRow';
import { whenIdle } from './idle';
import { rowKeyTarget } from './list-keys';
import { useDragReorder, type DropHandler } from './useDragReorder';

interface Props {
  /** Already ordered (site, pinned, rest) and filtered. */
  accounts: AccountView[];
  activeOrigin: string | undefined;
  now: number;
  modes: Record<string, RowMode>;
  copiedId: string | undefined;
  movable: (account: AccountView, delta: -1 | 1) => boolean;
  /** Rows can be dragged by their handle (the user's own order, no search). */
  draggable: boolean;
  onDrop: DropHandler;
  /** The up arrow on the first row: back to the search field. */
  onLeaveTop: () => void;
  listRef: RefObject<HTMLDivElement>;
  actions: RowActions;
}

const HEADINGS: Record<Group, MessageKey> = { site: 'groupSite', pinned: 'groupPinned', other: 'accounts' };

/**
 * The accounts in one pass, in up to three labelled lists: this site, pinned, the rest.
 * One row at a time is in the Tab order (the one last focused); the arrow keys move between
 * rows, so thirty accounts are not ninety Tab stops. A long list draws its first screen at once and
 * the rest at the first idle time (a key that goes past the drawn rows draws them all at once).
 */
export function AccountList({
  accounts,
  activeOrigin,
  now,
  modes,
  copiedId,
  movable,
  draggable,
  onDrop,
  onLeaveTop,
  listRef,
  actions,
}: Props) {
  const [focusedId, setFocusedId] = useState<string | undefined>();
  const drag = useDragReorder(draggable, onDrop);
  const current = accounts.some((a) => a.id === focusedId) ? focusedId : accounts[0]?.id;
  const [limit, setLimit] = useState(FIRST_SCREEN_ROWS);
  const complete = limit >= accounts.length;
  useEffect(() => {
    if (!complete) return whenIdle(window, () => setLimit(Number.POSITIVE_INFINITY));
  }, [complete]);
  /** A row the keyboard asked for before it was drawn: focused once it is. */
  const pendingFocus = useRef<{ index: number; role: string } | undefined>();
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !complete) return;
    pendingFocus.current = undefined;
    focusRow(listRef.current?.querySelectorAll<HTMLElement>('li.account')[pending.index], pending.role);
  });

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    // Only on a row's own controls: fields and the open actions keep their keys.
    if (!target.closest('.account-main') || event.altKey || event.ctrlKey || event.metaKey) return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('li.account') ?? [])];
    const to = rowKeyTarget(event.key, rows.indexOf(target.closest('li.account')!), accounts.length);
    if (to === undefined) return;
    event.preventDefault();
    if (to === 'search') return onLeaveTop();
    const role = target.dataset.role === 'actions' ? '[data-role="actions"]' : 'button.code';
    if (to < rows.length) return focusRow(rows[to], role);
    pendingFocus.current = { index: to, role };
    setLimit(Number.POSITIVE_INFINITY);
  }

  const groups: { group: Group; items: AccountView[] }[] = [];
  for (const account of complete ? accounts : accounts.slice(0, limit)) {
    const group = groupOf(account, activeOrigin);
    const last = groups[groups.length - 1];
    if (last?.group === group) last.items.push(account);
    else groups.push({ group, items: [account] });
  }
  const headed = groups.length > 1;
  return (
    <div
      class="account-groups"
      ref={listRef}
      onKeyDown={onKeyDown}
      onFocusIn={(event) => {
        const id = (event.target as HTMLElement).closest<HTMLElement>('li[data-account-id]')?.dataset
          .accountId;
        if (id) setFocusedId(id);
      }}
      {...drag}
    >
      {groups.map(({ group, items }) => (
        <div key={group} class="account-group">
          {headed && <h2 class="group-heading">{t(HEADINGS[group])}</h2>}
          <ul class="accounts" aria-label={t(HEADINGS[group])}>
            {items.map((account) => (
              <CodeRow
                key={account.id}
                account={account}
                now={now}
                mode={modes[account.id] ?? 'idle'}
                copied={copiedId === account.id}
                canMoveUp={(modes[account.id] ?? 'idle') === 'actions' && movable(account, -1)}
                canMoveDown={(modes[account.id] ?? 'idle') === 'actions' && movable(account, 1)}
                tabbable={account.id === current}
                draggable={draggable}
                actions={actions}
              />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A row's control of `role`; a row that cannot make a code has no code button: its actions then. */
function focusRow(row: HTMLElement | undefined, role: string): void {
  (
    row?.querySelector<HTMLElement>(role) ?? row?.querySelector<HTMLElement>('[data-role="actions"]')
  )?.focus();
}
