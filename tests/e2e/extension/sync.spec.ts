import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import { ExtensionBrowser } from '../fixtures/extension';
import { SyncRelay } from '../fixtures/sync-relay';
import { PopupPage } from '../pages/popup-page';
import { enrolWithTwofold } from '../pages/enrolment';
import { JOHN, M2MmanagerPage } from '../pages/sandbox-m2m';
import { VirtualAuthenticators } from '../pages/virtual-authenticator';
import { sendFromPage } from '../pages/options-page';

const PASSPHRASE = 'purple otter sings at noon';

async function turnOnSync(options: Page, passphraseLabel: string, button: string): Promise<void> {
  const sync = options.getByRole('region', { name: 'Sync' });
  const toggle = sync.getByRole('switch', { name: 'Sync accounts through this browser' });
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled({ timeout: 20_000 });
  await toggle.check();
  await sync.getByLabel(passphraseLabel, { exact: true }).fill(PASSPHRASE);
  await sync.getByRole('button', { name: button }).click();
  await expect(sync.getByText('Sync is on.')).toBeVisible({ timeout: 30_000 });
}

test.describe('sync between two computers', () => {
  test.setTimeout(180_000);

  test('enrol in profile 1; profile 2 turns sync on, unlocks, and its login is autofilled', async ({
    twofold,
    sandbox,
  }) => {
    // Profile 1: a vault, enrolment on M2Mmanager, then sync on.
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await enrolWithTwofold(page, sandbox.url);
    const enrolledAt = Date.now();
    const options1 = await twofold.openOptions();
    await turnOnSync(options1, 'Your passphrase', 'Turn on sync');
    await expect(options1.getByText(/% of the browser's sync space \(1 account\)/)).toBeVisible();

    // Profile 2: a fresh computer, joined to profile 1 by the relay.
    const laptop = await ExtensionBrowser.launch();
    try {
      const relay = new SyncRelay([await twofold.openOptions(), await laptop.openOptions()]).start();
      const options2 = await laptop.openOptions();
      await expect(async () => {
        await options2.reload();
        await expect(
          options2.getByRole('switch', { name: 'Sync accounts through this browser' }),
        ).toBeEnabled({
          timeout: 1_000,
        });
      }).toPass({ timeout: 20_000 });
      await turnOnSync(options2, 'Passphrase of your synced vault', 'Use your synced vault');
      await expect(options2.getByText(/Last change received: (?!not yet)/)).toBeVisible();

      // The code used at enrolment cannot be used again: log in during the next period.
      const nextPeriod = Math.ceil(enrolledAt / 30_000) * 30_000 + 1_000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextPeriod - Date.now())));
      const loginPage = await laptop.context.newPage();
      const m2m2 = new M2MmanagerPage(loginPage, sandbox.url);
      await m2m2.login(JOHN.email, JOHN.password);
      await m2m2.expectCodeStep();
      await expect(loginPage.getByLabel(m2m2.t.oneTimeCode, { exact: true })).toHaveValue(/^\d{6}$/, {
        timeout: 35_000,
      });
      await m2m2.button(m2m2.t.continue).click();
      await m2m2.expectHome();
      await relay.stop();
    } finally {
      await laptop.close();
    }
  });

  test('a computer with a passkey merges into the synced vault, then its passkey unlocks both vaults’ accounts', async ({
    twofold,
  }) => {
    // Profile 1 (the office): the synced vault, with one account.
    const office = await ExtensionBrowser.launch();
    try {
      const officePopup = new PopupPage(await office.openPopup());
      await officePopup.createVault(PASSPHRASE);
      await officePopup.addAccount('otpauth://totp/Office:jane?secret=KRSXG5CTMVRXEZLU&issuer=Office');
      await sendFromPage(await office.openOptions(), 'sync:enable', { passphrase: PASSPHRASE });

      // Profile 2 (the laptop): its own vault, its own account and a passkey, in one tab (the
      // virtual authenticator belongs to it).
      const page = await twofold.context.newPage();
      const authenticators = await VirtualAuthenticators.attach(page);
      await authenticators.add({ transport: 'internal' });
      await page.goto(twofold.extensionUrl('popup.html'));
      const popup = new PopupPage(page);
      await popup.createVault('laptop passphrase here');
      await popup.addAccount('otpauth://totp/Laptop:bob?secret=JBSWY3DPEHPK3PXP&issuer=Laptop');
      await page.goto(twofold.extensionUrl('options.html'));
      await page.getByLabel('Passkey name').fill('This laptop');
      await page.getByRole('button', { name: 'Set up passkey unlock' }).click();
      await expect(page.getByRole('list', { name: 'Passkeys that unlock Twofold' })).toContainText(
        'This laptop',
      );

      const relay = new SyncRelay([await office.openOptions(), await twofold.openOptions()]).start();
      try {
        // The office's synced vault reaches this profile's storage.sync through the relay.
        await expect(async () => {
          expect(await sendFromPage<{ syncedVault: boolean }>(page, 'sync:status')).toMatchObject({
            syncedVault: true,
          });
        }).toPass({ timeout: 20_000 });
        await page.reload();
        await turnOnSync(page, 'Passphrase of your synced vault', 'Unlock and merge');

        // Locked, the passkey alone opens the merged vault: nothing lost, no passphrase typed.
        await page.goto(twofold.extensionUrl('popup.html'));
        await popup.lock();
        const passkey = page.getByRole('button', { name: 'Unlock with passkey' });
        await expect(passkey).toBeVisible({ timeout: 10_000 });
        await passkey.click();
        await expect(popup.code('Office (jane)')).toBeVisible({ timeout: 15_000 });
        await expect(popup.code('Laptop (bob)')).toBeVisible();
        // And the laptop's account reached the office.
        await expect(async () => {
          const list = await sendFromPage<{ label: string }[]>(await office.openPopup(), 'accounts:list');
          expect(list.map((a) => a.label).sort()).toEqual(['bob', 'jane']);
        }).toPass({ timeout: 20_000 });
      } finally {
        await relay.stop();
      }
    } finally {
      await office.close();
    }
  });
});

