import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;

/** One registration covers every site the user enabled. */
export const SITES_SCRIPT_ID = 'twofold-enabled-sites';
const SCRIPT_FILE = 'content-scripts/m2mmanager.js';

/** Origins the user granted at run time (optional host permissions), as match patterns. */
export async function enabledSitePatterns(browser: Browser): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const fromManifest = new Set<string>(
    (browser.runtime.getManifest().host_permissions as string[] | undefined) ?? [],
  );
  return origins.filter((pattern) => !fromManifest.has(pattern)).sort();
}

/**
 * Makes the registered content script match exactly the enabled sites. Called at
 * start-up and whenever a permission is granted or revoked (in Twofold or in the
 * browser's own settings), so revoking really stops autofill. The registration
 * persists across browser restarts.
 */
export function syncSiteScripts(browser: Browser): Promise<string[]> {
  // One sync at a time: a revoke and its permissions.onRemoved event must not race.
  const run = syncQueue.then(() => syncNow(browser));
  syncQueue = run.catch(() => undefined);
  return run;
}

let syncQueue: Promise<unknown> = Promise.resolve();

async function syncNow(browser: Browser): Promise<string[]> {
  const patterns = await enabledSitePatterns(browser);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (patterns.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
    return patterns;
  }
  const script = {
    id: SITES_SCRIPT_ID,
    matches: patterns,
    js: [SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return patterns;
}

export function watchSiteAccess(browser: Browser): void {
  const sync = () =>
    void syncSiteScripts(browser).catch((error: unknown) => console.error('Twofold: sites', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}

/** Starts Twofold in a tab of a site just enabled, without waiting for a reload. */
export async function activateInActiveTab(browser: Browser): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.id) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      files: [`/${SCRIPT_FILE}`],
    });
    return true;
  } catch {
    return false;
  }
}
