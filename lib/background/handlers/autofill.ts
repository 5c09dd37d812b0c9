import type { browser as extensionBrowser } from 'wxt/browser';
import { sendMessage } from '../../messaging';
import type { AutofillService } from '../autofill-service';
import { handle } from '../router';

type Browser = typeof extensionBrowser;

export const FILL_COMMAND = 'fill-code';
export const FILL_MENU_ID = 'twofold-fill-code';

export interface AutofillHandlerDeps {
  autofill: AutofillService;
  browser: Browser;
  self: Parameters<typeof handle>[2];
}

/** Submissions from pages, and the two ways a user asks for a fill: the shortcut and the context menu. */
export function registerAutofillHandlers({ autofill, browser, self }: AutofillHandlerDeps): void {
  handle('autofill:submitted', ({ accountId }, sender) => autofill.submitted(sender, accountId), self);

  const fillFocused = (tabId: number, frameId?: number): void => {
    const to = frameId === undefined ? tabId : { tabId, frameId };
    // Sites where Twofold has no content script have nobody to answer: nothing to do there.
    void sendMessage('autofill:fillFocused', undefined, to).catch(() => undefined);
  };
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === FILL_COMMAND && tab?.id !== undefined) fillFocused(tab.id);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: FILL_MENU_ID,
      title: browser.i18n.getMessage('menuFillCode'),
      contexts: ['editable'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID && tab?.id !== undefined) fillFocused(tab.id, info.frameId ?? 0);
  });
}
