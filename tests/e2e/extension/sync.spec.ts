import type { Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { expect, test } from '../fixtures/twofold';
import { ExtensionBrowser } from '../fixtures/extension';
import { SyncRelay } from '../fixtures/sync-relay';
import { PopupPage } from '../pages/popup-page';
import { enrolWithTwofold } from '../pages/enrolment';
import { JOHN, M2MmanagerPage } from '../pages/sandbox-m2m';
import { VirtualAuthenticators } from '../pages/virtual-authenticator';
import { OptionsPage, sendFromPage } from '../pages/options-page';
import { codeAt } from '../pages/sandbox-qr';
import { generateCode, parseOtpauthUri, STEAM_ALPHABET, type AccountView } from '../../../lib/otp';

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

const JANE = 'otpauth://totp/Office:jane?secret=KRSXG5CTMVRXEZLU&issuer=Office';

/**
 * The office (profile 1, synced vault with "Office (jane)") and the laptop (profile 2) joined
 * through its first-run popup, "Use your synced vault". The relay is pumped by hand only: while
 * the test does not pump, each computer's changes stay on it, as with a computer offline.
 */
async function joinedComputers(twofold: ExtensionBrowser) {
  const { officePopup, laptop, relay } = await officeAndLaptop(twofold);
  const laptopPopup = new PopupPage(await laptop.openPopup());
  await laptopPopup.page.getByLabel('Passphrase of your synced vault', { exact: true }).fill(PASSPHRASE);
  await laptopPopup.page.getByRole('button', { name: 'Use your synced vault', exact: true }).click();
  await expect(laptopPopup.code('Office (jane)')).toBeVisible({ timeout: 30_000 });
  return { office: officePopup, laptop: laptopPopup, laptopBrowser: laptop, relay };
}

/**
 * Pumps the relay until both computers' account lists pass `check` (each computer syncs a
 * couple of seconds after a local save, then again on every change delivered to it).
 */
async function settle(
  relay: SyncRelay,
  computers: PopupPage[],
  check: (accounts: AccountView[]) => void,
): Promise<void> {
  await expect(async () => {
    await relay.pump();
    for (const [index, computer] of computers.entries()) {
      const accounts = await sendFromPage<AccountView[]>(computer.page, 'accounts:list');
      try {
        check(accounts);
      } catch (error) {
        // Which computer has not caught up, and what it shows (views hold no secret).
        throw new Error(`computer ${index + 1}: ${String(error)}\n${JSON.stringify(accounts)}`);
      }
    }
  }).toPass({ timeout: 60_000 });
  for (const computer of computers) await computer.page.reload();
}

/** The popup shows the code of this TOTP URI now (or in the next two seconds, at a period's end). */
async function expectTotpOf(popup: PopupPage, name: string, uri: string): Promise<void> {
  await expect(async () => {
    const now = Date.now();
    expect([codeAt(uri, now), codeAt(uri, now + 2_000)]).toContain(await popup.codeDigits(name));
  }).toPass({ timeout: 10_000 });
}

/** The account's actions offer "Unpin": it is pinned (one account alone shows no "Pinned" group). */
async function expectPinned(popup: PopupPage, name: string): Promise<void> {
  const toggle = popup.page.getByRole('button', { name: `Actions for ${name}`, exact: true });
  const actions = popup.page.getByRole('group', { name: `Actions for ${name}` });
  // Right after "Pin to top" the menu may still be open, then close as the pinned row renders:
  // open it again until "Unpin" shows.
  await expect(async () => {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(actions.getByRole('button', { name: 'Unpin', exact: true })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 10_000 });
  await toggle.click();
}

const find = (accounts: AccountView[], issuer: string) => {
  const found = accounts.filter((a) => a.issuer === issuer);
  expect(found).toHaveLength(1);
  return found[0]!;
};

test.describe('sync: what two computers do meets (Steam Guard, a replaced key and its undo, HOTP counters)', () => {
  // Each computer derives Argon2id keys (64 MiB) to create, turn on and join sync.
  test.setTimeout(360_000);

  test('a Steam Guard account added on one computer shows its 5-character code on the other, beside every other code', async ({
    twofold,
  }) => {
    const { office, laptop, laptopBrowser, relay } = await joinedComputers(twofold);
    try {
      const steam =
        'otpauth://totp/Steam:gabe?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=Steam&encoder=steam';
      await office.addAccount(steam);
      await expect(office.code('Steam (gabe)')).toBeVisible();
      await settle(relay, [office, laptop], (accounts) => {
        expect(find(accounts, 'Steam').code).toMatch(new RegExp(`^[${STEAM_ALPHABET}]{5}$`));
      });

      // The same Steam code on both computers, the one Steam's own app computes now.
      const steamAccount = parseOtpauthUri(steam);
      await expect(async () => {
        const now = Date.now();
        const onLaptop = await laptop.codeDigits('Steam (gabe)');
        expect(onLaptop).toMatch(new RegExp(`^[${STEAM_ALPHABET}]{5}$`));
        expect([generateCode(steamAccount, now), generateCode(steamAccount, now + 2_000)]).toContain(
          onLaptop,
        );
        expect(await office.codeDigits('Steam (gabe)')).toBe(onLaptop);
      }).toPass({ timeout: 10_000 });
      // The laptop's popup still lists every code, and nothing is broken.
      expect(await laptop.shownNames()).toEqual(await office.shownNames());
      expect((await laptop.shownNames()).sort()).toEqual(['Office (jane)', 'Steam (gabe)']);
      await expectTotpOf(laptop, 'Office (jane)', JANE);
      await expect(laptop.alert()).toHaveCount(0);
    } finally {
      await relay.stop();
      await laptopBrowser.close();
    }
  });

  test('a key replaced on one computer while the other renames and pins the account: the new key, the new name and pin on both, and Undo on both', async ({
    twofold,
  }) => {
    const { office, laptop, laptopBrowser, relay } = await joinedComputers(twofold);
    try {
      // The office replaces jane's key through Settings › Import (the site gave a new key)…
      const rekeyed = 'otpauth://totp/Office:jane?secret=ONSWG4TFOQQGC3TEEBQXGIDTMVRXEZLU&issuer=Office';
      const options = new OptionsPage(await twofold.openOptions());
      await options.unlockIfLocked(PASSPHRASE);
      await options.pasteUris(rekeyed);
      const choice = options.previewItems().getByRole('group', { name: 'What to do with Office (jane)' });
      // A conflict (same name, other key) starts unticked: the user ticks it, then picks Replace.
      await options.previewItems().getByRole('checkbox').check();
      await choice.getByRole('radio', { name: /^Replace the key of the account in Twofold/ }).check();
      await options.page.getByRole('button', { name: 'Add 1 selected account', exact: true }).click();
      await expect(options.page.getByText(/1 key replaced\./)).toBeVisible({ timeout: 30_000 });
      await office.page.reload();
      await expectTotpOf(office, 'Office (jane)', rekeyed);

      // …while the laptop, not synced yet, renames and pins it under its old key.
      await laptop.rowAction('Office (jane)', 'Edit');
      await laptop.page.getByLabel('Account name').fill('jane.doe');
      await laptop.page.getByRole('button', { name: 'Save', exact: true }).click();
      const renamed = 'Office (jane.doe)';
      await expect(laptop.code(renamed)).toBeVisible();
      await laptop.rowAction(renamed, 'Pin to top');
      await expectPinned(laptop, renamed);
      await expectTotpOf(laptop, renamed, JANE);

      await settle(relay, [office, laptop], (accounts) => {
        expect(find(accounts, 'Office')).toMatchObject({ label: 'jane.doe', pinned: true });
        expect(find(accounts, 'Office').keyReplacedAt).toEqual(expect.any(Number));
      });
      const undo = `Go back to the previous key of ${renamed}`;
      for (const computer of [office, laptop]) {
        await expectTotpOf(computer, renamed, rekeyed);
        await expectPinned(computer, renamed);
        await expect(computer.page.getByText(/Key replaced on/)).toBeVisible();
        await expect(computer.page.getByRole('button', { name: undo })).toBeVisible();
      }

      // Undo on the laptop brings the old key back on both; the name and pin stay.
      await laptop.page.getByRole('button', { name: undo }).click();
      await expect(laptop.page.getByText(`The previous key of ${renamed} is back.`)).toBeVisible();
      await expectTotpOf(laptop, renamed, JANE);
      const oldCodes = () => [codeAt(JANE, Date.now()), codeAt(JANE, Date.now() + 2_000)];
      await settle(relay, [office, laptop], (accounts) => {
        const jane = find(accounts, 'Office');
        expect(jane).toMatchObject({ label: 'jane.doe', pinned: true });
        expect(oldCodes()).toContain(jane.code);
      });
      for (const computer of [office, laptop]) {
        await expectTotpOf(computer, renamed, JANE);
        await expectPinned(computer, renamed);
      }
    } finally {
      await relay.stop();
      await laptopBrowser.close();
    }
  });

  test('an HOTP account used on both computers before they sync: both show the same next code, past every code used', async ({
    twofold,
  }) => {
    const { office, laptop, laptopBrowser, relay } = await joinedComputers(twofold);
    try {
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      const hotp = new OTPAuth.HOTP({ secret });
      await office.addAccount(`otpauth://hotp/Forge:carol?secret=${secret}&issuer=Forge&counter=0`);
      const name = 'Forge (carol)';
      await settle(relay, [office, laptop], (accounts) => {
        expect(find(accounts, 'Forge').code).toBe(hotp.generate({ counter: 0 }));
      });

      // Not synced: the office uses two codes, the laptop three.
      const use = async (computer: PopupPage, times: number) => {
        for (let counter = 1; counter <= times; counter++) {
          await computer.page.getByRole('button', { name: `Next code of ${name}` }).click();
          await expect.poll(() => computer.codeDigits(name)).toBe(hotp.generate({ counter }));
        }
      };
      await use(office, 2);
      await use(laptop, 3);

      const next = hotp.generate({ counter: 3 });
      await settle(relay, [office, laptop], (accounts) => {
        expect(find(accounts, 'Forge').code).toBe(next);
      });
      for (const computer of [office, laptop]) {
        await expect(computer.code(name)).toBeVisible();
        expect(await computer.codeDigits(name)).toBe(next);
      }
    } finally {
      await relay.stop();
      await laptopBrowser.close();
    }
  });
});
