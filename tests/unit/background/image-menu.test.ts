import { beforeEach, describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { IMAGE_MENU_ID, registerImageMenu } from '@/lib/background/image-menu';
import type { ScanOutcome } from '@/lib/messaging';
import { useLocale } from '../helpers/locale';

type Listener = (...args: unknown[]) => void;

function fakeBrowser() {
  const listeners: Record<string, Listener[]> = { installed: [], clicked: [] };
  const created: unknown[] = [];
  const api = {
    runtime: { onInstalled: { addListener: (l: Listener) => listeners.installed!.push(l) } },
    contextMenus: {
      create: (item: unknown) => created.push(item),
      onClicked: { addListener: (l: Listener) => listeners.clicked!.push(l) },
    },
  };
  return { api: api as unknown as typeof extensionBrowser, listeners, created };
}

describe('image context menu', () => {
  beforeEach(() => useLocale('en'));

  it('adds "Scan QR code with Twofold" to images only, at install', () => {
    const fake = fakeBrowser();
    registerImageMenu(
      fake.api,
      () => Promise.resolve({ message: 'noQr' }),
      () => Promise.resolve(),
    );
    fake.listeners.installed!.forEach((l) => l());
    expect(fake.created).toEqual([
      { id: IMAGE_MENU_ID, title: 'Scan QR code with Twofold', contexts: ['image'] },
    ]);
  });

  it('scans the clicked image and shows the result', async () => {
    const fake = fakeBrowser();
    const scanned: [string, number][] = [];
    const shown: ScanOutcome[] = [];
    registerImageMenu(
      fake.api,
      (src, frame) => {
        scanned.push([src, frame]);
        return Promise.resolve({ message: 'notOtp' });
      },
      (outcome) => {
        shown.push(outcome);
        return Promise.resolve();
      },
    );
    fake.listeners.clicked!.forEach((l) =>
      l({ menuItemId: IMAGE_MENU_ID, srcUrl: 'https://x.example/qr.png', frameId: 0 }),
    );
    fake.listeners.clicked!.forEach((l) => l({ menuItemId: 'another', srcUrl: 'https://x.example/a.png' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(scanned).toEqual([['https://x.example/qr.png', 0]]);
    expect(shown).toEqual([{ message: 'notOtp' }]);
  });
});
