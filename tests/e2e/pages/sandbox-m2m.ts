import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Lang, Strings } from '../../sandbox/i18n.ts';
import { STRINGS } from '../../sandbox/i18n.ts';
import { readCanvasQrs } from './sandbox-qr.ts';

/** The sandbox's operator with no second factor yet (tests/sandbox/state.ts). */
export const JOHN = { email: 'john.smith@example.com', password: 'John-M2M-2024!' } as const;

/**
 * The simulated M2Mmanager as a person sees it: every element is found by its visible text,
 * label or role, in the chosen language.
 */
export class M2MmanagerPage {
  readonly t: Strings;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly lang: Lang = 'en',
  ) {
    this.t = STRINGS[lang];
  }

  /** The open pop-up (there is at most one). */
  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /**
   * Logs in, accepts two-factor authentication and picks the app method: the enrolment pop-up with
   * its QR code is open. `variant` opens one of the sandbox's page variants first.
   */
  static async atEnrolment(
    page: Page,
    baseUrl: string,
    variant?: string,
    lang: Lang = 'en',
  ): Promise<M2MmanagerPage> {
    const m2m = new M2MmanagerPage(page, baseUrl, lang);
    await m2m.openEnrolment(JOHN, variant);
    return m2m;
  }

  /** See `atEnrolment`, as any user. */
  async openEnrolment(user: { email: string; password: string } = JOHN, variant?: string): Promise<void> {
    await this.page.bringToFront();
    if (variant) await this.open(`/variants/${variant}`);
    await this.login(user.email, user.password);
    await this.acceptOfferAndLogInAgain(user.email, user.password);
    await this.chooseMethod('app');
    await expect(this.page.getByRole('dialog', { name: this.t.appTitle })).toBeVisible();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(
      new URL(`${path}${path.includes('?') ? '&' : '?'}lang=${this.lang}`, this.baseUrl).href,
    );
  }

  async login(email: string, password: string): Promise<void> {
    if (!(await this.page.getByLabel(this.t.email, { exact: true }).isVisible())) await this.open('/');
    await this.page.getByLabel(this.t.email, { exact: true }).fill(email);
    await this.page.getByLabel(this.t.password, { exact: true }).fill(password);
    await this.button(this.t.logIn).click();
  }

  async expectOffer(): Promise<void> {
    await expect(this.page.getByRole('dialog', { name: this.t.offerTitle })).toBeVisible();
  }

  /** Article steps 2-4: tick the box, Continue, then re-enter the credentials. */
  async acceptOfferAndLogInAgain(email: string, password: string): Promise<void> {
    await this.expectOffer();
    await this.page.getByLabel(this.t.offerCheckbox).check();
    await this.button(this.t.continue).click();
    await expect(this.page.getByRole('status')).toHaveText(this.t.reauth);
    await this.login(email, password);
    await expect(this.page.getByRole('dialog', { name: this.t.methodTitle })).toBeVisible();
  }

  async chooseMethod(method: 'app' | 'sms'): Promise<void> {
    await this.button(method === 'app' ? this.t.methodApp : this.t.methodSms).click();
  }

  /** The otpauth URI from the enrolment pop-up's canvas. */
  async scanEnrolmentQr(): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: this.t.appTitle });
    await expect(dialog).toBeVisible();
    const texts = await readCanvasQrs(dialog);
    const uri = texts.find((text) => text.startsWith('otpauth://'));
    if (!uri) throw new Error(`no otpauth QR in the pop-up (found: ${JSON.stringify(texts)})`);
    return uri;
  }

  async enterOneTimeCode(code: string, options: { remember?: boolean } = {}): Promise<void> {
    await this.page.getByLabel(this.t.oneTimeCode, { exact: true }).fill(code);
    if (options.remember) await this.page.getByLabel(this.t.remember).check();
    await this.button(this.t.continue).click();
  }

  async enterSmsCode(code: string): Promise<void> {
    await this.page.getByLabel(this.t.smsCode, { exact: true }).fill(code);
    await this.button(this.t.continue).click();
  }

  async expectHome(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.t.homeTitle })).toBeVisible();
  }

  async expectCodeStep(): Promise<void> {
    await expect(this.page.getByRole('dialog', { name: this.t.codeTitle })).toBeVisible();
    await expect(this.page.getByLabel(this.t.remember)).toBeVisible();
  }

  async expectAlert(text: string): Promise<void> {
    await expect(this.page.getByRole('alert')).toHaveText(text);
  }

  async logOut(): Promise<void> {
    await this.button(this.t.logOut).click();
    await expect(this.page.getByLabel(this.t.email, { exact: true })).toBeVisible();
  }

  /** Full app enrolment for a user who has not activated 2FA yet; returns the scanned URI. */
  async enrolByApp(email: string, password: string, codeFor: (uri: string) => string): Promise<string> {
    await this.login(email, password);
    await this.acceptOfferAndLogInAgain(email, password);
    await this.chooseMethod('app');
    const uri = await this.scanEnrolmentQr();
    await this.enterOneTimeCode(codeFor(uri));
    await this.expectHome();
    return uri;
  }
}
