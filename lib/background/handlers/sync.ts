import { handle } from '../router';
import type { SyncService } from '../sync-service';

export interface SyncHandlerDeps {
  sync: SyncService;
  self: { id: string; baseUrl: string; localize?: (error: unknown) => unknown };
}

/** Handlers of SyncProtocol (lib/protocol/sync.ts). */
export function registerSyncHandlers({ sync, self }: SyncHandlerDeps): void {
  handle('sync:status', () => sync.status(), self);
  handle('sync:enable', ({ passphrase }) => sync.enable(passphrase), self);
  handle('sync:disable', () => sync.disable(), self);
}
