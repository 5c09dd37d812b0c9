import type { browser as extensionBrowser } from 'wxt/browser';
import { sendMessage } from '../../messaging';
import { isPresetOrigin } from '../../preset';
import { loadFeatures } from '../content-load';
import type { Router } from '../router';

type Browser = typeof extensionBrowser;

/** The shortcut that reaches the in-page card where Tab cannot (a page's modal trapping focus). */
export const CARD_COMMAND = 'card-action';

/** The keys the browser has for `command` now, as it shows them; '' when the user set none. */
export async function shortcutOf(browser: Pick<Browser, 'commands'>, command: string): Promise<string> {
  const commands = (await browser.commands?.getAll().catch(() => undefined)) ?? [];
  return commands.find((c) => c.name === command)?.shortcut ?? '';
}

/**
 * Content scripts introduce themselves and learn the card's shortcut; the `card-action` command
 * (a key press the browser reports: trusted, unlike any event a page makes) goes to every frame
 * of its tab, where the one showing the card acts.
 */
export function registerContentHandlers({ handle }: Router, { browser }: { browser: Browser }): void {
  handle('content:hello', (_data, sender) => ({
    origin: sender.origin,
    enrolledSite: isPresetOrigin(sender.origin),
  }));
  handle('card:shortcut', () => shortcutOf(browser, CARD_COMMAND));
  handle('content:load', (_data, sender) => loadFeatures(browser.scripting, sender));
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== CARD_COMMAND || tab?.id === undefined) return;
    // A tab without Twofold's content script has no card: nobody answers, nothing to do.
    void sendMessage('card:act', undefined, tab.id).catch(() => undefined);
  });
}
