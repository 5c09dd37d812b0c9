import * as OTPAuth from 'otpauth';
import type { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/twofold';
import { seedAccounts, sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'];
const uri = (issuer: string, label: string, secret: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

function totpNow(secret: string): string[] {
  const totp = new OTPAuth.TOTP({ secret });
  const now = Date.now();
  return [-2000, 0, 1500].map((delta) => totp.generate({ timestamp: now + delta }));
}

async function unlockedPopup(twofold: ExtensionBrowser): Promise<PopupPage> {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault(PASSPHRASE);
  return popup;
}

test.describe('popup', () => {
  test('empty state explains how to start', async ({ twofold }) => {
    const popup = await unlockedPopup(twofold);
    await expect(popup.page.getByText(/No accounts yet/)).toBeVisible();
    await expect(popup.page.getByText(/To start: open a site's two-factor set-up page/)).toBeVisible();
    await expect(popup.page.getByRole('searchbox')).toHaveCount(0);
  });

  test('search as you type, pin, reorder with the keyboard, edit, delete after confirming', async ({
    twofold,
  }) => {
    const popup = await unlockedPopup(twofold);
    await seedAccounts(popup.page, [
      uri('Alpha', 'a@example.com', SECRETS[0]!),
      uri('Beta', 'b@example.com', SECRETS[1]!),
      uri('Gamma', 'g@example.com', SECRETS[2]!),
    ]);
    await popup.page.reload();
    const A = 'Alpha (a@example.com)';
    const B = 'Beta (b@example.com)';
    const G = 'Gamma (g@example.com)';
    await expect(popup.code(G)).toBeVisible();
    expect(await popup.shownNames()).toEqual([A, B, G]);

    // Search as you type: issuer, account name, accents and case ignored.
    await popup.search('gam');
    expect(await popup.shownNames()).toEqual([G]);
    await popup.search('B@EXAMPLE');
    expect(await popup.shownNames()).toEqual([B]);
    await popup.search('nothing like this');
    await expect(popup.page.getByText('No account matches "nothing like this".')).toBeVisible();
    await popup.search('');

    // Pin Gamma: it goes to the top, under "Pinned".
    await popup.rowAction(G, 'Pin to top');
    await expect(popup.page.getByRole('status')).toHaveText(`${G} pinned.`);
    expect(await popup.shownNames()).toEqual([G, A, B]);
    await expect(popup.page.getByRole('heading', { name: 'Pinned' })).toBeVisible();

    // Move Beta up with the keyboard only; focus stays on "Move up".
    const toggle = popup.page.getByRole('button', { name: `Actions for ${B}`, exact: true });
    await toggle.focus();
    await popup.page.keyboard.press('Enter');
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const moveUp = popup.page.getByRole('group', { name: `Actions for ${B}` }).getByRole('button', {
      name: 'Move up',
    });
    await popup.page.keyboard.press('Tab'); // Pin to top
    await popup.page.keyboard.press('Tab'); // Move up
    await expect(moveUp).toBeFocused();
    await popup.page.keyboard.press('Enter');
    await expect(popup.page.getByRole('status')).toHaveText(`${B} moved up.`);
    expect(await popup.shownNames()).toEqual([G, B, A]);
    // Beta is first of its group now: it cannot move up across "Pinned"; focus stays in its row.
    await expect(moveUp).toBeDisabled();
    await expect(toggle).toBeFocused();
    await popup.page.reload();
    await expect(popup.code(G)).toBeVisible();
    expect(await popup.shownNames()).toEqual([G, B, A]);

    // Edit issuer and name.
    await popup.rowAction(A, 'Edit');
    await popup.page.getByLabel('Issuer').fill('Alphabet');
    await popup.page.getByLabel('Account name').fill('alice');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.code('Alphabet (alice)')).toBeVisible();
    expect(totpNow(SECRETS[0]!)).toContain(await popup.codeDigits('Alphabet (alice)'));

    // Delete: an in-popup confirmation (no window.confirm); Cancel keeps, Delete for good removes.
    popup.page.on('dialog', () => {
      throw new Error('no native dialogs');
    });
    await popup.rowAction(B, 'Delete');
    const dialog = popup.page.getByRole('alertdialog', { name: 'Delete this account?' });
    await expect(dialog).toContainText(`Delete ${B}?`);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await popup.page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(popup.code(B)).toBeVisible();
    await popup.rowAction(B, 'Delete');
    await popup.page.getByRole('button', { name: 'Delete for good' }).click();
    await expect(popup.page.getByRole('status')).toHaveText(`${B} deleted.`);
    await expect(popup.code(B)).toHaveCount(0);
    await popup.page.reload();
    await expect(popup.code(G)).toBeVisible();
    expect(await popup.shownNames()).toEqual([G, 'Alphabet (alice)']);
  });

  test('copy on click or Enter; the clipboard is cleared after the delay if it still holds the code', async ({
    twofold,
  }) => {
    // Lets the popup read the clipboard (its "still holds the code" check) and the test check it.
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await unlockedPopup(twofold);
    await popup.page.evaluate(() =>
      chrome.storage.local
        .get('settings')
        .then(({ settings }) =>
          chrome.storage.local.set({ settings: { ...(settings ?? {}), clipboardClearSeconds: 2 } }),
        ),
    );
    await popup.page.reload();
    await popup.addAccount(uri('Example', 'alice@example.com', SECRETS[0]!));
    const name = 'Example (alice@example.com)';
    await expect(popup.code(name)).toBeVisible();
    const clipboard = () => popup.page.evaluate(() => navigator.clipboard.readText());

    await popup.code(name).click();
    await expect(popup.page.getByRole('status')).toHaveText(
      /Code copied\. Twofold clears the clipboard in 2 seconds/,
    );
    expect(totpNow(SECRETS[0]!)).toContain(await clipboard());
    await expect.poll(clipboard, { timeout: 5_000 }).toBe('');

    // Enter on the focused code copies too; something else copied meanwhile is left alone.
    await popup.code(name).focus();
    await popup.page.keyboard.press('Enter');
    await expect.poll(clipboard).toMatch(/^\d{6}$/);
    await popup.page.evaluate(() => navigator.clipboard.writeText('my own text'));
    await popup.page.waitForTimeout(2_500);
    expect(await clipboard()).toBe('my own text');
  });

  test('type a secret with its options (HOTP, SHA-512, 7 digits, counter 42), then the next code', async ({
    twofold,
  }) => {
    const popup = await unlockedPopup(twofold);
    await popup.page.getByRole('button', { name: 'Add account' }).click();
    await popup.page.getByLabel('otpauth URI or secret').fill(SECRETS[2]!.toLowerCase());
    await popup.page.locator('summary', { hasText: 'Options for a typed secret' }).click();
    await popup.page.getByLabel('Issuer').fill('Forge');
    await popup.page.getByLabel('Account name').fill('carol');
    await popup.page.getByLabel('Type').selectOption('hotp');
    await popup.page.getByLabel('Algorithm').selectOption('SHA512');
    await popup.page.getByLabel('Digits').selectOption('7');
    await popup.page.getByLabel('Counter').fill('42');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    const hotp = new OTPAuth.HOTP({ secret: SECRETS[2]!, algorithm: 'SHA512', digits: 7 });
    await expect(popup.code('Forge (carol)')).toBeVisible();
    expect(await popup.codeDigits('Forge (carol)')).toBe(hotp.generate({ counter: 42 }));
    await popup.page.getByRole('button', { name: 'Next code of Forge (carol)' }).click();
    await expect.poll(() => popup.codeDigits('Forge (carol)')).toBe(hotp.generate({ counter: 43 }));
  });

  test('accounts bound to the current tab come first; settings open the options page', async ({
    twofold,
    sandbox,
  }) => {
    const setup = await unlockedPopup(twofold);
    const origin = new URL(sandbox.url).origin;
    await seedAccounts(setup.page, [uri('Other', 'x', SECRETS[0]!), uri('Second', 'y', SECRETS[1]!)]);
    await sendFromPage(setup.page, 'accounts:addUri', {
      uri: uri('M2Mmanager', 'jane', SECRETS[2]!),
      website: origin,
    });
    const site = await twofold.context.newPage();
    await site.goto(sandbox.url);
    const popup = new PopupPage(await twofold.openToolbarPopup(site));
    await expect(popup.code('M2Mmanager (jane)')).toBeVisible();
    await expect(popup.page.getByRole('heading', { name: 'On this site' })).toBeVisible();
    expect(await popup.shownNames()).toEqual(['M2Mmanager (jane)', 'Other (x)', 'Second (y)']);

    const optionsOpened = twofold.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Settings' }).click();
    const options = await optionsOpened;
    await expect(options).toHaveURL(/options\.html/);
    await expect(options.getByRole('heading', { name: 'Twofold settings' })).toBeVisible();
  });

  test('after the first account, a one-time nudge to export a backup; dismissed for good', async ({
    twofold,
  }) => {
    const popup = await unlockedPopup(twofold);
    const nudge = popup.page.getByRole('complementary', { name: 'Keep access if you lose this device' });
    await expect(nudge).toHaveCount(0);
    await popup.addAccount(uri('Example', 'alice', SECRETS[0]!));
    await expect(nudge).toBeVisible();
    await expect(nudge).toContainText('support ticket');
    await nudge.getByRole('button', { name: 'Dismiss' }).click();
    await expect(nudge).toHaveCount(0);
    await popup.page.reload();
    await expect(popup.code('Example (alice)')).toBeVisible();
    await expect(nudge).toHaveCount(0);
  });
});
