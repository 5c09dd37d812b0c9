import type { browser as extensionBrowser } from 'wxt/browser';
import { LOADER_FILE } from '../content-files';
import { keepEnabledOrigins, rememberEnabledOrigin, webOriginOf, type EnabledOrigins } from '../origins';

type Browser = typeof extensionBrowser;

/** storage.local: the origins each enabled pattern was enabled from (read by the settings page). */
export const ENABLED_ORIGINS_KEY = 'sites.enabledOrigins';

async function readEnabledOrigins(browser: Browser): Promise<EnabledOrigins> {
  const stored = (await browser.storage.local.get(ENABLED_ORIGINS_KEY))[ENABLED_ORIGINS_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as EnabledOrigins) : {};
}

/** A grant just happened (from the popup on the active tab): remember that tab's origin for it. */
export async function noteGrantedOrigins(browser: Browser, granted: readonly string[]): Promise<void> {
  const { origin } = await activeTabOrigin(browser);
  const before = await readEnabledOrigins(browser);
  const after = rememberEnabledOrigin(before, granted, origin);
  if (after !== before) await browser.storage.local.set({ [ENABLED_ORIGINS_KEY]: after });
}

/** One registration covers every site the user enabled. */
export const SITES_SCRIPT_ID = 'twofold-enabled-sites';

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
    // The loader; it brings capture and autofill in where it finds work (as on the preset).
    js: [LOADER_FILE],
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
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    sync();
    void noteGrantedOrigins(browser, origins).catch((error: unknown) =>
      console.error('Twofold: sites', error),
    );
  });
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}

/**
 * Starts Twofold in a tab of a site just enabled, without waiting for a reload: its loader, which
 * finds the field or the QR code the user is looking at and brings the rest in.
 */
export async function activateInActiveTab(browser: Browser): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.id) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      files: [`/${LOADER_FILE}`],
    });
    return true;
  } catch {
    return false;
  }
}

/** Turns autofill off on a site the user enabled: its permission goes, then its script. */
export async function revokeSite(browser: Browser, pattern: string): Promise<string[]> {
  if ((await enabledSitePatterns(browser)).includes(pattern)) {
    await browser.permissions.remove({ origins: [pattern] });
  }
  const enabled = await syncSiteScripts(browser);
  const remembered = await readEnabledOrigins(browser);
  await browser.storage.local.set({ [ENABLED_ORIGINS_KEY]: keepEnabledOrigins(remembered, enabled) });
  return enabled;
}

/** After the popup's permission request: register the site's script and start it in the tab now. */
export async function activateNewSite(browser: Browser): Promise<boolean> {
  await syncSiteScripts(browser);
  return activateInActiveTab(browser);
}

/**
 * The active tab's web origin. Its URL is visible only where Twofold may see it: a host
 * permission, or activeTab after the toolbar click that opened the popup.
 */
export async function activeTabOrigin(browser: Browser): Promise<{ origin?: string }> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const origin = webOriginOf(tab?.url);
  return origin ? { origin } : {};
}
