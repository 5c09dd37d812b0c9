import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/sandbox.ts';
import { codeAt } from '../pages/sandbox-qr.ts';
import { JOHN, T0, m2m, wrongCode } from './helpers.ts';

const PHONE = '+33 6 12 34 56 78';

test.beforeEach(async ({ page, sandbox, control }) => {
  await control.setClock(T0);
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await page.getByRole('button', { name: 'SMS', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Set up SMS authentication' })).toBeVisible();
});

async function enterPhone(page: Page, phone: string): Promise<void> {
  await page.getByLabel('Phone number').fill(phone);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

test('SMS path: phone number, Resend, then the 6-digit code', async ({ page, sandbox, control }) => {
  const app = m2m(page, sandbox);
  await enterPhone(page, PHONE);
  await expect(page.getByRole('status')).toHaveText('We sent a 6-digit code by SMS to +33612345678.');
  await expect(page.getByLabel('Enter the 6-digit code', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try another method' })).toBeVisible();
  const first = await control.lastSms(PHONE);
  expect(first?.body).toContain(first?.code ?? 'missing');

  await page.getByRole('button', { name: 'Resend', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('A new code has been sent to +33612345678.');
  const second = await control.lastSms('+33612345678');
  expect(second?.code).toMatch(/^\d{6}$/);
  if (first && second && first.code !== second.code) {
    await app.enterSmsCode(first.code); // replaced by the new one
    await app.expectAlert('Incorrect code. Check the code and try again.');
  }
  await app.enterSmsCode(second?.code ?? '');
  await app.expectHome();
  await expect(page.getByText('Two-factor authentication: on (SMS to +33612345678)')).toBeVisible();

  // Later login: a new SMS, the same code step with "Remember this device for 30 days".
  await app.logOut();
  await app.login(JOHN.email, JOHN.password);
  await app.expectCodeStep();
  const login = await control.lastSms(PHONE);
  await app.enterSmsCode(login?.code ?? '');
  await app.expectHome();
});

test('an invalid phone number is refused', async ({ page }) => {
  await enterPhone(page, '12');
  await expect(page.getByRole('alert')).toHaveText('Enter a valid phone number.');
});

test('an expired SMS code is refused', async ({ page, sandbox, control }) => {
  await enterPhone(page, PHONE);
  const sms = await control.lastSms(PHONE);
  await control.advanceClock(11 * 60 * 1000);
  await m2m(page, sandbox).enterSmsCode(sms?.code ?? '');
  await expect(page.getByRole('alert')).toHaveText(
    'This code has expired. Click “Resend” to receive a new one.',
  );
});

test('"Try another method" leads to the authentication app path', async ({ page, sandbox }) => {
  const app = m2m(page, sandbox);
  await enterPhone(page, PHONE);
  await page.getByRole('button', { name: 'Try another method' }).click();
  const uri = await app.scanEnrolmentQr();
  await app.enterOneTimeCode(wrongCode(codeAt(uri, T0)));
  await app.expectAlert('Incorrect code. Check the code and try again.');
  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();
  await expect(page.getByText('Two-factor authentication: on (authentication app)')).toBeVisible();
});
