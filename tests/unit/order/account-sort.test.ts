import { describe, expect, it } from 'vitest';
import { dropOrder, sortAccounts, type Sortable } from '@/lib/order/account-sort';
import type { AccountSort } from '@/lib/settings';

const SITE = 'https://m2mmanager.matooma.com';
const a = (id: string, issuer: string, extra: Partial<Sortable> = {}): Sortable => ({
  id,
  issuer,
  label: `${id}@example.com`,
  pinned: false,
  ...extra,
});
// Stored (the user's) order: z, b, É, a (pinned), s (this site), c (pinned), d.
const LIST = [
  a('z', 'Zeta'),
  a('b', 'beta'),
  a('e', 'Éclair'),
  a('a', 'Alpha', { pinned: true }),
  a('s', 'Site', { origin: SITE }),
  a('c', 'Charlie', { pinned: true }),
  a('d', 'delta'),
];
const USED = { d: 300, z: 100, c: 50, a: 200 };
const ids = (list: readonly Sortable[]) => list.map((x) => x.id).join('');

describe('sortAccounts', () => {
  it.each<[string, AccountSort, string | undefined, string]>([
    ['your order: groups, then as stored', 'manual', undefined, 'aczbesd'],
    ['your order with the site first', 'manual', SITE, 'saczbed'],
    ['by name in each group, case and accents ignored', 'name', undefined, 'acbdesz'],
    ['by name with the site first', 'name', SITE, 'sacbdez'],
    ['recently used first in each group, never used after in your order', 'recent', undefined, 'acdzbes'],
    ['recently used with the site first', 'recent', SITE, 'sacdzbe'],
  ])('%s', (_name, sort, origin, expected) => {
    expect(ids(sortAccounts(LIST, sort, origin, USED))).toBe(expected);
  });

  it.each([
    ['numbers in names sort as numbers', [a('2', 'Service 10'), a('1', 'Service 9')], '12'],
    ['an account without issuer sorts by its name', [a('x', '', { label: 'zed' }), a('y', 'Mid')], 'yx'],
    ['equal names keep your order', [a('q', 'Same', { label: '' }), a('p', 'same', { label: '' })], 'qp'],
  ])('%s', (_name, list, expected) => {
    expect(ids(sortAccounts(list, 'name', undefined))).toBe(expected);
  });

  it('does not change its input', () => {
    sortAccounts(LIST, 'name', SITE, USED);
    expect(ids(LIST)).toBe('zbeascd');
  });
});

describe('dropOrder', () => {
  it.each<[string, string, string, 'before' | 'after', string | undefined, string[] | undefined]>([
    ['down past two rows', 'z', 'e', 'after', undefined, ['b', 'e', 'z', 'a', 's', 'c', 'd']],
    ['up before the first of its group', 'd', 'z', 'before', undefined, ['d', 'z', 'b', 'a', 'e', 'c', 's']],
    [
      'pinned among pinned; the others keep their slots',
      'c',
      'a',
      'before',
      undefined,
      ['z', 'b', 'e', 'c', 's', 'a', 'd'],
    ],
    [
      'the site account sits with the rest when no site is active',
      's',
      'z',
      'before',
      undefined,
      ['s', 'z', 'b', 'a', 'e', 'c', 'd'],
    ],
    ['across groups: refused', 'z', 'a', 'after', undefined, undefined],
    ['out of the site group: refused', 's', 'z', 'before', SITE, undefined],
    ['onto itself: nothing to do', 'b', 'b', 'after', undefined, undefined],
    ['to where it already is: nothing to do', 'b', 'e', 'before', undefined, undefined],
    ['an unknown account: refused', 'gone', 'b', 'after', undefined, undefined],
  ])('%s', (_name, dragged, target, place, origin, expected) => {
    expect(dropOrder(LIST, dragged, target, place, origin)).toEqual(expected);
  });
});
