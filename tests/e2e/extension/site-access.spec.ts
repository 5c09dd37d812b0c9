import { expect, test } from '../fixtures/twofold';
import { PopupPage } from '../pages/popup-page';

/*
 * The browser's permission dialog that follows "Enable autofill on this site"
 * cannot be answered by any automation API in headless Chromium (CDP,
 * developerPrivate, host access requests were tried). The test stands in for
 * the user's "Allow" by writing the grant into the closed profile, exactly where
 * the browser records it, then everything after it runs for real.
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
    // A toolbar popup closes when the user turns to another tab; closed here so the next one
    // found is the new tab's (the closing one could still be listed).
    await onOther.close();

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

test('a site enabled through the permission flow gets codes, and none after the user turns it off', async ({
  twofold,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const otherOrigin = new URL(sandbox.url.replace('m2mmanager', 'other')).origin;
  const widget = `${otherOrigin}/widgets/otp`;
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault('purple otter sings at noon');
  await popup.addAccount(
    'otpauth://totp/Other:me?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Other',
    otherOrigin,
  );
  await expect(popup.code('Other (me)')).toBeVisible();

  // Before: Twofold does not run on that site.
  const page = await twofold.context.newPage();
  await page.goto(widget);
  await page.waitForTimeout(1500);
  await expect(page.getByLabel('Enter your one-time code')).toHaveValue('');

  // The user clicks "Enable autofill on this site" and accepts the browser's dialog.
  const toolbar = await twofold.openToolbarPopup(page);
  await toolbar.getByRole('button', { name: 'Enable autofill on this site' }).click();
  await twofold.grantHostPermissionAndRestart(`${otherOrigin}/*`);

  // The grant survives the restart; Twofold registers itself there and fills.
  const unlock = new PopupPage(await twofold.openPopup());
  await unlock.unlock('purple otter sings at noon');
  await expect(unlock.code('Other (me)')).toBeVisible();
  const again = await twofold.context.newPage();
  await again.goto(widget);
  await expect(again.getByLabel('Enter your one-time code')).toHaveValue(/^\d{6}$/, { timeout: 35_000 });

  // Turned off in the settings: the permission and the script are gone.
  const options = await twofold.openOptions();
  await options.getByRole('button', { name: `Turn off autofill on ${otherOrigin}` }).click();
  await expect(options.getByText(`Autofill is off for ${otherOrigin}.`)).toBeVisible();
  expect(
    await twofold.serviceWorker.evaluate(() =>
      chrome.scripting.getRegisteredContentScripts().then((s) => s.length),
    ),
  ).toBe(0);
  const after = await twofold.context.newPage();
  await after.goto(widget);
  await after.waitForTimeout(2000);
  await expect(after.getByLabel('Enter your one-time code')).toHaveValue('');
});
