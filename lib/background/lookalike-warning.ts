import type { browser as extensionBrowser } from 'wxt/browser';
import { lookalikeOf } from '../lookalike';
import type { LookalikeWarning } from '../messaging';
import { webOriginOf } from '../origins';

type Browser = typeof extensionBrowser;

/**
 * The warning for a page that imitates an origin the user enrolled on: both hosts, and the
 * accounts of the imitated origin (their codes are the ones a phishing page wants). Enrolled
 * origins are the accounts' bound origins; the page's own origin never warns about itself.
 */
export function lookalikeWarning(
  accounts: readonly { id: string; origin?: string }[],
  pageOrigin: string | undefined,
): LookalikeWarning | undefined {
  if (!pageOrigin) return undefined;
  const enrolled = [...new Set(accounts.flatMap((a) => (a.origin ? [a.origin] : [])))];
  const imitated = lookalikeOf(pageOrigin, enrolled);
  if (!imitated || imitated === pageOrigin) return undefined;
  const pageHost = hostOf(pageOrigin);
  const imitatedHost = hostOf(imitated);
  if (!pageHost || !imitatedHost) return undefined;
  return {
    pageHost,
    imitatedHost,
    accountIds: accounts.filter((a) => a.origin === imitated).map((a) => a.id),
  };
}

/** Host and port as people read them in the address bar ("m2mmanager.localhost:4100"). */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * The web page Twofold's popup is about: the active tab (its URL is visible through activeTab
 * after the toolbar click, or a host permission). When that tab is Twofold's own window (the
 * unlock window a page opened), the page is the active tab of the browser window used last.
 */
export async function pageTabOrigin(browser: Browser): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const origin = webOriginOf(tab?.url);
  if (origin || !tab?.url?.startsWith(browser.runtime.getURL('/'))) return origin;
  const behind = (await browser.tabs.query({ active: true }))
    .filter((other) => other.windowId !== tab.windowId)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return webOriginOf(behind?.url);
}
