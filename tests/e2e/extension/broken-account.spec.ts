import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { StoredAccount } from '../../../lib/otp/account';
import { importText } from '../../../lib/transfer';
import { expect, test } from '../fixtures/twofold';
import { plantAccount } from '../fixtures/vault';
import { OptionsPage, seedAccounts } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const GOOD = [
  'otpauth://totp/Alpha:a%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Alpha',
  'otpauth://totp/Gamma:g%40example.com?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Gamma',
];
/** A Steam Guard account that lost its encoder (as an old sync codec delivered it): 5 digits. */
const BROKEN: StoredAccount = {
  id: 'broken-steam',
  type: 'totp',
  issuer: 'Steam',
  label: 'gabe',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
  counter: 0,
  createdAt: 1,
  updatedAt: 1,
};

/** axe's findings on the broken account's row only (the rest of the popup has its own a11y spec). */
async function rowViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(`[data-account-id="${BROKEN.id}"]`).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

test.describe('an account that cannot make a code', () => {
  // Planting opens the vault with the real Argon2id cost in Node, on top of the extension's own.
  test.describe.configure({ timeout: 300_000 });

  test('shows as an error row with its name and why, the other codes still show, and Delete removes it', async ({
    twofold,
  }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    await seedAccounts(popup.page, GOOD);
    await plantAccount(popup.page, PASSPHRASE, BROKEN);
    await popup.page.reload();

    await expect(popup.code('Alpha (a@example.com)')).toHaveText(/^\d{3} \d{3}$/);
    await expect(popup.code('Gamma (g@example.com)')).toHaveText(/^\d{3} \d{3}$/);
    const row = popup.page.getByRole('listitem').filter({ hasText: 'Steam' });
    await expect(row).toContainText('gabe');
    await expect(row).toContainText('Cannot make a code: Digits must be 6, 7 or 8');
    await expect(row.locator('button.code')).toHaveCount(0);
    expect(await rowViolations(popup.page)).toEqual([]);
    // Search finds it by name like any account.
    await popup.search('steam');
    await expect(row).toBeVisible();
    await expect(popup.code('Alpha (a@example.com)')).toHaveCount(0);
    await popup.search('');

    // Keyboard only: Delete (which names the account and is described by the reason), confirm.
    const remove = popup.page.getByRole('button', { name: 'Delete Steam (gabe)' });
    await expect(remove).toHaveAccessibleDescription('Cannot make a code: Digits must be 6, 7 or 8');
    await remove.focus();
    await popup.page.keyboard.press('Enter');
    const dialog = popup.page.getByRole('alertdialog', { name: 'Delete this account?' });
    await expect(dialog).toContainText('Delete Steam (gabe)?');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    expect(await rowViolations(popup.page)).toEqual([]);
    await popup.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(remove).toBeFocused();
    await popup.page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();

    await expect(row).toHaveCount(0);
    await expect(popup.page.getByRole('status').filter({ hasText: 'Steam (gabe) deleted.' })).toBeAttached();
    await popup.page.reload();
    await expect(popup.code('Alpha (a@example.com)')).toBeVisible();
    await expect(popup.code('Gamma (g@example.com)')).toBeVisible();
    await expect(popup.page.getByText('Steam')).toHaveCount(0);
  });

  test('is left out of the backup and the plain exports, named with why; the others are exported', async ({
    twofold,
  }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    await seedAccounts(popup.page, GOOD);
    await plantAccount(popup.page, PASSPHRASE, BROKEN);
    const options = new OptionsPage(await twofold.openOptions());
    await options.unlockIfLocked(PASSPHRASE);
    const why = 'Steam (gabe): Digits must be 6, 7 or 8';

    const { text } = await options.exportBackup(PASSPHRASE);
    const backup = options.section('Encrypted backup');
    await expect(backup).toContainText('The backup leaves out 1 account, because it cannot make a code:');
    await expect(backup.getByRole('listitem')).toHaveText([why]);
    const restored = await importText(text, PASSPHRASE);
    expect(restored.accounts.map((a) => a.issuer)).toEqual(['Alpha', 'Gamma']);

    const plain = options.section('Export in clear');
    await plain.getByLabel('I understand: show my secrets').check();
    await plain.getByRole('button', { name: 'Show otpauth URI list' }).click();
    const uris = (await plain.getByLabel('Exported otpauth URIs').inputValue()).trim().split('\n');
    expect(uris.map((u) => new URL(u).searchParams.get('issuer'))).toEqual(['Alpha', 'Gamma']);
    await expect(plain).toContainText('Left out, because they cannot make a code:');
    await expect(plain.getByRole('listitem').filter({ hasText: 'Steam' })).toHaveText(why);
    await plain.getByRole('button', { name: 'Show Google Authenticator transfer codes' }).click();
    await expect(plain.getByRole('img', { name: 'Google Authenticator transfer code 1 of 1' })).toBeVisible();
    await expect(plain.getByRole('listitem').filter({ hasText: 'Steam' })).toHaveText(why);
  });
});
