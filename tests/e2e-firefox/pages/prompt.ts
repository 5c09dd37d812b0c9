import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

/** Twofold's in-page card: a shadow root, open in sandbox builds, reached with `>>>`. */
export class FirefoxPrompt {
  constructor(readonly page: Page) {}

  /** The card's text, or '' while there is no card. */
  async text(): Promise<string> {
    const card = await this.page.$('twofold-ui >>> [role="dialog"]');
    return ((await card?.evaluate((el) => el.textContent ?? '')) ?? '').replace(/\s+/g, ' ');
  }

  async expectText(text: string, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.text(), { timeout }).toContain(text);
  }

  async click(name: string): Promise<void> {
    // A real click (BiDi input actions): the card acts only on trusted events.
    await this.page.locator(`twofold-ui >>> ::-p-aria([name="${name}"][role="button"])`).click();
  }

  async count(): Promise<number> {
    return (await this.page.$$('twofold-ui >>> [role="dialog"]')).length;
  }
}
