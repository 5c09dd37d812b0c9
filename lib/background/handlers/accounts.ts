import type { AccountsService } from '../accounts-service';
import type { Router } from '../router';

export function registerAccountsHandlers(
  { handle }: Router,
  { accounts }: { accounts: AccountsService },
): void {
  handle('accounts:list', () => accounts.list());
  handle('accounts:addUri', ({ uri, website }) => accounts.add(uri, website));
  handle('accounts:delete', ({ id }) => accounts.remove(id));
  handle('accounts:update', ({ id, patch }) => accounts.update(id, patch));
  handle('accounts:reorder', ({ ids }) => accounts.reorder(ids));
  handle('accounts:setWebsite', ({ id, website }) => accounts.setWebsite(id, website));
  handle('accounts:restoreKey', ({ id }) => accounts.restoreKey(id));
  handle('accounts:nextHotp', ({ id }) => accounts.nextHotp(id));
  handle('accounts:used', ({ id }) => accounts.used(id));
  handle('deleted:list', () => accounts.listDeleted());
  handle('deleted:restore', ({ id }) => accounts.restoreDeleted(id));
  handle('deleted:forget', ({ id }) => accounts.forgetDeleted(id));
}
