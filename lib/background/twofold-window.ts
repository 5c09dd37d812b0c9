import type { browser as extensionBrowser } from 'wxt/browser';

/**
 * Why Twofold's window opens. `unlock` tells the popup page (`?window=unlock`) that it serves a
 * page waiting for the vault; `scan` shows what the image menu found, which the popup asks for
 * on open anyway.
 */
export type TwofoldWindowKind = 'unlock' | 'scan';

/**
 * The popup page in a small window: how a page-side action ("Save to Twofold" while locked) or
 * the image menu reaches Twofold's own UI. One window at a time: a second request focuses it.
 * When it closes (by itself after the unlock, or by the user), the tab that asked comes back to
 * the front, where the waiting save or fill goes on.
 */
export function twofoldWindowOpener(
  browser: typeof extensionBrowser,
): (kind: TwofoldWindowKind, returnToTab?: number) => Promise<void> {
  let windowId: number | undefined;
  let returnTo: number | undefined;
  browser.windows.onRemoved.addListener((id) => {
    if (id !== windowId) return;
    windowId = undefined;
    const tabId = returnTo;
    returnTo = undefined;
    if (tabId !== undefined) void bringBack(browser, tabId);
  });
  return async (kind, returnToTab) => {
    if (returnToTab !== undefined) returnTo = returnToTab;
    if (windowId !== undefined) {
      await browser.windows.update(windowId, { focused: true }).catch(() => (windowId = undefined));
      if (windowId !== undefined) return;
    }
    const created = await browser.windows.create({
      url: browser.runtime.getURL(kind === 'unlock' ? '/popup.html?window=unlock' : '/popup.html'),
      type: 'popup',
      width: 380,
      height: 560,
      focused: true,
    });
    windowId = created?.id;
  };
}

/** Its window to the front, then the tab itself (it may have been closed meanwhile). */
async function bringBack(browser: typeof extensionBrowser, tabId: number): Promise<void> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    await browser.tabs.update(tabId, { active: true });
  } catch {
    // The tab is gone: nothing to return to.
  }
}
