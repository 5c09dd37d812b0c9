import { handle } from '../router';
import type { VaultService } from '../vault-service';

export interface VaultHealthHandlerDeps {
  vault: VaultService;
  self: { id: string; baseUrl: string; localize?: (error: unknown) => unknown };
}

/** Handlers of VaultHealthProtocol (lib/protocol/vault-health.ts). */
export function registerVaultHealthHandlers({ vault, self }: VaultHealthHandlerDeps): void {
  handle('vault:clearQuarantine', () => vault.clearQuarantine(), self);
  handle('vault:acceptRollback', () => vault.acceptRollback(), self);
}
