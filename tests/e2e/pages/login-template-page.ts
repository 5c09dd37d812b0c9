import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../fixtures/extension';
import { PopupPage } from './popup-page';
import { codeAt } from './sandbox-qr';
import { TwofoldPrompt } from './twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The account the template pages are bound to (the sandbox's origin). */
export const TEMPLATE_URI = `otpauth://totp/Templates:tester?secret=${SECRET}&issuer=Templates`;

/** A new vault with the template account bound to `origin` (what "Website (for autofill)" does). */
export async function bindTemplateAccount(twofold: ExtensionBrowser, origin: string): Promise<void> {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault(PASSPHRASE);
  await popup.addAccount(TEMPLATE_URI, origin);
  await expect(popup.code('Templates (tester)')).toBeVisible();
}

/** This period's code and the previous one (a fill may have happened just before the period turned). */
export function currentCodes(): string[] {
  return [codeAt(TEMPLATE_URI, Date.now()), codeAt(TEMPLATE_URI, Date.now() - 30_000)];
}

/** One of the sandbox's second-factor pages (tests/sandbox/login-templates.ts), /widgets/login/<id>. */
export class LoginTemplatePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(id: string): Promise<void> {
    await this.page.goto(new URL(`/widgets/login/${id}`, this.baseUrl).href);
  }

  field(selector: string): Locator {
    return this.page.locator(selector);
  }

  /** What the page's form sent ("Submitted: …"). */
  get submitted(): Locator {
    return this.page.locator('#out');
  }

  /** The widget's own state line ("Widget state: …"), on the widget pages. */
  get widgetState(): Locator {
    return this.page.locator('#state');
  }

  /**
   * Resolves once Twofold's card said "Filled by Twofold: <account>.": it says so only when the page
   * read back the code it filled. Start waiting before the fill (the notice lasts two seconds).
   */
  filledByTwofold(timeout: number): Promise<void> {
    return expect(new TwofoldPrompt(this.page).card.getByRole('status')).toHaveText(
      /^Filled by Twofold: .+\.$/,
      { timeout },
    );
  }

  /** Click the form's submit button, as the user would. */
  async submit(): Promise<void> {
    await this.page.locator('form').locator('button, input[type="submit"]').first().click();
  }
}
