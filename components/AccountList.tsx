import type { AccountView } from '@/lib/otp';
import { groupOf, type Group } from './account-order';
import { t, type MessageKey } from '@/lib/i18n';
import { CodeRow, type RowActions, type RowMode } from './CodeRow';

interface Props {
  /** Already ordered (site, pinned, rest) and filtered. */
  accounts: AccountView[];
  activeOrigin: string | undefined;
  now: number;
  modes: Record<string, RowMode>;
  copiedId: string | undefined;
  movable: (account: AccountView, delta: -1 | 1) => boolean;
  actions: RowActions;
}

const HEADINGS: Record<Group, MessageKey> = { site: 'groupSite', pinned: 'groupPinned', other: 'accounts' };

/** The accounts in one pass, in up to three labelled lists: this site, pinned, the rest. */
export function AccountList({ accounts, activeOrigin, now, modes, copiedId, movable, actions }: Props) {
  const groups: { group: Group; items: AccountView[] }[] = [];
  for (const account of accounts) {
    const group = groupOf(account, activeOrigin);
    const last = groups[groups.length - 1];
    if (last?.group === group) last.items.push(account);
    else groups.push({ group, items: [account] });
  }
  const headed = groups.length > 1;
  return (
    <div class="account-groups">
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
                actions={actions}
              />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
