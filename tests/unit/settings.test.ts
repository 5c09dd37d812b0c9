import { describe, expect, it } from 'vitest';
import { parseSetting } from '@/lib/settings';

describe('parseSetting: typed numbers are checked, never quietly corrected', () => {
  it.each([
    ['autoLockMinutes', '15', 15],
    ['autoLockMinutes', ' 0 ', 0],
    ['autoLockMinutes', '1440', 1440],
    ['autoLockMinutes', '+5', 5],
    ['clipboardClearSeconds', '600', 600],
    ['clipboardClearSeconds', '0', 0],
  ] as const)('%s %j is %i', (key, value, expected) => {
    expect(parseSetting(key, value)).toBe(expected);
  });

  it.each([
    ['autoLockMinutes', '-3'],
    ['autoLockMinutes', '100000'],
    ['autoLockMinutes', '1441'],
    ['autoLockMinutes', ''],
    ['autoLockMinutes', 'abc'],
    ['autoLockMinutes', '2.5'],
    ['autoLockMinutes', '1e3'],
    ['clipboardClearSeconds', '601'],
    ['clipboardClearSeconds', '-1'],
  ] as const)('%s %j is refused', (key, value) => {
    expect(parseSetting(key, value)).toBeUndefined();
  });
});
