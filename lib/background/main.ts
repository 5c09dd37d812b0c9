import { browser } from 'wxt/browser';
import { inUiLanguage } from '../i18n';
import { sendMessage } from '../messaging';
import { webOriginOf } from '../origins';
import { decodeQr } from '../qr/decode';
import { loadSettings } from '../settings';
import { VaultStore } from '../vault/store';
import { AccountsService } from './accounts-service';
import { AccountUsage } from './account-usage';
import { AutofillChoices } from './autofill-choices';
import { AutofillService } from './autofill-service';
import { startAutolock } from './autolock';
import { CaptureService } from './capture-service';
import { ClockService } from './clock-service';
import { BUILD_HTTP_CLOCK_ORIGINS } from '../clock/trust';
import { registerClockHandlers } from './handlers/clock';
import { registerManagedHandlers } from './handlers/managed';
import { withPolicies } from './managed-guard';
import { ManagedPolicies } from './managed-policies';
import type { PolicyReading } from '../policy/reader';
import { registerAccountsHandlers } from './handlers/accounts';
import { registerAutofillHandlers } from './handlers/autofill';
import { registerCaptureHandlers } from './handlers/capture';
import { registerContentHandlers } from './handlers/content';
import { registerScanHandlers } from './handlers/scan';
import { registerSitesHandlers } from './handlers/sites';
import { registerTransferHandlers } from './handlers/transfer';
import { registerVaultHandlers } from './handlers/vault';
import { registerImageMenu } from './image-menu';
import { createRouter } from './router';
import { ScanService } from './scan-service';
import { SyncService } from './sync-service';
import { registerSyncHandlers } from './handlers/sync';
import { CaptureThrottle } from './screenshot';
import { SessionKey } from './session-key';
import { watchPresetAccess } from './preset-access';
import { watchSiteAccess } from './site-access';
import { twofoldWindowOpener } from './twofold-window';
import { TransferService } from './transfer-service';
import { VaultService } from './vault-service';
import { VaultHealth } from './vault-health';
import { PasskeyService } from './passkey-service';
import { registerPasskeyHandlers } from './handlers/passkey';
import { registerPopupHandlers } from './handlers/popup';
import { pageTabOrigin } from './lookalike-warning';
import { activeTabOrigin } from './site-access';
import { RevisionWatermark, whileOn } from '../vault/watermark';
import { noteInstall } from '../release/welcome';

