import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { gotoExtensionPage } from '../fixtures/firefox.ts';
import { button, field, textOf } from './query.ts';

/** Twofold's popup in Firefox, driven by labels and button names. */
export class FirefoxPopup {
  constructor(readonly page: Page) {}

  async createVault(passphrase: string): Promise<void> {
    await field(this.page, 'Passphrase').fill(passphrase);
    await field(this.page, 'Confirm passphrase').fill(passphrase);
    await button(this.page, 'Create vault').click();
    await button(this.page, 'Lock').setTimeout(20_000).wait();
  }

  /** In Twofold's window (a page waits for the vault): it closes by itself once the vault is open. */
  async createVaultInWindow(passphrase: string): Promise<void> {
    await field(this.page, 'Passphrase').fill(passphrase);
    await field(this.page, 'Confirm passphrase').fill(passphrase);
    await button(this.page, 'Create vault').click();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.tryUnlock(passphrase);
    await button(this.page, 'Lock').setTimeout(20_000).wait();
  }

  async tryUnlock(passphrase: string): Promise<void> {
    await field(this.page, 'Passphrase').fill(passphrase);
    await button(this.page, 'Unlock').click();
  }

  async lock(): Promise<void> {
    await button(this.page, 'Lock').click();
    await button(this.page, 'Unlock').wait();
  }

  async addAccount(uriOrSecret: string, website?: string): Promise<void> {
    await button(this.page, 'Add account').click();
    await field(this.page, 'otpauth URI or secret').fill(uriOrSecret);
    if (website) await field(this.page, 'Website (for autofill)').fill(website);
    await button(this.page, 'Save').click();
    await this.expectText('Account added.');
  }

  /** Opens the popup again, as the toolbar button would: in front. */
  async reload(): Promise<void> {
    await this.page.bringToFront();
    await gotoExtensionPage(this.page, await this.page.evaluate(() => location.href));
  }

  /** The digits shown for "Issuer (label)", or undefined while it is not shown. */
  async code(name: string): Promise<string | undefined> {
    const handle = await this.page.$(`button.code[aria-label^="Code for ${name}:"]`);
    const text = await handle?.evaluate((el) => el.textContent ?? '');
    return text?.replace(/\s/g, '');
  }

  async expectText(text: string, timeout = 10_000): Promise<void> {
    await expect.poll(() => textOf(this.page), { timeout }).toContain(text);
  }

  /** Sends one background message in @webext-core/messaging's wire format, as the popup does. */
  async send<T>(type: string, data?: unknown): Promise<T> {
    const reply: unknown = await this.page.evaluate(
      (messageType, messageData) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
          id: 1,
          type: messageType,
          data: messageData,
          timestamp: Date.now(),
        }),
      type,
      data,
    );
    const { res, err } = reply as { res?: T; err?: { message?: string } };
    if (err) throw new Error(err.message ?? `"${type}" failed`);
    return res as T;
  }
}
