import type { Router } from '../router';
import type { VaultService } from '../vault-service';

export function registerVaultHandlers(
  { handle }: Router,
  { vault, openUnlock }: { vault: VaultService; openUnlock: (returnToTab?: number) => Promise<void> },
): void {
  handle('vault:state', () => vault.state());
  handle('vault:create', ({ passphrase }) => vault.create(passphrase));
  handle('vault:unlock', ({ passphrase }) => vault.unlock(passphrase));
  handle('vault:lock', () => vault.lock());
  handle('vault:changePassphrase', ({ current, next }) => vault.changePassphrase(current, next));
  handle('vault:clearQuarantine', () => vault.clearQuarantine());
  handle('vault:acceptRollback', () => vault.acceptRollback());
  handle('vault:openUnlock', (_data, sender) => openUnlock(sender.tabId));
}
