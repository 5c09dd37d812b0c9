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
 */
export function twofoldWindowOpener(
  browser: typeof extensionBrowser,
): (kind: TwofoldWindowKind) => Promise<void> {
  let windowId: number | undefined;
  browser.windows.onRemoved.addListener((id) => {
    if (id === windowId) windowId = undefined;
  });
  return async (kind) => {
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
