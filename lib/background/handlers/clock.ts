import { handle } from '../router';
import type { ClockService } from '../clock-service';
import type { VaultService } from '../vault-service';

export interface ClockHandlerDeps {
  clock: ClockService;
  vault: VaultService;
  self: { id: string; baseUrl: string };
}

/** Handlers of ClockProtocol (lib/protocol/clock.ts). */
export function registerClockHandlers({ clock, vault, self }: ClockHandlerDeps): void {
  // The enrolled sites are the accounts' bound origins; locked, only those already known.
  const enrolled = async () =>
    (await vault.isUnlocked()) ? (await vault.sites()).map((site) => site.origin) : [];
  const report = async (sites: Awaited<ReturnType<ClockService['status']>>) => ({
    enabled: await clock.enabled(),
    sites,
  });
  handle('clock:skew', (_data, sender) => clock.skewSeconds(sender.origin), self);
  handle('clock:notice', () => clock.takeNotice(), self);
  handle('clock:status', async () => report(await clock.status(await enrolled())), self);
  handle('clock:check', async () => report(await clock.checkAll(await enrolled())), self);
  handle('clock:setEnabled', ({ enabled }) => clock.setEnabled(enabled), self);
  handle(
    'clock:setManual',
    ({ origin, seconds }) => clock.setManual(origin, seconds === null ? null : seconds * 1000),
    self,
  );
}
