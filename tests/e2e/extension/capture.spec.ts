import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { PopupPage } from '../pages/popup-page';
import { JOHN, M2MmanagerPage } from '../pages/sandbox-m2m';
import { codeAt, readQrFromScreenshot } from '../pages/sandbox-qr';
import { TwofoldPrompt } from '../pages/twofold-prompt';
import { QR_IMAGE_URI } from '../../sandbox/widgets';

const PASSPHRASE = 'purple otter sings at noon';
const ACCOUNT = `M2Mmanager (${JOHN.email})`;

async function expectSavedInPopup(popup: PopupPage, uri: string): Promise<void> {
  await popup.page.reload();
  await expect(popup.code(ACCOUNT)).toBeVisible();
  const now = Date.now();
  expect([codeAt(uri, now), codeAt(uri, now + 2000)]).toContain(await popup.codeDigits(ACCOUNT));
}

test.describe('QR capture on M2Mmanager', () => {
  test('the prompt appears by itself and one click saves the account', async ({ twofold, sandbox }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url);
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(`Save ${ACCOUNT} to Twofold?`);
    const uri = await m2m.scanEnrolmentQr();

    await prompt.button('Save to Twofold').click();
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    await expectSavedInPopup(popup, uri);

    // The first code is already in "Enter your one-time code": Continue is all that is left.
    await page.bringToFront();
    const field = page.getByLabel(m2m.t.oneTimeCode, { exact: true });
    expect([codeAt(uri, Date.now()), codeAt(uri, Date.now() - 30_000)]).toContain(await field.inputValue());
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
  });

  test('a tainted canvas is read through a screenshot crop after a toolbar click', async ({
    twofold,
    sandbox,
  }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await M2MmanagerPage.atEnrolment(page, sandbox.url, 'tainted-canvas');
    const prompt = new TwofoldPrompt(page);
    // A screenshot needs activeTab, which only a click on Twofold's own button grants.
    await prompt.expectText(/Click the Twofold button in your browser's toolbar/);
    await twofold.clickToolbarButton(page);
    await prompt.expectText(`Save ${ACCOUNT} to Twofold?`);
    const uri = await readQrFromScreenshot(page.getByRole('dialog').locator('canvas'));
    await prompt.button('Save to Twofold').click();
    await prompt.expectText(/Saved to Twofold/);
    await expectSavedInPopup(popup, uri!);
  });

  test('with two codes in the pop-up, the authenticator one is offered', async ({ twofold, sandbox }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url, 'two-qr');
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(`Save ${ACCOUNT} to Twofold?`);
    const uri = await m2m.scanEnrolmentQr();
    await prompt.button('Save to Twofold').click();
    await prompt.expectText(/Saved to Twofold/);
    await expectSavedInPopup(popup, uri);
  });

  test('a plain-URL code is never offered and nothing is saved', async ({ twofold, sandbox }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await M2MmanagerPage.atEnrolment(page, sandbox.url, 'url-only');
    // Give the watcher every chance: the canvas is drawn and read well within this time.
    await page.waitForTimeout(1500);
    await expect(new TwofoldPrompt(page).card).toHaveCount(0);
    await popup.page.reload();
    await expect(popup.page.getByText(/No accounts yet/)).toBeVisible();
  });

  test('with the vault locked, the capture waits and is saved after unlock', async ({ twofold, sandbox }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    await popup.lock();
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url);
    const uri = await m2m.scanEnrolmentQr();
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(`Save ${ACCOUNT} to Twofold?`);
    // Saving while locked opens Twofold's unlock window at once.
    const unlockWindow = twofold.context.waitForEvent('page');
    await prompt.button('Save to Twofold').click();
    await prompt.expectText(/Unlock Twofold to save this account/);
    const unlock = new PopupPage(await unlockWindow);
    expect(unlock.page.url()).toContain('popup.html?window=unlock');
    // The in-page button brings that same window back rather than opening another.
    await prompt.button('Unlock Twofold').click();
    await unlock.unlock(PASSPHRASE);

    // The unlock window closes by itself and the page is back in front, where the save went on.
    await expect.poll(() => unlock.page.isClosed()).toBe(true);
    await expect.poll(() => activeTabUrl(twofold)).toBe(page.url());
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    await expect(page.getByLabel(m2m.t.oneTimeCode, { exact: true })).toHaveValue(/^\d{6}$/);
    await popup.unlock(PASSPHRASE).catch(() => undefined);
    await expectSavedInPopup(popup, uri);
  });

  test('no prompt appears on the lookalike host', async ({ twofold, sandbox }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.phishUrl);
    await m2m.scanEnrolmentQr();
    await page.waitForTimeout(1500);
    await expect(new TwofoldPrompt(page).card).toHaveCount(0);
  });
});

