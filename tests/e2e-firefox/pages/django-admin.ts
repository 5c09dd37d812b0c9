import type { Page } from 'puppeteer-core';
import { DJANGO_ADMIN, DJANGO_PREFIX } from '../../sandbox/django-otp.ts';
import { button, field, valueOf } from './query.ts';

/** The sandbox's Django admin behind django-otp (`tests/sandbox/django-otp.ts`), in Firefox. */
export class FirefoxDjangoAdmin {
  readonly user = DJANGO_ADMIN;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async openLogin(): Promise<void> {
    await this.page.goto(new URL(`${DJANGO_PREFIX}login/`, this.baseUrl).href);
    await field(this.page, 'Username:').wait();
  }

  /** The admin has no device yet: user name and password suffice. */
  async logInWithPassword(): Promise<void> {
    await this.openLogin();
    await field(this.page, 'Username:').fill(this.user.username);
    await field(this.page, 'Password:').fill(this.user.password);
    await Promise.all([this.page.waitForNavigation(), button(this.page, 'Log in').click()]);
    await this.expectHome();
  }

  /** Adds the admin's TOTP device and opens its config page (a QR image, no field for a code). */
  async addDevice(): Promise<void> {
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.locator('::-p-aria([name="Add TOTP device"][role="link"])').click(),
    ]);
    await this.page.waitForSelector('img.qrcode-image');
  }

  async expectHome(): Promise<void> {
    await this.page.waitForSelector('::-p-aria([name="Site administration"][role="heading"])');
  }

  async logOut(): Promise<void> {
    await Promise.all([this.page.waitForNavigation(), button(this.page, 'Log out').click()]);
    await this.page.waitForSelector('::-p-aria([name="Logged out"][role="heading"])');
  }

  value(label: 'Username:' | 'Password:' | 'OTP Token:'): Promise<string | undefined> {
    return valueOf(this.page, label);
  }

  /** The id of the focused element ('' when nothing is). */
  focusedId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }
}
