import type { Router } from '../router';
import type { SyncService } from '../sync-service';

export function registerSyncHandlers({ handle }: Router, { sync }: { sync: SyncService }): void {
  handle('sync:status', () => sync.status());
  handle('sync:enable', ({ passphrase, replace }) => sync.enable(passphrase, { replace: replace === true }));
  handle('sync:disable', () => sync.disable());
  handle('sync:useNewPassphrase', ({ passphrase }) => sync.useNewPassphrase(passphrase));
}
