import type { Page } from 'puppeteer-core';
import { ADDON_ID } from '../fixtures/firefox.ts';

type BidiSession = { send(method: string, params: object): Promise<{ result: unknown }> };
type Evaluated = {
  type: 'success' | 'exception';
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
};

/** The id Firefox derives from the add-on id for its keys and menu items ("twofold_twofold_dev"). */
const WIDGET_ID = ADDON_ID.replace(/[^a-z0-9_-]/gi, '_');

/**
 * Runs `expression` in Firefox's own window (browser.xhtml), where its keyboard shortcuts and
 * context menu live: BiDi reaches it with system access (`--remote-allow-system-access`).
 */
async function inBrowserWindow(page: Page, expression: string): Promise<unknown> {
  const frame = page.mainFrame() as unknown as {
    browsingContext?: { userContext: { browser: { session: BidiSession } } };
  };
  const session = frame.browsingContext?.userContext.browser.session;
  if (!session) throw new Error('not a WebDriver BiDi page');
  const tree = (await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error("Firefox's window is not reachable (system access?)");
  const evaluated = (
    await session.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    })
  ).result as Evaluated;
  if (evaluated.type !== 'success')
    throw new Error(`in Firefox's window: ${evaluated.exceptionDetails?.text}`);
  return evaluated.result?.value;
}

/**
 * Twofold's keyboard shortcut `keys` ("Alt+Shift+O") pressed in `page`. BiDi key presses reach the
 * page only, never Firefox's own key handling, so the test runs the command of the key Firefox
 * registered for it: what the real key does (the command, with the activeTab grant).
 */
export async function pressShortcut(page: Page, keys: string): Promise<void> {
  await page.bringToFront();
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts
    .map((part) => part.toLowerCase())
    .sort()
    .join(',');
  const ran = await inBrowserWindow(
    page,
    `(() => {
      const keys = [...document.querySelectorAll(${JSON.stringify(`#ext-keyset-id-${WIDGET_ID} key`)})];
      const mods = (k) => (k.getAttribute('modifiers') || '').split(',').filter(Boolean).sort().join(',');
      const found = keys.find((k) => k.getAttribute('key') === ${JSON.stringify(key)} && mods(k) === ${JSON.stringify(modifiers)});
      if (!found) return false;
      found.doCommand();
      return true;
    })()`,
  );
  if (ran !== true) throw new Error(`Firefox has no shortcut ${keys} for Twofold`);
}

/**
 * A right click on `selector` in `page` (a real one: Firefox opens its context menu, headless
 * too), then Twofold's item `menuItemId` chosen in that menu.
 */
export async function chooseMenuItem(page: Page, selector: string, menuItemId: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).click({ button: 'right' });
  const item = `${WIDGET_ID}-menuitem-_${menuItemId}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const chosen = await inBrowserWindow(
      page,
      `(() => {
        const menu = document.getElementById('contentAreaContextMenu');
        const item = document.getElementById(${JSON.stringify(item)});
        if (menu.state !== 'open' || !item || item.hidden) return false;
        menu.activateItem(item);
        return true;
      })()`,
    );
    if (chosen === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Twofold's menu item ${menuItemId} did not show in the context menu`);
}

/** The text of Twofold's toolbar popup, when it is open ('' otherwise), read through one of Twofold's pages. */
export function toolbarPopupText(twofoldPage: Page): Promise<string> {
  return twofoldPage.evaluate(() => {
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    const [popup] = ext.extension.getViews({ type: 'popup' });
    return (popup?.document.body.textContent ?? '').replace(/\s+/g, ' ');
  });
}

/** Closes Twofold's toolbar popup (as Escape would; BiDi's clicks into the page do not reach Firefox's panel). */
export async function closeToolbarPopup(twofoldPage: Page): Promise<void> {
  await twofoldPage.evaluate(() => {
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    for (const popup of ext.extension.getViews({ type: 'popup' })) popup.close();
  });
}
