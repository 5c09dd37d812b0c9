import type { browser as extensionBrowser } from 'wxt/browser';
import { t } from '../../i18n';
import type { AutofillService } from '../autofill-service';
import { sendAwake } from '../content-loader';
import type { Router } from '../router';

type Browser = typeof extensionBrowser;

export const FILL_COMMAND = 'fill-code';
export const FILL_MENU_ID = 'twofold-fill-code';

/** Codes for pages, submissions from them, and the two ways a user asks for a fill: the shortcut and the menu. */
export function registerAutofillHandlers(
  { handle }: Router,
  { autofill, browser }: { autofill: AutofillService; browser: Browser },
): void {
  handle('autofill:code', (request, sender) => autofill.code(sender, request));
  handle('autofill:username', ({ username }, sender) => autofill.rememberUsername(sender, username));
  handle('autofill:submitted', ({ accountId }, sender) => autofill.submitted(sender, accountId));
  handle('autofill:shortcut', async () => {
    const commands = (await browser.commands?.getAll().catch(() => [])) ?? [];
    return commands.find((command) => command.name === FILL_COMMAND)?.shortcut || null;
  });

  const fillFocused = (tabId: number, frameId?: number): void => {
    // Sites where Twofold has no content script have nobody to answer: nothing to do there.
    void sendAwake('autofill:fillFocused', undefined, tabId, frameId).catch(() => undefined);
  };
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === FILL_COMMAND && tab?.id !== undefined) fillFocused(tab.id);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: FILL_MENU_ID,
      title: t('menuFillCode'),
      contexts: ['editable'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID && tab?.id !== undefined) fillFocused(tab.id, info.frameId ?? 0);
  });
}
