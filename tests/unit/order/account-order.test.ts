import { describe, expect, it } from 'vitest';
import {
  canMove,
  filterAccounts,
  moveAccount,
  orderAccounts,
  type Orderable,
} from '@/lib/order/account-order';

const SITE = 'https://m2mmanager.matooma.com';
const a = (id: string, extra: Partial<Orderable> = {}): Orderable => ({
  id,
  issuer: id.toUpperCase(),
  label: `${id}@example.com`,
  pinned: false,
  ...extra,
});
const LIST = [
  a('a'),
  a('b', { pinned: true }),
  a('c', { origin: SITE }),
  a('d'),
  a('e', { pinned: true, origin: SITE }),
  a('f', { pinned: true }),
];
const ids = (list: readonly Orderable[]) => list.map((x) => x.id).join('');

describe('orderAccounts', () => {
  it.each([
    ['no active site: pinned first, stored order kept in each group', undefined, 'befacd'],
    ['the active site first, then pinned, then the rest', SITE, 'cebfad'],
    ['an unrelated site changes nothing', 'https://other.example', 'befacd'],
  ])('%s', (_name, origin, expected) => {
    expect(ids(orderAccounts(LIST, origin))).toBe(expected);
  });

  it('does not change its input', () => {
    orderAccounts(LIST, SITE);
    expect(ids(LIST)).toBe('abcdef');
  });
});

describe('filterAccounts', () => {
  const list = [
    a('1', { issuer: 'M2Mmanager', label: 'jane.doe@example.com', origin: SITE }),
    a('2', { issuer: 'Société Générale', label: 'jean' }),
    a('3', { issuer: 'GitHub', label: 'octocat' }),
  ];
  it.each([
    ['', '123'],
    ['   ', '123'],
    ['m2m', '1'],
    ['JANE', '1'],
    ['matooma', '1'],
    ['societe', '2'],
    ['générale jean', '2'],
    ['git cat', '3'],
    ['git jane', ''],
    ['o', '123'],
  ])('"%s" finds %s', (query, expected) => {
    expect(ids(filterAccounts(list, query))).toBe(expected);
  });
});

describe('moveAccount', () => {
  it('swaps with the neighbour as shown, in the stored order', () => {
    // Shown without an active site: b e f | a c d. Moving a down swaps a and c.
    expect(moveAccount(LIST, 'a', 1)).toEqual(['c', 'b', 'a', 'd', 'e', 'f']);
  });

  it.each([
    ['a', 1, undefined, 'cbadef'],
    ['c', -1, undefined, 'cbadef'],
    ['f', -1, undefined, 'abcdfe'],
    ['b', 1, undefined, 'aecdbf'],
    ['e', -1, SITE, 'abedcf'],
    ['d', 1, undefined, undefined],
    ['b', -1, undefined, undefined],
    ['f', 1, undefined, undefined],
    ['a', -1, undefined, undefined],
    ['c', 1, SITE, 'abedcf'],
    ['e', 1, SITE, undefined],
    ['missing', 1, undefined, undefined],
  ] as const)('%s moved %i (site %s) gives %s', (id, delta, origin, expected) => {
    const result = moveAccount(LIST, id, delta, origin);
    expect(result?.join('')).toBe(expected);
    expect(canMove(LIST, id, delta, origin)).toBe(expected !== undefined);
  });
});
