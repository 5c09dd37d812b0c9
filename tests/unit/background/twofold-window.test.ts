import { describe, expect, it, vi } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { twofoldWindowOpener } from '@/lib/background/twofold-window';

/** Just the windows and tabs calls the opener makes. */
function fakeBrowser(tabs: Record<number, { windowId: number }>) {
  let onRemoved: ((id: number) => void) | undefined;
  const calls: string[] = [];
  const browser = {
    runtime: { getURL: (path: string) => `chrome-extension://twofold${path}` },
    windows: {
      onRemoved: { addListener: (fn: (id: number) => void) => (onRemoved = fn) },
      create: vi.fn(() => Promise.resolve({ id: 99 })),
      update: vi.fn((id: number) => Promise.resolve(void calls.push(`focus window ${id}`))),
    },
    tabs: {
      get: vi.fn((id: number) => {
        const tab = tabs[id];
        return tab ? Promise.resolve({ id, ...tab }) : Promise.reject(new Error('No tab with id'));
      }),
      update: vi.fn((id: number) => Promise.resolve(void calls.push(`activate tab ${id}`))),
    },
  };
  return {
    browser: browser as unknown as typeof extensionBrowser,
    close: async (id: number) => {
      onRemoved?.(id);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    calls,
    created: browser.windows.create,
  };
}

describe('the unlock window', () => {
  it('brings the tab that asked back to the front when it closes', async () => {
    const fake = fakeBrowser({ 7: { windowId: 3 } });
    const opener = twofoldWindowOpener(fake.browser);
    const open = (tab?: number) => opener('unlock', tab);
    await open(7);
    expect(fake.created).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'chrome-extension://twofold/popup.html?window=unlock' }),
    );
    await fake.close(99);
    expect(fake.calls).toEqual(['focus window 3', 'activate tab 7']);
  });

  it('opens one window at a time; the latest tab that asked is the one brought back', async () => {
    const fake = fakeBrowser({ 7: { windowId: 3 }, 8: { windowId: 4 } });
    const opener = twofoldWindowOpener(fake.browser);
    const open = (tab?: number) => opener('unlock', tab);
    await open(7);
    await open(8);
    expect(fake.created).toHaveBeenCalledTimes(1);
    fake.calls.length = 0;
    await fake.close(99);
    expect(fake.calls).toEqual(['focus window 4', 'activate tab 8']);
  });

  it.each([
    ['another window closing', 12, {}],
    ['the tab closed meanwhile', 99, {}],
  ])('does nothing on %s', async (_name, closed) => {
    const fake = fakeBrowser({});
    const opener = twofoldWindowOpener(fake.browser);
    const open = (tab?: number) => opener('unlock', tab);
    await open(7);
    await fake.close(closed);
    expect(fake.calls).toEqual([]);
  });
});
