import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../fixtures/extension';
import { tabIdOf } from '../fixtures/twofold';

/**
 * The tab showing `page`, as the browser hands it to a command or menu listener: the click or
 * key press grants activeTab, so its URL is in it even where Twofold has no host permission.
 */
async function tabFor(twofold: ExtensionBrowser, page: Page): Promise<{ id: number; url: string }> {
  return { id: await tabIdOf(twofold.serviceWorker, page), url: page.url() };
}

/**
 * One of Twofold's keyboard shortcuts pressed in the tab showing `page`. Headless Chromium does
 * not turn keys into extension commands, so the test raises the very event the browser would
 * (`commands.onCommand`, with the tab) in the service worker: Twofold's own listener runs.
 */
export async function pressShortcut(twofold: ExtensionBrowser, page: Page, command: string): Promise<void> {
  const known = await tabFor(twofold, page);
  await twofold.serviceWorker.evaluate(
    async ([name, { id, url }]) => {
      const tab = { ...(await chrome.tabs.get(id)), url };
      (
        chrome.commands.onCommand as unknown as { dispatch(name: string, tab: chrome.tabs.Tab): void }
      ).dispatch(name, tab);
    },
    [command, known] as const,
  );
}

/**
 * A click on one of Twofold's context-menu items over an editable field of `page`'s top frame:
 * the event the browser raises (`contextMenus.onClicked`, with what was clicked and the tab),
 * raised in the service worker (headless browsers show no context menu to click).
 */
export async function chooseMenuItem(
  twofold: ExtensionBrowser,
  page: Page,
  menuItemId: string,
): Promise<void> {
  const known = await tabFor(twofold, page);
  await twofold.serviceWorker.evaluate(
    async ([item, { id, url }]) => {
      const tab = { ...(await chrome.tabs.get(id)), url };
      const info = { menuItemId: item, editable: true, frameId: 0, pageUrl: url, frameUrl: url };
      (
        chrome.contextMenus.onClicked as unknown as {
          dispatch(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab): void;
        }
      ).dispatch(info, tab);
    },
    [menuItemId, known] as const,
  );
}
