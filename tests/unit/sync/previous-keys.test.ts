/**
 * One rule bounds the replaced keys an account keeps, on this computer and in the sync merge:
 * a key a replacement here keeps is never dropped by a merge, and the reverse.
 */
import { describe, expect, it } from 'vitest';
import { replaceKey } from '@/lib/background/accounts';
import type { PreviousKey, StoredAccount } from '@/lib/otp/account';
import { decodeBody, encodeBody } from '@/lib/sync/codec';
import { unionPreviousKeys } from '@/lib/sync/merge';
import {
  keepPreviousKeys,
  MAX_PREVIOUS_KEYS,
  MAX_RECORD_PREVIOUS_KEYS,
  PREVIOUS_KEY_RETENTION_MS,
} from '@/lib/sync/previous-keys';
import { typicalAccount } from './fake-sync';

const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 5, 1);

/** Key `n` (a distinct base32 secret each), replaced at `replacedAt`. */
const key = (n: number, replacedAt: number): PreviousKey => ({
  type: 'totp',
  secret: `KEY${n.toString(2).replace(/0/g, 'A').replace(/1/g, 'B').padStart(13, 'C')}`,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  replacedAt,
});

/** `count` keys, newest first, replaced `stepDays` apart from NOW back. */
const keys = (count: number, stepDays: number) =>
  Array.from({ length: count }, (_, i) => key(i, NOW - i * stepDays * DAY));

describe('keepPreviousKeys: the 5 newest, and every key replaced within 30 days of the newest', () => {
  it.each([
    // count, days apart, how many kept
    [0, 1, 0],
    [3, 40, 3],
    [5, 40, 5],
    [6, 40, 5],
    [6, 1, 6], // a sixth replacement within 30 days keeps every key
    [10, 3, 10], // all within 27 days
    [12, 3, 11], // 0..30 days kept (30 days to the day still is), 33 days not
    [8, 10, 5], // 0, 10, 20, 30 within; the 5th (40 days) kept as one of the 5 newest; older go
    [MAX_RECORD_PREVIOUS_KEYS + 6, 0, MAX_RECORD_PREVIOUS_KEYS], // bounded however recent
  ])('%i keys replaced %i days apart: %i kept', (count, step, kept) => {
    const list = keys(count, step);
    expect(keepPreviousKeys(list)).toEqual(list.slice(0, kept));
  });

  it('measures from the newest replacement, not from a clock (every computer keeps the same)', () => {
    const list = keys(7, 7); // 0..42 days
    expect(keepPreviousKeys(list)).toHaveLength(MAX_PREVIOUS_KEYS);
    expect(keepPreviousKeys(list.map((k) => ({ ...k, replacedAt: k.replacedAt - 400 * DAY })))).toHaveLength(
      MAX_PREVIOUS_KEYS,
    );
    expect(PREVIOUS_KEY_RETENTION_MS).toBe(30 * DAY);
  });

  it('the merge keeps exactly what a replacement on one computer keeps', () => {
    const current = key(999, 0);
    for (const [count, step] of [
      [6, 1],
      [8, 10],
      [12, 3],
      [MAX_RECORD_PREVIOUS_KEYS + 6, 0.1],
    ] as const) {
      const list = keys(count, step);
      expect(unionPreviousKeys(current, list)).toEqual(keepPreviousKeys(list));
    }
  });
});

describe('replaceKey follows the shared rule', () => {
  const withKeys = (previousKeys: PreviousKey[]): StoredAccount => ({ ...typicalAccount(1), previousKeys });
  const next = { ...key(100, 0), issuer: '', label: '' };

  it('a sixth replacement within 30 days keeps every key younger than 30 days', () => {
    const before = withKeys(keys(5, 2).map((k) => ({ ...k, replacedAt: k.replacedAt - DAY })));
    const after = replaceKey(before, next, NOW);
    expect(after.previousKeys).toHaveLength(6);
    expect(after.previousKeys?.[0]).toMatchObject({ secret: before.secret, replacedAt: NOW });
    expect(after.previousKeys?.slice(1)).toEqual(before.previousKeys);
  });

  it('beyond the 5 newest, a key replaced more than 30 days ago goes', () => {
    const before = withKeys(keys(5, 8).map((k) => ({ ...k, replacedAt: k.replacedAt - DAY })));
    const after = replaceKey(before, next, NOW);
    // 1, 9, 17, 25 days: kept with the new one; 33 days: the sixth, older than 30 days.
    expect(after.previousKeys?.map((k) => (NOW - k.replacedAt) / DAY)).toEqual([0, 1, 9, 17, 25]);
  });
});

describe('the codec never writes what it refuses to read', () => {
  it(`an account holding more than ${MAX_RECORD_PREVIOUS_KEYS} replaced keys travels with the newest ${MAX_RECORD_PREVIOUS_KEYS}`, () => {
    const { id: _id, updatedAt: _u, ...account } = typicalAccount(1);
    const previousKeys = keys(MAX_RECORD_PREVIOUS_KEYS + 3, 0);
    const back = decodeBody(encodeBody({ account: { ...account, previousKeys }, rank: 0 }));
    expect(back.account.previousKeys).toEqual(previousKeys.slice(0, MAX_RECORD_PREVIOUS_KEYS));
  });
});
