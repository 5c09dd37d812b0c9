import { expect, type Locator, type Page } from '@playwright/test';
import { DJANGO_ADMIN, DJANGO_PREFIX } from '../../sandbox/django-otp.ts';

/** The sandbox's Django admin behind django-otp (`tests/sandbox/django-otp.ts`). */
export class DjangoAdminPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly token: Locator;
  readonly user = DJANGO_ADMIN;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.username = page.getByLabel('Username:');
    this.password = page.getByLabel('Password:');
    this.token = page.getByLabel('OTP Token:');
  }

  url(path: string): string {
    return new URL(`${DJANGO_PREFIX}${path}`, this.baseUrl).toString();
  }

  async openLogin(): Promise<void> {
    await this.page.goto(this.url('login/'));
    await expect(this.username).toBeVisible();
  }

  /** The admin has no device yet: user name and password suffice. */
  async logInWithPassword(): Promise<void> {
    await this.openLogin();
    await this.username.fill(this.user.username);
    await this.password.fill(this.user.password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
    await this.expectHome();
  }

  /** Adds the admin's TOTP device and opens its config page (a QR image, no field for a code). */
  async addDevice(): Promise<void> {
    await this.page.getByRole('link', { name: 'Add TOTP device' }).click();
    await expect(this.page.locator('img.qrcode-image')).toBeVisible();
  }

  async expectHome(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Site administration' })).toBeVisible();
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Logged out' })).toBeVisible();
  }
}
