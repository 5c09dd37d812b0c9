import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import { PopupPage } from '../pages/popup-page';
import { VirtualAuthenticators } from '../pages/virtual-authenticator';

const PASSPHRASE = 'purple otter sings at noon';
const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const CODE = 'Example (alice)';

/** One tab for the whole test: the virtual authenticator belongs to it. */
async function vaultInOneTab(page: Page, url: (path: string) => string): Promise<PopupPage> {
  await page.goto(url('popup.html'));
  const popup = new PopupPage(page);
  await popup.createVault(PASSPHRASE);
  await popup.addAccount(URI);
  await expect(popup.code(CODE)).toBeVisible();
  return popup;
}

async function setUpPasskey(page: Page, name: string): Promise<void> {
  await page.getByLabel('Passkey name').fill(name);
  await page.getByRole('button', { name: 'Set up passkey unlock' }).click();
}

function passkeyList(page: Page) {
  return page.getByRole('list', { name: 'Passkeys that unlock Twofold' });
}

const storedVault = (page: Page) => page.evaluate(() => chrome.storage.local.get(['vault.A', 'vault.B']));

test.describe('passkey unlock (WebAuthn PRF, virtual authenticators)', () => {
  test('set up, lock, unlock with passkey or passphrase, a second passkey, remove', async ({ twofold }) => {
    // Many ceremonies and page loads: slow on a loaded machine (no timing is checked).
    test.setTimeout(180_000);
    const page = await twofold.context.newPage();
    const authenticators = await VirtualAuthenticators.attach(page);
    const laptop = await authenticators.add({ transport: 'internal' });
    const url = (path: string) => twofold.extensionUrl(path);
    const popup = await vaultInOneTab(page, url);

    await page.goto(url('options.html'));
    await setUpPasskey(page, 'This laptop');
    await expect(page.getByRole('status').filter({ hasText: 'Passkey “This laptop” added.' })).toBeVisible();
    await expect(passkeyList(page).getByRole('listitem')).toHaveText([/This laptop/]);
    expect(await authenticators.credentialCount(laptop)).toBe(1);

    // Locked popup: the passkey first, the passphrase one click away.
    await page.goto(url('popup.html'));
    await popup.lock();
    await expect(page.getByRole('button', { name: 'Unlock with passkey' })).toBeVisible();
    await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Unlock with passkey' }).click();
    await expect(popup.code(CODE)).toBeVisible();

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Use passphrase instead' }).click();
    await popup.unlock(PASSPHRASE);
    await expect(popup.code(CODE)).toBeVisible();

    // The unlock window (opened by an in-page action) offers the passkey the same way.
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.goto(url('popup.html?window=unlock'));
    // The unlock window closes itself once unlocked; this tab holds the virtual authenticator, so
    // it records the request instead of closing.
    await page.evaluate(() => {
      window.close = () => document.documentElement.setAttribute('data-closed', '');
    });
    await page.getByRole('button', { name: 'Unlock with passkey' }).click();
    await expect(page.getByText('Unlocked. This window closes by itself.')).toBeVisible();
    await expect(page.locator('html[data-closed]')).toHaveCount(1);

    // A second passkey, on a USB security key (the laptop's authenticator is gone meanwhile).
    await authenticators.remove(laptop);
    const yubikey = await authenticators.add({ transport: 'usb' });
    await page.goto(url('options.html'));
    await setUpPasskey(page, 'YubiKey');
    await expect(passkeyList(page).getByRole('listitem')).toHaveText([/This laptop/, /YubiKey/]);
    await page.goto(url('popup.html'));
    await popup.lock();
    await page.getByRole('button', { name: 'Unlock with passkey' }).click();
    await expect(popup.code(CODE)).toBeVisible();
    expect(await authenticators.credentialCount(yubikey)).toBe(1);

    // Remove both: the vault is as it was, passphrase only. The button reads "Remove" and its
    // name starts with what it shows (axe's label-content-name-mismatch); it asks first.
    await page.goto(url('options.html'));
    const removeLaptop = page.getByRole('button', { name: 'Remove passkey This laptop' });
    await expect(removeLaptop).toBeVisible();
    // What shows is "Remove" (the rest is for screen readers only).
    expect(await removeLaptop.evaluate((el) => el.firstChild?.textContent)).toBe('Remove');
    const axe = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await removeLaptop.click();
    const question = page.getByRole('group', {
      name: 'Remove passkey “This laptop”? It will no longer unlock Twofold; your passphrase still does.',
    });
    await expect(question).toBeVisible();
    // Cancelled: nothing removed, the focus back on its button.
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(passkeyList(page).getByRole('listitem')).toHaveText([/This laptop/, /YubiKey/]);
    await expect.poll(() => removeLaptop.evaluate((el) => el === document.activeElement)).toBe(true);
    await removeLaptop.click();
    await expect
      .poll(() =>
        question
          .getByRole('button', { name: 'Remove passkey This laptop' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await question.getByRole('button', { name: 'Remove passkey This laptop' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Passkey “This laptop” removed.' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Remove passkey YubiKey' }).click();
    await page.getByRole('button', { name: 'Remove passkey YubiKey' }).click();
    await expect(page.getByText('No passkey set up yet.')).toBeVisible();
    await page.goto(url('popup.html'));
    await popup.lock();
    await expect(page.getByRole('button', { name: 'Unlock with passkey' })).toHaveCount(0);
    await popup.unlock(PASSPHRASE);
    await expect(popup.code(CODE)).toBeVisible();
  });

  for (const [name, options, message, left] of [
    [
      'an authenticator that refuses user verification',
      { transport: 'internal', isUserVerified: false },
      /could not verify you.*Nothing was changed/,
      0,
    ],
    [
      // The browser cannot tell before the authenticator answers: the message names what it left.
      'a PRF-less authenticator',
      { transport: 'usb', hasPrf: false },
      /lacks the PRF extension\)\. Your vault was not changed, but the authenticator may now hold a passkey named "This laptop" for Twofold: delete it/,
      1,
    ],
  ] as const) {
    test(`${name}: says so plainly and the vault does not change`, async ({ twofold }) => {
      const page = await twofold.context.newPage();
      const authenticators = await VirtualAuthenticators.attach(page);
      const authenticator = await authenticators.add(options);
      const url = (path: string) => twofold.extensionUrl(path);
      await vaultInOneTab(page, url);
      await page.goto(url('options.html'));
      const before = await storedVault(page);
      await setUpPasskey(page, 'This laptop');
      await expect(page.getByRole('alert')).toHaveText(message);
      expect(await authenticators.credentialCount(authenticator)).toBe(left);
      await expect(page.getByText('No passkey set up yet.')).toBeVisible();
      expect(await storedVault(page)).toEqual(before);
      await page.goto(url('popup.html'));
      await new PopupPage(page).lock();
      await expect(page.getByRole('button', { name: 'Unlock with passkey' })).toHaveCount(0);
    });
  }
});
