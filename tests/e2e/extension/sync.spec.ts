import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import { ExtensionBrowser } from '../fixtures/extension';
import { SyncRelay } from '../fixtures/sync-relay';
import { PopupPage } from '../pages/popup-page';
import { M2MmanagerPage } from '../pages/sandbox-m2m';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
const JOHN = { email: 'john.smith@example.com', password: 'John-M2M-2024!' };

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
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = new M2MmanagerPage(page, sandbox.url);
    await m2m.login(JOHN.email, JOHN.password);
    await m2m.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
    await m2m.chooseMethod('app');
    const prompt = new TwofoldPrompt(page);
    await prompt.button('Save to Twofold').click();
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
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
});
