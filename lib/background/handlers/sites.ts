import type { browser as extensionBrowser } from 'wxt/browser';
import type { AccountsService } from '../accounts-service';
import { pageTabOrigin } from '../lookalike-warning';
import type { Router } from '../router';
import { activateNewSite, activeTabOrigin, enabledSitePatterns, revokeSite } from '../site-access';

export function registerSitesHandlers(
  { handle }: Router,
  { browser, accounts }: { browser: typeof extensionBrowser; accounts: AccountsService },
): void {
  handle('sites:enabled', () => enabledSitePatterns(browser));
  handle('sites:activate', () => activateNewSite(browser));
  handle('sites:revoke', ({ pattern }) => revokeSite(browser, pattern));
  handle('sites:list', () => accounts.sites());
  handle('tabs:activeOrigin', () => activeTabOrigin(browser));
  handle('tabs:lookalike', async () => accounts.lookalike(await pageTabOrigin(browser)));
}
