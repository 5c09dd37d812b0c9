import jsQR from 'jsqr';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { STRINGS, type Strings } from '../../sandbox/i18n.ts';
import { button, field, textOf, valueOf } from './query.ts';

/** The simulated M2Mmanager in Firefox, found by its visible words (English). */
export class FirefoxM2M {
  readonly t: Strings = STRINGS.en;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  /** Clicks a button that submits a form, and waits for the next page. */
  async submit(name: string): Promise<void> {
    await Promise.all([this.page.waitForNavigation(), button(this.page, name).click()]);
  }

  async login(email: string, password: string): Promise<void> {
    if (!(await this.page.$(`::-p-aria([name="${this.t.logIn}"][role="button"])`))) await this.open('/');
    await field(this.page, this.t.email).fill(email);
    await field(this.page, this.t.password).fill(password);
    await this.submit(this.t.logIn);
  }

  async acceptOfferAndLogInAgain(email: string, password: string): Promise<void> {
    await field(this.page, this.t.offerCheckbox).click();
    await this.submit(this.t.continue);
    await this.expectText(this.t.reauth);
    await this.login(email, password);
    await button(this.page, this.t.methodApp).wait();
  }

  async chooseAppMethod(): Promise<void> {
    await this.submit(this.t.methodApp);
  }

  /** A first login up to the authenticator app's enrolment pop-up (the QR code and its code field). */
  async toEnrolment(email: string, password: string): Promise<void> {
    await this.login(email, password);
    await this.acceptOfferAndLogInAgain(email, password);
    await this.chooseAppMethod();
  }

  /** The enrolment QR's otpauth URI, read from the page's canvas pixels as a camera would. */
  async enrolmentUri(): Promise<string> {
    const images = await this.page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0) return null;
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        return { width: image.width, height: image.height, data: Array.from(image.data) };
      }),
    );
    const texts = images.flatMap((image) => {
      const found = image && jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
      return found ? [found.data] : [];
    });
    const uri = texts.find((text) => text.startsWith('otpauth://'));
    if (!uri) throw new Error(`no otpauth QR on the page (found: ${JSON.stringify(texts)})`);
    return uri;
  }

  async codeValue(): Promise<string | undefined> {
    return valueOf(this.page, this.t.oneTimeCode);
  }

  async expectCodeStep(): Promise<void> {
    await field(this.page, this.t.oneTimeCode).wait();
    await field(this.page, this.t.remember).wait();
  }

  async expectHome(): Promise<void> {
    await this.page.waitForSelector(`::-p-aria([name="${this.t.homeTitle}"][role="heading"])`);
  }

  async logOut(): Promise<void> {
    await this.submit(this.t.logOut);
    await field(this.page, this.t.email).wait();
  }

  async expectText(text: string): Promise<void> {
    await expect.poll(() => textOf(this.page)).toContain(text);
  }
}
