import { browser } from 'wxt/browser';
import { isPresetOrigin } from '../preset';
import { loadSettings } from '../settings';
import { localizeError } from '../errors';
import { VaultStore } from '../vault/store';
import { sendMessage, type CaptureSaveResult } from '../messaging';
import { webOriginOf } from '../origins';
import { decodeQr } from '../qr/decode';
import { AutofillService } from './autofill-service';
import { startAutolock } from './autolock';
import { CaptureService } from './capture-service';
import { registerImageMenu } from './image-menu';
import { ScanService } from './scan-service';
import { activateInActiveTab, enabledSitePatterns, syncSiteScripts, watchSiteAccess } from './site-access';
import { CaptureThrottle } from './screenshot';
import { unlockWindowOpener } from './unlock-window';
import { registerManageHandlers } from './manage-handlers';
import { handle } from './router';
import { SessionKey } from './session-key';
import { VaultService } from './vault-service';
import { SyncService } from './sync-service';
import { registerSyncHandlers } from './handlers/sync';

/**
 * Tells a tab's frame that its capture was saved. The code goes along only while
 * the tab still shows the origin the account is bound to (it may have navigated).
 */
async function notifySaved(tabId: number, frameId: number, result: CaptureSaveResult): Promise<void> {
  if (result.status !== 'saved') return;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const sameOrigin = frameId === 0 && webOriginOf(tab?.url) === result.origin;
  const { code, ...withoutCode } = result;
  const message = sameOrigin && code ? { ...withoutCode, code } : withoutCode;
  await sendMessage('capture:saved', message, { tabId, frameId }).catch(() => undefined);
}

/** The background's whole job at start-up: wire services and register handlers. */
export function registerHandlers(): void {
  const self = {
    id: browser.runtime.id,
    baseUrl: browser.runtime.getURL('/'),
    localize: (error: unknown) =>
      localizeError(error, (key, subs) => browser.i18n.getMessage(key as 'extName', subs)),
  };
  const autolock = startAutolock(
    browser,
    () => vault.lock(),
    async () => (await loadSettings(browser.storage.local)).autoLockMinutes,
  );
  const sessionKey = new SessionKey(browser.storage.session);
  const store = new VaultStore(browser.storage.local, { onWrite: () => sync.onVaultWrite() });
  const sync = new SyncService({
    area: browser.storage.sync,
    local: browser.storage.local,
    store,
    sessionKey,
  });
  const vault = new VaultService({
    store,
    sessionKey,
    onActivity: () => autolock.touch(),
    unlockFallback: (passphrase) => sync.unlockFallback(passphrase),
    afterUnlock: (dek) => sync.afterUnlock(dek),
    onPassphraseChanged: (next, before) => sync.onPassphraseChanged(next, before),
  });
  vault.onUnlock(() => sync.onRemoteChange());
  browser.storage.onChanged.addListener((_changes, area) => area === 'sync' && sync.onRemoteChange());
  registerSyncHandlers({ sync, self });

  const autofill = new AutofillService({
    vault,
    settings: () => loadSettings(browser.storage.local),
    tabOrigin: async (tabId) => webOriginOf((await browser.tabs.get(tabId).catch(() => undefined))?.url),
    notifyUnlocked: (tabIds) => {
      for (const tabId of tabIds) void sendMessage('vault:unlocked', undefined, tabId).catch(() => undefined);
    },
  });
  const openUnlock = unlockWindowOpener(browser);
  const capture = new CaptureService({
    vault,
    decode: decodeQr,
    openUnlock,
    notify: (tabId, frameId, result) => notifySaved(tabId, frameId, result),
    onCodeGiven: (accountId, code) => autofill.noteCodeUsed(accountId, code),
  });
  const scan = new ScanService(browser, capture, new CaptureThrottle(), decodeQr);

  handle(
    'content:hello',
    (_data, sender) => ({ origin: sender.origin, enrolledSite: isPresetOrigin(sender.origin) }),
    self,
  );
  handle('capture:pixels', (pixels, sender) => capture.offerPixels(pixels, sender), self);
  handle(
    'capture:screenshot',
    ({ rects, viewport }, sender) => scan.cropsFromContent(sender, rects, viewport),
    self,
  );
  handle('capture:save', ({ offerId }, sender) => capture.save(offerId, sender), self);
  handle('vault:openUnlock', () => openUnlock(), self);

  browser.tabs.onRemoved.addListener((tabId) => autofill.forgetTab(tabId));
  handle('autofill:code', ({ accountId }, sender) => autofill.code(sender, accountId), self);
  handle('autofill:username', ({ username }, sender) => autofill.rememberUsername(sender, username), self);
  handle('vault:state', () => vault.state(), self);
  handle('vault:create', ({ passphrase }) => vault.create(passphrase), self);
  handle('vault:unlock', ({ passphrase }) => vault.unlock(passphrase), self);
  handle('vault:lock', () => vault.lock(), self);
  handle('accounts:list', () => vault.list(), self);
  handle('accounts:addUri', ({ uri, website }) => vault.addUri(uri, website), self);
  handle('accounts:delete', ({ id }) => vault.remove(id), self);
  registerManageHandlers({ vault, self });
  registerImageMenu(
    browser,
    (srcUrl, frameId) => scan.scanActiveTab(srcUrl, frameId),
    async (outcome) => {
      scan.holdForPopup(outcome);
      await browser.windows.create({
        url: browser.runtime.getURL('/popup.html?window=scan'),
        type: 'popup',
        width: 380,
        height: 560,
      });
    },
  );
  watchSiteAccess(browser);
  handle('sites:enabled', () => enabledSitePatterns(browser), self);
  handle(
    'sites:activate',
    async () => {
      await syncSiteScripts(browser);
      return activateInActiveTab(browser);
    },
    self,
  );
  handle(
    'sites:revoke',
    async ({ pattern }) => {
      if ((await enabledSitePatterns(browser)).includes(pattern)) {
        await browser.permissions.remove({ origins: [pattern] });
      }
      return syncSiteScripts(browser);
    },
    self,
  );
  handle('scan:activeTab', () => scan.scanActiveTab(), self);
  handle(
    'scan:pending',
    async () => {
      const pending = await scan.scanPending();
      // The page asked for this scan: its own prompt shows the offer too.
      if (pending?.tabId !== undefined && 'offer' in pending.outcome) {
        await sendMessage('capture:offered', pending.outcome.offer, {
          tabId: pending.tabId,
          frameId: 0,
        }).catch(() => undefined);
      }
      return pending?.outcome ?? null;
    },
    self,
  );
  handle(
    'scan:save',
    async ({ offerId }) => {
      const { tabId, frameId, ...result } = await capture.saveFromPopup(offerId);
      // Let the page fill its enrolment field.
      if (tabId !== undefined) await notifySaved(tabId, frameId ?? 0, result);
      const { code: _code, ...forPopup } = result as CaptureSaveResult & { code?: string };
      return forPopup;
    },
    self,
  );
}
