/**
 * The popup's first screen: the rows it shows before any scroll or search, in the order it shows
 * them. The background answers the popup's start with these alone (a few views to compute and
 * send, not hundreds); the popup asks for the rest at idle time.
 *
 * Invariant the popup relies on: the first screen is a prefix of the whole list in the same sort,
 * so searching it gives a prefix of what searching the whole list gives (Enter copies the same
 * first match), and no row moves when the rest arrives. Proven by `first-screen.test.ts`.
 */
import type { AccountSort } from '../settings';
import { sortAccounts, type Sortable } from './account-sort';

/** Rows drawn with the first frame: more than the popup's first screen holds. */
export const FIRST_SCREEN_ROWS = 24;

/** When each account was last used, by id: what the "Recently used" sort compares. */
export function lastUsedOf(accounts: readonly Sortable[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of accounts) if (a.lastUsedAt !== undefined) out[a.id] = a.lastUsedAt;
  return out;
}

/**
 * The last uses the popup sorts by once the whole list came: the first screen's own, for the
 * accounts it showed (a copy made meanwhile must not move a row under the pointer), the whole
 * list's for the rest (the user could not copy those yet).
 */
export function lastUsedAtOpen(
  all: readonly Sortable[],
  firstShown: readonly Sortable[] = [],
): Record<string, number> {
  const out = lastUsedOf(all);
  for (const a of firstShown) {
    if (a.lastUsedAt === undefined) delete out[a.id];
    else out[a.id] = a.lastUsedAt;
  }
  return out;
}

/**
 * The first `rows` accounts as the popup shows them with no search (grouped, then in the user's
 * sort, by the last uses the popup gets: `lastUsed`); undefined when they all fit.
 */
export function firstScreen<T extends Sortable>(
  accounts: readonly T[],
  sort: AccountSort,
  activeOrigin: string | undefined,
  lastUsed: Readonly<Record<string, number>>,
  rows = FIRST_SCREEN_ROWS,
): T[] | undefined {
  if (accounts.length <= rows) return undefined;
  return sortAccounts(accounts, sort, activeOrigin, lastUsed).slice(0, rows);
}
