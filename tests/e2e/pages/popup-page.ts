import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../fixtures/extension';

/** The toolbar popup, driven as a person would: by labels and button names. */
export class PopupPage {
  constructor(readonly page: Page) {}

  /** Opens the popup of a fresh profile and creates the vault. */
  static async withNewVault(twofold: ExtensionBrowser, passphrase: string): Promise<PopupPage> {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(passphrase);
    return popup;
  }

  async createVault(passphrase: string): Promise<void> {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Confirm passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Create vault' }).click();
    // Argon2id (64 MiB) takes seconds alone and far longer on a loaded machine: no timing is checked.
    // An error the popup shows instead fails at once, with its words, rather than as a timeout.
    const lock = this.page.getByRole('button', { name: 'Lock', exact: true });
    await expect(lock.or(this.alert()).first()).toBeVisible({ timeout: 120_000 });
    await expect(this.alert(), 'the popup shows no error').toHaveText([]);
    await expect(lock).toBeVisible();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
    await expect(this.page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  }

  async addAccount(uriOrSecret: string, website?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add account' }).click();
    await this.page.getByLabel('otpauth URI or secret').fill(uriOrSecret);
    if (website) await this.page.getByLabel('Website (for autofill)').fill(website);
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** The code shown for "Issuer (label)", digits only. */
  code(name: string): Locator {
    return this.page
      .getByRole('status', { name: `Code for ${name}` })
      .or(this.page.getByLabel(`Code for ${name}`));
  }

  async codeDigits(name: string): Promise<string> {
    return ((await this.code(name).textContent()) ?? '').replace(/\s/g, '');
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** The row (list item) of "Issuer (label)". */
  row(name: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.code(name) });
  }

  /** Opens the actions of an account ("Actions for …") and clicks one of them. */
  async rowAction(name: string, action: string): Promise<void> {
    const toggle = this.page.getByRole('button', { name: `Actions for ${name}`, exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.page
      .getByRole('group', { name: `Actions for ${name}` })
      .getByRole('button', { name: action, exact: true })
      .click();
  }

  /** Deletes an account from its row, confirming in the row ("Yes, delete"). */
  async deleteAccount(name: string): Promise<void> {
    await this.rowAction(name, 'Delete');
    await this.page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(this.page.getByRole('status')).toHaveText(`${name} deleted.`);
  }

  /** Names of the accounts as shown, top to bottom ("Issuer (label)"); codes may be Steam's letters. */
  async shownNames(): Promise<string[]> {
    const labels = await this.page
      .locator('button.code')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    return labels.map((l) => l.replace(/^Code for /, '').replace(/: [\dA-Z ]+\. Press to copy\.$/, ''));
  }

  search(query: string): Promise<void> {
    return this.page.getByRole('searchbox', { name: 'Search accounts' }).fill(query);
  }
}
