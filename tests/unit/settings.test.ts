import { describe, expect, it } from 'vitest';
import { loadSettings, parseSetting, saveSettings } from '@/lib/settings';
import { webLock, type WithLock } from '@/lib/vault/locks';

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

describe('saveSettings: two saves in flight both land', () => {
  /** A storage area whose reads and writes take a turn of the event loop, as the browser's do. */
  function slowArea() {
    const items: Record<string, unknown> = {};
    const later = <T>(value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), 5));
    return {
      items,
      get: (keys: string[]) =>
        later(() => Object.fromEntries(keys.map((k) => [k, structuredClone(items[k])]))),
      set: (patch: Record<string, unknown>) => later(() => void Object.assign(items, structuredClone(patch))),
    };
  }

  it.each([
    ['the lock every caller uses', undefined],
    ['the queue used where Web Locks are missing', webLock(undefined)],
  ])('with %s, a blur and a checkbox keep both changes', async (_, withLock) => {
    const area = slowArea();
    await Promise.all([
      saveSettings(area, { clipboardClearSeconds: 45 }, withLock),
      saveSettings(area, { rememberDevice: true }, withLock),
    ]);
    expect(await loadSettings(area)).toMatchObject({ clipboardClearSeconds: 45, rememberDevice: true });
  });

  it('without a lock the second save undoes the first (what the lock prevents)', async () => {
    const area = slowArea();
    const none: WithLock = (_, fn) => fn();
    await Promise.all([
      saveSettings(area, { clipboardClearSeconds: 45 }, none),
      saveSettings(area, { rememberDevice: true }, none),
    ]);
    expect(await loadSettings(area)).not.toMatchObject({ clipboardClearSeconds: 45, rememberDevice: true });
  });
});
