import type { browser as extensionBrowser } from 'wxt/browser';

/**
 * The popup page in a small window: how a page-side action ("Save to Twofold"
 * while locked) reaches the passphrase field. One window at a time.
 */
export function unlockWindowOpener(browser: typeof extensionBrowser): () => Promise<void> {
  let windowId: number | undefined;
  browser.windows.onRemoved.addListener((id) => {
    if (id === windowId) windowId = undefined;
  });
  return async () => {
    if (windowId !== undefined) {
      await browser.windows.update(windowId, { focused: true }).catch(() => (windowId = undefined));
      if (windowId !== undefined) return;
    }
    const created = await browser.windows.create({
      url: browser.runtime.getURL('/popup.html?window=unlock'),
      type: 'popup',
      width: 380,
      height: 560,
      focused: true,
    });
    windowId = created?.id;
  };
}
