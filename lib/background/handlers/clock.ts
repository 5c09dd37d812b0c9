import type { AccountsService } from '../accounts-service';
import type { ClockService } from '../clock-service';
import type { Router } from '../router';
import type { VaultService } from '../vault-service';

export function registerClockHandlers(
  { handle }: Router,
  { clock, vault, accounts }: { clock: ClockService; vault: VaultService; accounts: AccountsService },
): void {
  // The enrolled sites are the accounts' bound origins; locked, only those already known.
  const enrolled = async () =>
    (await vault.isUnlocked()) ? (await accounts.sites()).map((site) => site.origin) : [];
  const report = async (sites: Awaited<ReturnType<ClockService['status']>>) => ({
    enabled: await clock.enabled(),
    sites,
  });
  handle('clock:skew', (_data, sender) => clock.skewSeconds(sender.origin));
  handle('clock:notice', () => clock.takeNotice());
  handle('clock:status', async () => report(await clock.status(await enrolled())));
  handle('clock:check', async () => report(await clock.checkAll(await enrolled())));
  handle('clock:question', () => clock.question());
  handle('clock:answer', ({ origin, offsetMs, use }) => clock.answer(origin, offsetMs, use === true));
  handle('clock:setEnabled', ({ enabled }) => clock.setEnabled(enabled));
  handle('clock:setManual', ({ origin, seconds }) =>
    clock.setManual(origin, seconds === null ? null : seconds * 1000),
  );
}
