/**
 * The popup's sort orders and drag-and-drop reordering: pure functions, unit-tested.
 * Groups stay as `orderAccounts` makes them (this site, pinned, the rest); a sort orders
 * accounts inside each group, and a drop reorders within one group, like Move up/down.
 */
import type { AccountSort } from '@/lib/settings';
import { foldText, groupOf, orderAccounts, type Orderable } from './account-order';

export interface Sortable extends Orderable {
  lastUsedAt?: number;
}

/** What a name sort compares: the service, then the account name; case and accents ignored. */
function nameKey(account: Orderable): string {
  return foldText(`${account.issuer || account.label}\u0000${account.label}`);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The accounts as shown: grouped, then in each group by the user's order, by name, or most
 * recently used first (accounts never used after, in the user's order). `lastUsed` is the time
 * each account was last used when the popup opened: a copy does not move rows under the pointer.
 */
export function sortAccounts<T extends Orderable>(
  accounts: readonly T[],
  sort: AccountSort,
  activeOrigin: string | undefined,
  lastUsed: Readonly<Record<string, number>> = {},
): T[] {
  const grouped = orderAccounts(accounts, activeOrigin);
  if (sort === 'manual') return grouped;
  const rank = new Map(grouped.map((account, index) => [account.id, index]));
  const groupRank = (account: T) => ['site', 'pinned', 'other'].indexOf(groupOf(account, activeOrigin));
  return [...grouped].sort((a, b) => {
    const byGroup = groupRank(a) - groupRank(b);
    if (byGroup) return byGroup;
    if (sort === 'name') {
      const byName = collator.compare(nameKey(a), nameKey(b));
      if (byName) return byName;
    } else {
      const byUse = (lastUsed[b.id] ?? -Infinity) - (lastUsed[a.id] ?? -Infinity);
      if (byUse && !Number.isNaN(byUse)) return byUse;
    }
    return rank.get(a.id)! - rank.get(b.id)!;
  });
}

export type DropPlace = 'before' | 'after';

/**
 * `dragged` dropped before or after `target`: the new stored order of ids, or undefined when the
 * drop changes nothing or crosses groups (a pinned account is not dragged among the rest).
 * The other groups keep their stored places.
 */
export function dropOrder(
  stored: readonly Orderable[],
  dragged: string,
  target: string,
  place: DropPlace,
  activeOrigin?: string,
): string[] | undefined {
  const from = stored.find((a) => a.id === dragged);
  const to = stored.find((a) => a.id === target);
  if (!from || !to || dragged === target) return undefined;
  const group = groupOf(from, activeOrigin);
  if (groupOf(to, activeOrigin) !== group) return undefined;
  const members = orderAccounts(stored, activeOrigin)
    .filter((a) => groupOf(a, activeOrigin) === group)
    .map((a) => a.id);
  const moved = members.filter((id) => id !== dragged);
  moved.splice(moved.indexOf(target) + (place === 'after' ? 1 : 0), 0, dragged);
  if (moved.every((id, index) => id === members[index])) return undefined;
  // The group's stored slots, refilled in the new order: other accounts do not move.
  let next = 0;
  return stored.map((a) => (groupOf(a, activeOrigin) === group ? moved[next++]! : a.id));
}
