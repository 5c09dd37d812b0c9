import { websiteOrigin } from '../../website/website';
import { handle } from '../router';
import type { VaultService } from '../vault-service';

export interface AccountWebsiteDeps {
  vault: VaultService;
  self: { id: string; baseUrl: string; localize?: (error: unknown) => unknown };
}

/** Handlers of AccountWebsiteProtocol (lib/protocol/account-website.ts). */
export function registerAccountWebsiteHandlers({ vault, self }: AccountWebsiteDeps): void {
  handle('accounts:setWebsite', ({ id, website }) => vault.setOrigin(id, websiteOrigin(website)), self);
}
