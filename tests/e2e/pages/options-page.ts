import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Sends one background message in @webext-core/messaging's wire format from an extension
 * page (popup or options): what the UI does, for seeding data quickly (500 accounts).
 */
export async function sendFromPage<T = unknown>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply: unknown = await page.evaluate(
    ([messageType, messageData]) =>
      chrome.runtime.sendMessage({ id: 1, type: messageType, data: messageData, timestamp: Date.now() }),
    [type, data] as const,
  );
  const { res, err } = reply as { res?: T; err?: { message?: string } };
  if (err) throw new Error(err.message ?? `"${type}" failed`);
  return res as T;
}

/** Adds accounts from otpauth URIs through the bulk import (import:preview + import:commit). */
export async function seedAccounts(page: Page, uris: string[]): Promise<number> {
  const text = uris.join('\n');
  const preview = await sendFromPage<{ ok: boolean; token: string; items: { index: number }[] }>(
    page,
    'import:preview',
    { text },
  );
  if (!preview.ok) throw new Error('seed preview failed');
  const result = await sendFromPage<{ ok: boolean; added: number }>(page, 'import:commit', {
    token: preview.token,
    select: preview.items.map((i) => i.index),
  });
  return result.added;
}

/** The options page, driven by labels and button names. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  async unlockIfLocked(passphrase: string): Promise<void> {
    const unlock = this.page.getByRole('button', { name: 'Unlock', exact: true });
    if (await unlock.isVisible()) {
      await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await unlock.click();
    }
    await expect(this.page.getByRole('heading', { name: 'Encrypted backup' })).toBeVisible({
      timeout: 20_000,
    });
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Settings › Recently deleted: restores one deleted account by its name. */
  async restoreDeleted(name: string): Promise<void> {
    await this.section('Recently deleted')
      .getByRole('button', { name: `Restore ${name}`, exact: true })
      .click();
    await expect(this.section('Recently deleted').getByRole('status')).toHaveText(`${name} is back.`);
  }

  /** Exports the encrypted backup and returns the downloaded file's name and text. */
  async exportBackup(passphrase: string): Promise<{ name: string; text: string }> {
    await this.page.getByLabel('Backup passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Confirm backup passphrase').fill(passphrase);
    const download = this.page.waitForEvent('download', { timeout: 30_000 });
    await this.page.getByRole('button', { name: 'Export backup' }).click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Picks a file in "File to read" (contents in memory). */
  async chooseFile(name: string, contents: string | Buffer, mimeType = 'application/json'): Promise<void> {
    await this.page.getByLabel(/^File to read/).setInputFiles({
      name,
      mimeType,
      buffer: typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents,
    });
  }

  async pasteUris(text: string): Promise<void> {
    await this.page.getByLabel('otpauth URIs', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  async decrypt(password: string): Promise<void> {
    await this.page.getByLabel('Passphrase of this file').fill(password);
    await this.page.getByRole('button', { name: 'Decrypt' }).click();
  }

  /** The import's request for an encrypted file's passphrase: a step, not an error. */
  async expectPassphrasePrompt(fileName: string): Promise<void> {
    await expect(
      this.page.getByText(
        `This file is encrypted. Enter the passphrase it was exported with. File: ${fileName}`,
      ),
    ).toBeVisible();
    // Focus moves to the field (checked in the page: its window need not be the focused one).
    await expect
      .poll(() =>
        this.page.getByLabel('Passphrase of this file').evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await expect(this.alert()).toHaveCount(0);
    // The file stays chosen.
    expect(
      await this.page
        .getByLabel(/^File to read/)
        .evaluate((input: HTMLInputElement) => input.files?.[0]?.name),
    ).toBe(fileName);
  }

  previewItems(): Locator {
    return this.page.getByRole('list', { name: 'Accounts in this file' }).getByRole('listitem');
  }

  /** Adds the ticked accounts of the preview and waits for the confirmation. */
  async addSelected(expected: number): Promise<void> {
    const accounts = expected === 1 ? 'account' : 'accounts';
    await this.page
      .getByRole('button', { name: `Add ${expected} selected ${accounts}`, exact: true })
      .click();
    await expect(this.page.getByText(`${expected} ${accounts} added.`, { exact: true })).toBeVisible({
      timeout: 30_000,
    });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}
