import { describe, expect, it } from 'vitest';
import { showPresetAccess } from '@/lib/background/preset-access';
import type { MessageKey } from '@/lib/i18n';

describe('showPresetAccess', () => {
  it.each([
    [false, '!', 'presetAccessOffBadgeTitle'],
    [true, '', 'extName'],
  ])('permission granted: %s → badge "%s", title %s', async (granted, badge, title) => {
    const shown: { badge?: string; title?: string } = {};
    const result = await showPresetAccess({
      granted: () => Promise.resolve(granted),
      setBadge: (text) => Promise.resolve(void (shown.badge = text)),
      setTitle: (text) => Promise.resolve(void (shown.title = text)),
      t: (key: MessageKey) => key,
    });
    expect(result).toBe(granted);
    expect(shown).toEqual({ badge, title });
  });
});
