import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import type { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/twofold';
import { OptionsPage, seedAccounts } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'];
const uri = (issuer: string, label: string, secret: string) =>
  `otpauth://totp/${issuer}:${encodeURIComponent(label)}?secret=${secret}&issuer=${issuer}`;
const A = 'Alpha (a@example.com)';
const B = 'Beta (b@example.com)';
const G = 'Gamma (g@example.com)';

/** What a phone app shows for this secret now, or at a period's edge just before or after. */
function totpNow(secret: string): string[] {
  const totp = new OTPAuth.TOTP({ secret });
  const now = Date.now();
  return [-2000, 0, 1500].map((delta) => totp.generate({ timestamp: now + delta }));
}

/** A new vault holding the first `count` of Alpha, Beta and Gamma, its popup reloaded to show them. */
async function popupWith(twofold: ExtensionBrowser, count: number): Promise<PopupPage> {
  const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
  const accounts = [
    uri('Alpha', 'a@example.com', SECRETS[0]!),
    uri('Beta', 'b@example.com', SECRETS[1]!),
    uri('Gamma', 'g@example.com', SECRETS[2]!),
  ];
  await seedAccounts(popup.page, accounts.slice(0, count));
  await popup.page.reload();
  return popup;
}

/** axe over `selector`, in light and dark: no violation (contrast of the toast's button included). */
async function expectNoViolations(page: Page, selector: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include(selector).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
    expect(summary, `${selector} (${colorScheme})`).toEqual([]);
  }
}

test.describe('recently deleted accounts', () => {
  test('a delete in the popup offers Undo (focused, announced); Undo brings the account back with the same code', async ({
    twofold,
  }) => {
    test.setTimeout(180_000);
    const popup = await popupWith(twofold, 2);
    await expect(popup.code(B)).toBeVisible();

    await popup.deleteAccount(B);
    await expect(popup.code(B)).toHaveCount(0);
    // The keyboard lands on Undo, whose name says what it brings back; the status line is announced.
    const undo = popup.page.getByRole('button', { name: `Undo: restore ${B}`, exact: true });
    await expect(undo).toBeFocused();
    await expect(undo).toHaveText('Undo');
    await expectNoViolations(popup.page, '.status.toast');
    await popup.page.keyboard.press('Enter');
    await expect(popup.page.getByRole('status')).toHaveText(`${B} is back.`);
    await expect(popup.code(B)).toBeVisible();
    expect(totpNow(SECRETS[1]!)).toContain(await popup.codeDigits(B));
    expect(await popup.shownNames()).toEqual([A, B]);
    await expect(undo).toHaveCount(0);
    // Still there after the popup closes and opens again.
    await popup.page.reload();
    await expect(popup.code(B)).toBeVisible();
  });

  test('Settings › Recently deleted: Restore brings one back with the same code; Delete now asks first, then erases', async ({
    twofold,
  }) => {
    test.setTimeout(180_000);
    const popup = await popupWith(twofold, 3);
    await popup.deleteAccount(A);
    await popup.deleteAccount(G);

    const options = new OptionsPage(await twofold.openOptions());
    await options.unlockIfLocked(PASSPHRASE);
    const index = options.page.getByRole('navigation', { name: 'Settings sections' });
    await index.getByRole('link', { name: 'Recently deleted' }).click();
    const section = options.section('Recently deleted');
    await expect(section.getByRole('listitem')).toHaveCount(2);
    // Newest first, names and dates; never a secret on the page.
    await expect(section.getByRole('listitem').first()).toContainText(G);
    await expect(section.getByRole('listitem').first()).toContainText('Deleted on');
    expect(await options.page.content()).not.toMatch(new RegExp(SECRETS.join('|')));

    await options.restoreDeleted(G);
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await popup.page.reload();
    await expect(popup.code(G)).toBeVisible();
    expect(totpNow(SECRETS[2]!)).toContain(await popup.codeDigits(G));

    // Delete now: confirmed in place; Cancel has the focus and Escape keeps the account.
    await section.getByRole('button', { name: `Delete now: ${A}`, exact: true }).click();
    const dialog = section.getByRole('alertdialog', { name: 'Delete this account for good?' });
    await expect(dialog).toContainText(`Delete ${A} for good?`);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoViolations(options.page, '#deleted');
    await options.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await section.getByRole('button', { name: `Delete now: ${A}`, exact: true }).click();
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(section.getByRole('status')).toHaveText(`${A} was deleted for good.`);
    await expect(section).toContainText('No account was deleted in the last 30 days.');
    await options.page.reload();
    await options.unlockIfLocked(PASSPHRASE);
    await expect(options.section('Recently deleted')).toContainText(
      'No account was deleted in the last 30 days.',
    );
    await popup.page.reload();
    expect(await popup.shownNames()).toEqual([B, G]);
  });
});
