import type { browser as extensionBrowser } from 'wxt/browser';
import { t } from '../../i18n';
import { sendMessage, type LookalikeWarning } from '../../messaging';
import { webOriginOf } from '../../origins';
import type { AutofillService } from '../autofill-service';
import type { Router } from '../router';

type Browser = typeof extensionBrowser;

export const FILL_COMMAND = 'fill-code';
export const FILL_MENU_ID = 'twofold-fill-code';

/** What a fill asked by the shortcut or the menu needs: the page, and the verdict on its origin. */
export interface UserFillDeps {
  /** Asks the content script of the tab (or frame) to fill its focused field; rejects where none runs. */
  askPage: (to: number | { tabId: number; frameId: number }) => Promise<unknown>;
  /** The enrolled site `origin` imitates, if any (nothing while locked). */
  lookalike: (origin: string | undefined) => Promise<{ warning?: LookalikeWarning }>;
  /** The toolbar popup, which shows the lookalike warning. */
  openPopup: () => Promise<void>;
}

/**
 * The shortcut or the menu, on `tab`: the page's content script fills (or its card says why it
 * did not). Where Twofold does not run, a lookalike page would otherwise get silence: the popup
 * opens with the warning instead. The tab's URL is there through the activeTab grant the shortcut
 * and the menu give.
 */
export async function fillFocusedField(
  { askPage, lookalike, openPopup }: UserFillDeps,
  tab: { id?: number; url?: string },
  frameId?: number,
): Promise<'asked' | 'warned' | 'nothing'> {
  if (tab.id === undefined) return 'nothing';
  try {
    await askPage(frameId === undefined ? tab.id : { tabId: tab.id, frameId });
    return 'asked';
  } catch {
    // Nobody answered: Twofold's content script does not run on this site.
  }
  const { warning } = await lookalike(webOriginOf(tab.url)).catch(() => ({ warning: undefined }));
  if (!warning) return 'nothing';
  // A browser that refuses (no user gesture left after the checks) leaves it as before: nothing filled.
  return openPopup().then(
    () => 'warned' as const,
    () => 'nothing' as const,
  );
}

/** Codes for pages, submissions from them, and the two ways a user asks for a fill: the shortcut and the menu. */
export function registerAutofillHandlers(
  { handle }: Router,
  {
    autofill,
    browser,
    lookalike,
  }: { autofill: AutofillService; browser: Browser; lookalike: UserFillDeps['lookalike'] },
): void {
  handle('autofill:code', (request, sender) => autofill.code(sender, request));
  handle('autofill:username', ({ username }, sender) => autofill.rememberUsername(sender, username));
  handle('autofill:submitted', ({ accountId }, sender) => autofill.submitted(sender, accountId));
  handle('autofill:shortcut', async () => {
    const commands = (await browser.commands?.getAll().catch(() => [])) ?? [];
    return commands.find((command) => command.name === FILL_COMMAND)?.shortcut || null;
  });

  const deps: UserFillDeps = {
    askPage: (to) => sendMessage('autofill:fillFocused', undefined, to),
    lookalike,
    openPopup: () => browser.action.openPopup(),
  };
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === FILL_COMMAND && tab) void fillFocusedField(deps, tab);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: FILL_MENU_ID,
      title: t('menuFillCode'),
      contexts: ['editable'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID && tab) void fillFocusedField(deps, tab, info.frameId ?? 0);
  });
}