/**
 * A profile whose vault (one account) is the synced vault, and a fresh profile joined by the
 * relay. The relay is pumped by hand where the test waits for sync: a relay pumping on a timer
 * competes with the test's own steps on a loaded machine.
 */
async function officeAndLaptop(twofold: ExtensionBrowser) {
  const officePopup = await PopupPage.withNewVault(twofold, PASSPHRASE);
  await officePopup.addAccount('otpauth://totp/Office:jane?secret=KRSXG5CTMVRXEZLU&issuer=Office');
  await expect(officePopup.code('Office (jane)')).toBeVisible();
  await sendFromPage(await twofold.openOptions(), 'sync:enable', { passphrase: PASSPHRASE });
  const laptop = await ExtensionBrowser.launch();
  const laptopOptions = await laptop.openOptions();
  const relay = new SyncRelay([await twofold.openOptions(), laptopOptions]);
  await expect(async () => {
    await relay.pump();
    expect(await sendFromPage<{ syncedVault: boolean }>(laptopOptions, 'sync:status')).toMatchObject({
      syncedVault: true,
    });
  }).toPass({ timeout: 20_000 });
  return { officePopup, laptop, laptopOptions, relay };
}

test.describe('sync: a second computer’s first run, and no lockout through the sync space', () => {
  // Each turn of sync derives Argon2id keys (64 MiB) in two browsers.
  test.setTimeout(360_000);

  test('a fresh profile’s popup offers "Use your synced vault"; its passphrase brings the accounts', async ({
    twofold,
  }) => {
    const { laptop, relay } = await officeAndLaptop(twofold);
    try {
      const popup = new PopupPage(await laptop.openPopup());
      await expect(popup.page.getByRole('button', { name: 'Create a new vault' })).toBeVisible();
      await popup.page
        .getByLabel('Passphrase of your synced vault', { exact: true })
        .fill('not the passphrase');
      await popup.page.getByRole('button', { name: 'Use your synced vault', exact: true }).click();
      await expect(popup.alert()).toContainText('This is not the passphrase of your synced vault', {
        timeout: 30_000,
      });
      await popup.page.getByLabel('Passphrase of your synced vault', { exact: true }).fill(PASSPHRASE);
      await popup.page.getByRole('button', { name: 'Use your synced vault', exact: true }).click();
      await expect(popup.code('Office (jane)')).toBeVisible({ timeout: 30_000 });
      // From then on it is this computer's vault: locked, the same passphrase opens it.
      await popup.lock();
      await popup.unlock(PASSPHRASE);
      await expect(popup.code('Office (jane)')).toBeVisible({ timeout: 15_000 });
    } finally {
      await relay.stop();
      await laptop.close();
    }
  });

  test('a forged header (copied, epoch + 1) neither blocks the real passphrase nor survives "Turn on sync"', async ({
    twofold,
  }) => {
    const { officePopup, laptop, laptopOptions, relay } = await officeAndLaptop(twofold);
    try {
      await sendFromPage(laptopOptions, 'sync:enable', { passphrase: PASSPHRASE });
      // Whoever can write the sync space copies the header with a new epoch; the relay carries it.
      type Header = { vaultId: string; epoch: number; rev: number };
      const forged = await laptopOptions.evaluate<Header>(async () => {
        const { h } = await chrome.storage.sync.get<{ h: Header }>('h');
        const copy = { ...h, epoch: h.epoch + 1, rev: h.rev + 1 };
        await chrome.storage.sync.set({ h: copy });
        return copy;
      });
      await relay.pump();
      const options = await twofold.openOptions();
      const sync = options.getByRole('region', { name: 'Sync' });
      await expect(async () => {
        await options.reload();
        await expect(sync.getByText('was changed on another computer')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });

      // The real passphrase still opens both computers' vaults.
      await officePopup.page.reload();
      await officePopup.lock();
      await officePopup.unlock(PASSPHRASE);
      await expect(officePopup.code('Office (jane)')).toBeVisible({ timeout: 15_000 });
      const laptopPopup = new PopupPage(await laptop.openPopup());
      await laptopPopup.lock();
      await laptopPopup.unlock(PASSPHRASE);
      await expect(laptopPopup.code('Office (jane)')).toBeVisible({ timeout: 15_000 });

      // Settings › Sync: stop, and be told what stays where.
      await options.reload();
      await sync.getByRole('button', { name: 'Stop syncing on this computer' }).click();
      await expect(sync.getByText('Sync is off.')).toBeVisible();
      await expect(sync.getByText(/This computer keeps every account/)).toBeVisible();

      // Turning sync on again: the switch and the words agree, a warning, then the replacement.
      const toggle = sync.getByRole('switch', { name: 'Sync accounts through this browser' });
      await toggle.check();
      await expect(sync.getByText('Sync is off.')).toBeHidden();
      await expect(sync.getByText(/Sync is not on yet/)).toBeVisible();
      await sync.getByLabel('Passphrase of your synced vault', { exact: true }).fill(PASSPHRASE);
      await sync.getByRole('button', { name: 'Unlock and merge' }).click();
      await expect(sync.getByRole('alert')).toContainText(
        "opens this computer's vault but not the synced vault",
        // Two Argon2id runs (the header's, then this vault's) before the warning.
        { timeout: 60_000 },
      );
      expect(await options.evaluate(() => chrome.storage.sync.get('h'))).toMatchObject({ h: forged });
      await sync.getByRole('button', { name: "Replace the synced vault with this computer's vault" }).click();
      await expect(sync.getByText('Sync is on.')).toBeVisible({ timeout: 60_000 });
      await expect(toggle).toBeChecked();
      const header = await options.evaluate(() => chrome.storage.sync.get<{ h: Header }>('h'));
      expect(header.h.vaultId).not.toBe(forged.vaultId);
      // The replacement opens with the real passphrase: the laptop re-joins it and sees the accounts.
      await expect(async () => {
        await relay.pump();
        const status = await sendFromPage<{ problem?: string }>(laptopOptions, 'sync:status');
        expect(status.problem).toBe('otherVault');
      }).toPass({ timeout: 20_000 });
      await sendFromPage(laptopOptions, 'sync:disable');
      expect(
        await sendFromPage<{ enabled: boolean }>(laptopOptions, 'sync:enable', { passphrase: PASSPHRASE }),
      ).toMatchObject({ enabled: true });
    } finally {
      await relay.stop();
      await laptop.close();
    }
  });
});
