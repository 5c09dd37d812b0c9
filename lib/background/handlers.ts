import { browser } from 'wxt/browser';
import { isPresetOrigin } from '../preset';
import { loadSettings } from '../settings';
import { VaultStore } from '../vault/store';
import { startAutolock } from './autolock';
import { handle } from './router';
import { SessionKey } from './session-key';
import { VaultService } from './vault-service';

/** The background's whole job at start-up: wire services and register handlers. */
export function registerHandlers(): void {
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const autolock = startAutolock(
    browser,
    () => vault.lock(),
    async () => (await loadSettings(browser.storage.local)).autoLockMinutes,
  );
  const vault = new VaultService({
    store: new VaultStore(browser.storage.local),
    sessionKey: new SessionKey(browser.storage.session),
    onActivity: () => autolock.touch(),
  });

  handle(
    'content:hello',
    (_data, sender) => ({
      origin: sender.origin,
      enrolledSite: isPresetOrigin(sender.origin),
    }),
    self,
  );
  handle('vault:state', () => vault.state(), self);
  handle('vault:create', ({ passphrase }) => vault.create(passphrase), self);
  handle('vault:unlock', ({ passphrase }) => vault.unlock(passphrase), self);
  handle('vault:lock', () => vault.lock(), self);
  handle('accounts:list', () => vault.list(), self);
  handle('accounts:addUri', ({ uri, website }) => vault.addUri(uri, website), self);
  handle('accounts:delete', ({ id }) => vault.remove(id), self);
}
