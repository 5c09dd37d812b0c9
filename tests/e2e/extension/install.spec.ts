import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures/twofold';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';

test.describe('install and update', () => {
  test('a fresh profile shows the welcome once, readable and dismissible by keyboard', async ({
    twofold,
  }) => {
    const popup = new PopupPage(await twofold.openPopup());
    const welcome = popup.page.getByRole('region', { name: 'Welcome to Twofold' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('listitem')).toHaveText([/M2Mmanager/, /passphrase/, /Other sites/]);
    const axe = await new AxeBuilder({ page: popup.page }).include('[data-testid="welcome"]').analyze();
    expect(axe.violations).toEqual([]);

    // "Got it" by keyboard hands the focus on to the vault form below.
    await welcome.getByRole('button', { name: 'Got it' }).focus();
    await popup.page.keyboard.press('Enter');
    await expect(welcome).toBeHidden();
    await expect(popup.page.getByLabel('Passphrase', { exact: true })).toBeFocused();

    // Said once: the next opening goes straight to the vault form.
    await popup.page.close();
    const again = new PopupPage(await twofold.openPopup());
    await expect(again.page.getByLabel('Passphrase', { exact: true })).toBeVisible();
    await expect(again.page.getByRole('region', { name: 'Welcome to Twofold' })).toHaveCount(0);
    await again.createVault(PASSPHRASE);
  });

  test("Settings' What's new opens the changelog bundled with the extension", async ({ twofold }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const options = await twofold.openOptions();
    const opened = options.context().waitForEvent('page');
    await options.getByRole('link', { name: "What's new" }).click();
    const whatsNew = await opened;
    await expect(whatsNew.getByRole('heading', { level: 1 })).toHaveText("What's new in Twofold");
    await expect(whatsNew.getByRole('heading', { name: '0.1.0 - 2026-11-28' })).toBeVisible();
    await expect(whatsNew).toHaveTitle("What's new in Twofold");
    expect((await new AxeBuilder({ page: whatsNew }).analyze()).violations).toEqual([]);
  });
});
