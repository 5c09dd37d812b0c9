import type { browser as extensionBrowser } from 'wxt/browser';
import { t } from '../i18n';
import type { ScanOutcome } from '../messaging';

type Browser = typeof extensionBrowser;

export const IMAGE_MENU_ID = 'twofold-scan-image';

/**
 * "Scan QR code with Twofold" on any image: the click grants activeTab, the
 * image is decoded from a crop of the visible tab, and the result opens in
 * Twofold's popup window, where the user saves it.
 */
export function registerImageMenu(
  browser: Browser,
  scanImage: (srcUrl: string, frameId: number) => Promise<ScanOutcome>,
  show: (outcome: ScanOutcome) => Promise<void>,
): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: IMAGE_MENU_ID,
      title: t('menuScanImage'),
      contexts: ['image'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== IMAGE_MENU_ID || !info.srcUrl) return;
    void scanImage(info.srcUrl, info.frameId ?? 0).then(show);
  });
}
