/**
 * How the popup orders and filters accounts: pure functions, unit-tested.
 * Order: accounts bound to the active tab's origin first, then pinned ones, then the rest;
 * inside each group, the order the user stored (reorder moves within a group).
 */
export interface Orderable {
  id: string;
  issuer: string;
  label: string;
  origin?: string;
  pinned: boolean;
}

export type Group = 'site' | 'pinned' | 'other';

export function groupOf(account: Orderable, activeOrigin: string | undefined): Group {
  if (activeOrigin !== undefined && account.origin === activeOrigin) return 'site';
  return account.pinned ? 'pinned' : 'other';
}

const RANK: Record<Group, number> = { site: 0, pinned: 1, other: 2 };

/** A stable sort by group: the stored order is kept inside each group. */
export function orderAccounts<T extends Orderable>(accounts: readonly T[], activeOrigin?: string): T[] {
  return accounts
    .map((account, index) => ({ account, index, rank: RANK[groupOf(account, activeOrigin)] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ account }) => account);
}

/** Lowercase, accents off ("Société" finds "societe"), for matching. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Every word of the query must appear in the issuer, the account name or the site's host. */
export function filterAccounts<T extends Orderable>(accounts: readonly T[], query: string): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...accounts];
  return accounts.filter((account) => {
    const haystack = foldText(`${account.issuer} ${account.label} ${hostOf(account.origin)}`);
    return words.every((word) => haystack.includes(word));
  });
}

function hostOf(origin: string | undefined): string {
  if (!origin) return '';
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/**
 * Moves `id` one place up (-1) or down (+1) among the accounts as displayed, swapping it with
 * its displayed neighbour in the stored order. Returns the new stored order of ids, or
 * undefined when the move is not possible (at an end, or across groups).
 */
export function moveAccount(
  stored: readonly Orderable[],
  id: string,
  delta: -1 | 1,
  activeOrigin?: string,
): string[] | undefined {
  const displayed = orderAccounts(stored, activeOrigin);
  const at = displayed.findIndex((a) => a.id === id);
  const self = displayed[at];
  const neighbour = displayed[at + delta];
  if (at < 0 || !self || !neighbour) return undefined;
  if (groupOf(self, activeOrigin) !== groupOf(neighbour, activeOrigin)) return undefined;
  const ids = stored.map((a) => a.id);
  const i = ids.indexOf(self.id);
  const j = ids.indexOf(neighbour.id);
  ids[i] = neighbour.id;
  ids[j] = self.id;
  return ids;
}

/** Can `id` move that way? (Used to disable the buttons.) */
export function canMove(
  stored: readonly Orderable[],
  id: string,
  delta: -1 | 1,
  activeOrigin?: string,
): boolean {
  return moveAccount(stored, id, delta, activeOrigin) !== undefined;
}
