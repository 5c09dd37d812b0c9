import * as OTPAuth from 'otpauth';
import { expect, test } from '../fixtures/twofold';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Example:alice%40example.com?secret=${SECRET}&issuer=Example`;

/** What a phone app would show now, or in the next period when we are at its edge. */
function expectedCodes(uri: string): string[] {
  const totp = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
  const now = Date.now();
  return [totp.generate({ timestamp: now }), totp.generate({ timestamp: now + 1500 })];
}

test.describe('vault in the popup', () => {
  test('create, add by URI, the code matches otpauth, lock and unlock', async ({ twofold }) => {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    await expect(popup.page.getByText(/No accounts yet/)).toBeVisible();

    await popup.addAccount(URI);
    await expect(popup.code('Example (alice@example.com)')).toBeVisible();
    expect(expectedCodes(URI)).toContain(await popup.codeDigits('Example (alice@example.com)'));
    await expect(popup.page.getByRole('timer')).toHaveAccessibleName(/\d+ seconds left/);

    await popup.lock();
    await expect(popup.code('Example (alice@example.com)')).toHaveCount(0);

    await popup.unlock('not the passphrase');
    await expect(popup.alert()).toHaveText('Wrong passphrase. Nothing was changed.');

    await popup.unlock(PASSPHRASE);
    expect(expectedCodes(URI)).toContain(await popup.codeDigits('Example (alice@example.com)'));
  });

  test('a bad URI gets a clear message and nothing is added', async ({ twofold }) => {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount('otpauth://totp/Example:bob?issuer=Example');
    await expect(popup.alert()).toHaveText(/has no secret/);
    await popup.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(popup.page.getByText(/No accounts yet/)).toBeVisible();
  });

  test('a bare secret is accepted as a TOTP account', async ({ twofold }) => {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    // A typed secret is named (the issuer), and bound to its website.
    await popup.page.getByRole('button', { name: 'Add account' }).click();
    await popup.page.getByLabel('otpauth URI or secret').fill('jbsw y3dp ehpk 3pxp');
    await popup.page.getByLabel('Issuer', { exact: true }).fill('example.org');
    await popup.page.getByLabel('Website (for autofill)').fill('example.org');
    await popup.page.getByRole('button', { name: 'Save' }).click();
    const uri = 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP';
    await expect(popup.code('example.org')).toBeVisible();
    expect(expectedCodes(uri)).toContain(await popup.codeDigits('example.org'));
  });

  test('after a browser restart the vault is locked and the account is still there', async ({ twofold }) => {
    let popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(URI);
    await expect(popup.code('Example (alice@example.com)')).toBeVisible();

    await twofold.restart();
    popup = new PopupPage(await twofold.openPopup());
    await expect(popup.page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await popup.unlock(PASSPHRASE);
    expect(expectedCodes(URI)).toContain(await popup.codeDigits('Example (alice@example.com)'));
  });
});
