import { expect, type Locator, type Page } from '@playwright/test';

/** Twofold's in-page card (a shadow root; open in sandbox builds so roles are reachable). */
export class TwofoldPrompt {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('dialog', { name: 'Twofold', exact: true });
  }

  async expectText(text: string | RegExp): Promise<void> {
    await expect(this.card).toBeVisible();
    await expect(this.card.getByText(text)).toBeVisible();
  }

  button(name: string): Locator {
    return this.card.getByRole('button', { name, exact: true });
  }
}
