import { expect, test } from '../fixtures/twofold';
import { PopupPage } from '../pages/popup-page';

/*
 * The browser's permission dialog that follows "Enable autofill on this site"
 * cannot be answered by any automation API in headless Chromium (CDP,
 * developerPrivate, host access requests were tried), so what follows a grant
 * (one persistent registered script for exactly the granted sites, removed on
 * revoke) is unit-tested in tests/unit/background/site-access.test.ts.
 */
test.describe('site access in the toolbar popup', () => {
  test('offers "Enable autofill on this site" on another site, not on M2Mmanager', async ({
    twofold,
    sandbox,
  }) => {
    const setup = new PopupPage(await twofold.openPopup());
    await setup.createVault('purple otter sings at noon');

    const other = await twofold.context.newPage();
    await other.goto(sandbox.url.replace('m2mmanager', 'other'));
    const onOther = await twofold.openToolbarPopup(other);
    await expect(onOther.getByRole('button', { name: 'Enable autofill on this site' })).toBeVisible();

    const m2m = await twofold.context.newPage();
    await m2m.goto(sandbox.url);
    const onM2m = await twofold.openToolbarPopup(m2m);
    await expect(onM2m.getByRole('button', { name: 'Scan QR code on this page' })).toBeVisible();
    await expect(onM2m.getByRole('button', { name: 'Enable autofill on this site' })).toHaveCount(0);
  });

  test('the settings page lists no enabled site until one is granted', async ({ twofold }) => {
    const setup = new PopupPage(await twofold.openPopup());
    await setup.createVault('purple otter sings at noon');
    const options = await twofold.openOptions();
    await expect(options.getByRole('heading', { name: 'Other sites with autofill' })).toBeVisible();
    await expect(options.getByText(/None yet\. On another site, open Twofold/)).toBeVisible();
  });
});