/** The background's whole job at start-up: make the services once, then register every handler. */
export function startBackground(): void {
  // The organisation's policies: storage.managed throws or gives {} where there are none.
  const managed = new ManagedPolicies({ read: () => browser.storage.managed.get() });
  const settings = async () => managed.effective(await loadSettings(browser.storage.local));
  const autolock = startAutolock(
    browser,
    () => vault.lock(),
    async () => (await settings()).autoLockMinutes,
  );
  // Outside the vault copies: a restore of vault.A/B alone does not bring these back. The sync
  // space holds one more copy while sync is on (raised by each sync run, within its write budget;
  // read at every unlock), which a restore of the whole profile does not bring back either.
  const watermark = new RevisionWatermark([browser.storage.session, browser.storage.local]);
  const everyWatermark = new RevisionWatermark([
    browser.storage.session,
    browser.storage.local,
    whileOn(browser.storage.sync, () => sync.isOn()),
  ]);
  const store = new VaultStore(browser.storage.local, {
    watermark,
    onWrite: (accounts) => sync.onVaultWrite(accounts),
  });
  const sessionKey = new SessionKey(browser.storage.session);
  const sync = new SyncService({
    area: browser.storage.sync,
    local: browser.storage.local,
    store,
    sessionKey,
    watermark: new RevisionWatermark([browser.storage.sync]),
  });
  const vault = new VaultService({
    store,
    sessionKey,
    onActivity: () => autolock.touch(),
    health: new VaultHealth({ store, watermark: everyWatermark, session: browser.storage.session }),
    unlockFallback: (passphrase) => sync.unlockFallback(passphrase),
    onPassphraseChanged: (next, before) => sync.onPassphraseChanged(next, before),
  });
  vault.onUnlock(() => sync.onRemoteChange());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') sync.onRemoteChange();
    if (area === 'managed') void managed.changed();
  });
  // A policy applies at once: the auto-lock re-armed, sync turned off (every account stays here).
  const applyPolicies = ({ policies }: PolicyReading) => {
    autolock.touch();
    if (policies.sync === 'forbidden')
      void (async () => (await sync.isOn()) && (await sync.disable()))().catch(() => undefined);
  };
  managed.onChange(applyPolicies);
  void managed.reading().then(applyPolicies);
  const baseRouter = createRouter({
    self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    localize: inUiLanguage,
    // A person using Twofold's own pages is activity; a page's content script never is.
    onPageMessage: () => autolock.touch(),
  });
  // Called only once unlocked, when the organisation requires a passkey.
  const router = withPolicies(baseRouter, managed, async () => (await passkeys.list()).length > 0);
  const tabOrigin = async (tabId: number) =>
    webOriginOf((await browser.tabs.get(tabId).catch(() => undefined))?.url);
  const openWindow = twofoldWindowOpener(browser);
  const openUnlock = (returnToTab?: number) => openWindow('unlock', returnToTab);

  const clock = new ClockService({
    area: browser.storage.local,
    fetch: (url, init) => fetch(url, init),
    hasHostAccess: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    httpClockOrigins: BUILD_HTTP_CLOCK_ORIGINS,
    policies: () => managed.policies(),
  });
  const usage = new AccountUsage(browser.storage.local);
  const accounts = new AccountsService(
    vault,
    undefined,
    () => clock.corrections(),
    usage,
    (id, code) => autofill.noteCodeCopied(id, code),
  );
  const autofill = new AutofillService({
    vault,
    settings,
    tabOrigin,
    choices: new AutofillChoices(browser.storage.local),
    clock,
    usage,
    notifyUnlocked: (tabIds) => {
      for (const tabId of tabIds) void sendMessage('vault:unlocked', undefined, tabId).catch(() => undefined);
    },
  });
  const capture = new CaptureService({
    vault,
    decode: decodeQr,
    openUnlock,
    tabOrigin,
    clock,
    showInTwofold: async (offer) => {
      scan.holdForPopup({ offer });
      await openWindow('scan');
    },
    notify: (tabId, frameId, result) => sendMessage('capture:saved', result, { tabId, frameId }),
    onCodeGiven: (accountId, code) => autofill.noteCodeUsed(accountId, code),
  });
  const scan = new ScanService(browser, capture, new CaptureThrottle(), decodeQr, (tabId, offer) =>
    sendMessage('capture:offered', offer, { tabId, frameId: 0 }),
  );
  const transfer = new TransferService(vault);
  const passkeys = new PasskeyService({ store, sessionKey, vault });

  registerVaultHandlers(router, { vault, openUnlock });
  registerAccountsHandlers(router, { accounts });
  registerCaptureHandlers(router, { capture, scan });
  registerAutofillHandlers(router, { autofill, browser, lookalike: (origin) => accounts.lookalike(origin) });
  registerScanHandlers(router, { capture, scan });
  registerSitesHandlers(router, { browser, accounts });
  registerTransferHandlers(router, { transfer });
  registerContentHandlers(router, { browser });
  registerSyncHandlers(router, { sync });
  registerClockHandlers(router, { clock, vault, accounts });
  registerManagedHandlers(router, {
    managed,
    hasHostAccess: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
  });
  registerPasskeyHandlers(router, { passkeys });
  registerPopupHandlers(router, {
    vault,
    accounts,
    settings: () => loadSettings(browser.storage.local),
    policies: () => managed.policies(),
    activeOrigin: async () => (await activeTabOrigin(browser)).origin,
    pageOrigin: () => pageTabOrigin(browser),
  });

  browser.tabs.onRemoved.addListener((tabId) => autofill.forgetTab(tabId));
  // A first install asks the popup for a welcome; an update says nothing.
  browser.runtime.onInstalled.addListener(
    ({ reason }) => void noteInstall(browser.storage.local, reason, () => managed.policies()),
  );
  watchSiteAccess(browser);
  watchPresetAccess();
  registerImageMenu(
    browser,
    (srcUrl, frameId) => scan.scanActiveTab(srcUrl, frameId),
    async (outcome) => {
      scan.holdForPopup(outcome);
      await openWindow('scan');
    },
  );
}
