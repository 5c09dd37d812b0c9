import type { VaultService } from './vault-service';

export interface ManageDeps {
  vault: VaultService;
  self: { id: string; baseUrl: string };
}

/** Handlers of ManageProtocol (lib/protocol/manage.ts): account management, settings, backups. */
export function registerManageHandlers(_deps: ManageDeps): void {}
