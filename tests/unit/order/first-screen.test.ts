/**
 * The popup's first screen, as the background picks it: a prefix of the whole list in the popup's
 * own sort. What the popup does with the first screen alone (search, Enter, rows that never move
 * when the rest arrives) holds only because of this.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterAccounts } from '@/lib/order/account-order';
import { sortAccounts, type Sortable } from '@/lib/order/account-sort';
import { firstScreen, FIRST_SCREEN_ROWS, lastUsedAtOpen, lastUsedOf } from '@/lib/order/first-screen';
import { ACCOUNT_SORTS, type AccountSort } from '@/lib/settings';

const SITE = 'https://m2mmanager.matooma.com';
const OTHER = 'https://bank.example';

/** Small alphabets on purpose: equal names, equal uses and shared words are where orders differ. */
const account = fc.record({
  issuer: fc.constantFrom('', 'Alpha', 'alpha', 'Élan', 'elan', 'Service 9', 'Service 10', 'M2M'),
  label: fc.constantFrom('', 'john', 'Jane', 'ops@m2m'),
  origin: fc.constantFrom(undefined, SITE, OTHER),
  pinned: fc.boolean(),
  lastUsedAt: fc.constantFrom(undefined, 100, 200, 300),
});
const accounts = fc.array(account, { minLength: 2, maxLength: 40 }).map((list) =>
  list.map(({ origin, lastUsedAt, ...rest }, i): Sortable => ({
    id: `id${i}`,
    ...rest,
    ...(origin ? { origin } : {}),
    ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
  })),
);
const sorts = fc.constantFrom<AccountSort>(...ACCOUNT_SORTS);
const origins = fc.constantFrom(undefined, SITE, OTHER);
const queries = fc.constantFrom('', 'alpha', 'elan', 'service', 'john', 'm2m', 'bank', 'zzz');

/** The popup's list: searched, then sorted by the last uses it holds. */
const shownOf = (list: readonly Sortable[], query: string, sort: AccountSort, origin?: string) =>
  sortAccounts(filterAccounts(list, query), sort, origin, lastUsedOf(list)).map((a) => a.id);

describe('firstScreen', () => {
  it('searching the first screen gives the first matches of the whole list, in their order', () => {
    fc.assert(
      fc.property(
        accounts,
        sorts,
        origins,
        queries,
        fc.integer({ min: 1, max: 39 }),
        (all, sort, origin, query, rows) => {
          fc.pre(rows < all.length);
          const first = firstScreen(all, sort, origin, lastUsedOf(all), rows)!;
          expect(first).toHaveLength(rows);
          const fromFirst = shownOf(first, query, sort, origin);
          expect(shownOf(all, query, sort, origin).slice(0, fromFirst.length)).toEqual(fromFirst);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('no row moves when the rest arrives: the first screen is the top of the whole list', () => {
    fc.assert(
      fc.property(accounts, sorts, origins, fc.integer({ min: 1, max: 39 }), (all, sort, origin, rows) => {
        fc.pre(rows < all.length);
        const first = firstScreen(all, sort, origin, lastUsedOf(all), rows)!.map((a) => a.id);
        expect(shownOf(all, '', sort, origin).slice(0, rows)).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  const service = (i: number) => ({ id: `${i}`, issuer: `S${i}`, label: '', pinned: false });
  it.each([
    ['fewer accounts than rows', FIRST_SCREEN_ROWS - 1],
    ['exactly one screen', FIRST_SCREEN_ROWS],
  ])('is undefined when they all fit (%s): the whole list is sent', (_name, count) => {
    expect(
      firstScreen(
        Array.from({ length: count }, (_, i) => service(i)),
        'manual',
        undefined,
        {},
      ),
    ).toBeUndefined();
  });

  it('one account more than a screen: the first screen as shown, a pinned one first', () => {
    const all = [
      ...Array.from({ length: FIRST_SCREEN_ROWS }, (_, i) => service(i)),
      { ...service(99), pinned: true },
    ];
    expect(firstScreen(all, 'manual', undefined, {})).toEqual([
      all.at(-1),
      ...all.slice(0, FIRST_SCREEN_ROWS - 1),
    ]);
  });
});

describe('lastUsedAtOpen', () => {
  const row = (id: string, lastUsedAt?: number): Sortable => ({
    id,
    issuer: id,
    label: '',
    pinned: false,
    ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
  });
  const FIRST = [row('a', 5), row('b')];
  it.each([
    [
      'nothing copied meanwhile: the whole list’s uses',
      [row('a', 5), row('b'), row('c', 9)],
      FIRST,
      { a: 5, c: 9 },
    ],
    [
      'b, never used, copied meanwhile: its row keeps its place',
      [row('a', 5), row('b', 50), row('c', 9)],
      FIRST,
      { a: 5, c: 9 },
    ],
    [
      'a copied again meanwhile: its use at open counts',
      [row('a', 60), row('b'), row('c', 9)],
      FIRST,
      { a: 5, c: 9 },
    ],
    ['the whole list came first: its own uses', [row('a', 5), row('b', 50)], undefined, { a: 5, b: 50 }],
  ])('%s', (_name, whole, firstShown, expected) => {
    expect(lastUsedAtOpen(whole, firstShown)).toEqual(expected);
  });
});