test.describe('"Scan QR code on this page" in the toolbar popup', () => {
  test('saves a code from any site, bound to that site', async ({ twofold, sandbox }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.phishUrl);
    const uri = await m2m.scanEnrolmentQr();
    const toolbar = new PopupPage(await twofold.openToolbarPopup(page));
    await toolbar.page.getByRole('button', { name: 'Scan QR code on this page' }).click();
    await expect(toolbar.page.getByText(`Save ${ACCOUNT} to Twofold?`)).toBeVisible();
    await toolbar.page.getByRole('button', { name: 'Save to Twofold' }).click();
    await expect(toolbar.page.getByText('Saved to Twofold.')).toBeVisible();
    const now = Date.now();
    expect([codeAt(uri, now), codeAt(uri, now + 2000)]).toContain(await toolbar.codeDigits(ACCOUNT));
  });

  const cases: { name: string; variant?: string; message: string }[] = [
    { name: 'a plain-URL code', variant: 'url-only', message: 'This QR code is not an authenticator code.' },
    { name: 'a page without a code', message: 'No QR code found on this page.' },
  ];
  for (const { name, variant, message } of cases) {
    test(`${name}: says why nothing can be saved`, async ({ twofold, sandbox }) => {
      await PopupPage.withNewVault(twofold, PASSPHRASE);
      const page = await twofold.context.newPage();
      if (variant) await M2MmanagerPage.atEnrolment(page, sandbox.phishUrl, variant);
      else await page.goto(sandbox.phishUrl);
      const toolbar = await twofold.openToolbarPopup(page);
      await toolbar.getByRole('button', { name: 'Scan QR code on this page' }).click();
      await expect(toolbar.getByRole('alert')).toHaveText(message);
      await expect(toolbar.getByText(/No accounts yet/)).toBeVisible();
    });
  }
});

test.describe('a QR code opened on its own (an image document)', () => {
  const QR_ACCOUNT = 'Widgets (qr-image)';

  test('a PNG page: the card appears and one click saves the account', async ({ twofold, sandbox }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/qrcode/totp.png', sandbox.url).href);
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(`Save ${QR_ACCOUNT} to Twofold?`);
    await prompt.button('Save to Twofold').click();
    await prompt.expectText(/Saved to Twofold/);
    await popup.page.reload();
    const now = Date.now();
    expect([codeAt(QR_IMAGE_URI, now), codeAt(QR_IMAGE_URI, now + 2000)]).toContain(
      await popup.codeDigits(QR_ACCOUNT),
    );
  });

  test("an SVG document: the page says nothing, and the popup's scan saves it", async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('/widgets/qrcode/totp.svg', sandbox.url).href);
    expect(await page.evaluate(() => document.documentElement.localName)).toBe('svg');
    await page.waitForTimeout(1500);
    await expect(page.locator('twofold-ui')).toHaveCount(0);
    const toolbar = new PopupPage(await twofold.openToolbarPopup(page));
    await toolbar.page.getByRole('button', { name: 'Scan QR code on this page' }).click();
    await expect(toolbar.page.getByText(`Save ${QR_ACCOUNT} to Twofold?`)).toBeVisible();
    await toolbar.page.getByRole('button', { name: 'Save to Twofold' }).click();
    await expect(toolbar.page.getByText('Saved to Twofold.')).toBeVisible();
    const now = Date.now();
    expect([codeAt(QR_IMAGE_URI, now), codeAt(QR_IMAGE_URI, now + 2000)]).toContain(
      await toolbar.codeDigits(QR_ACCOUNT),
    );
    expect(errors).toEqual([]);
  });
});

/** The URL of the active tab of the focused window, as the browser sees it. */
function activeTabUrl(twofold: ExtensionBrowser): Promise<string | undefined> {
  return twofold.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.url;
  });
}
