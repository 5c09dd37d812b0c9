/**
 * The list order as a rank per account, so a reorder changes only the accounts that moved
 * (one record each) and concurrent reorders on two computers merge account by account.
 */

/**
 * New ranks for `ids` (the wanted order) given their current ranks (undefined: new account).
 * Accounts on the longest run already in order keep their rank; the others get a rank between
 * their neighbours. Only changed ranks are returned. When floating point runs out of room
 * between two neighbours, every account is renumbered.
 */
export function assignRanks(
  ids: readonly string[],
  current: ReadonlyMap<string, number | undefined>,
): Map<string, number> {
  const ranks = ids.map((id) => current.get(id));
  const keep = longestIncreasing(ranks);
  const out = new Map<string, number>();
  let previous: number | undefined;
  for (let i = 0; i < ids.length; i++) {
    if (keep.has(i)) {
      previous = ranks[i]!;
      continue;
    }
    let next: number | undefined;
    for (let j = i + 1; j < ids.length; j++) {
      if (keep.has(j)) {
        next = ranks[j]!;
        break;
      }
    }
    const rank =
      previous === undefined
        ? next === undefined
          ? 1
          : next - 1
        : next === undefined
          ? Math.floor(previous) + 1
          : (previous + next) / 2;
    if ((previous !== undefined && rank <= previous) || (next !== undefined && rank >= next)) {
      return renumber(ids, current);
    }
    out.set(ids[i]!, rank);
    previous = rank;
  }
  return out;
}

function renumber(
  ids: readonly string[],
  current: ReadonlyMap<string, number | undefined>,
): Map<string, number> {
  const out = new Map<string, number>();
  ids.forEach((id, index) => {
    if (current.get(id) !== index + 1) out.set(id, index + 1);
  });
  return out;
}

/** Indexes of a longest strictly increasing run of defined values (patience sorting). */
function longestIncreasing(values: readonly (number | undefined)[]): Set<number> {
  const tails: number[] = []; // index of the smallest tail of each run length
  const parent = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    if (value === undefined || !Number.isFinite(value)) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    parent[index] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = index;
  });
  const keep = new Set<number>();
  for (let at = tails[tails.length - 1] ?? -1; at >= 0; at = parent[at]!) keep.add(at);
  return keep;
}
