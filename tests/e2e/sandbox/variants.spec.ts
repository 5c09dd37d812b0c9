import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/sandbox.ts';
import { M2MmanagerPage } from '../pages/sandbox-m2m.ts';
import { codeAt, readCanvasQrs, readQrFromScreenshot } from '../pages/sandbox-qr.ts';
import { JOHN, T0, m2m } from './helpers.ts';

test.beforeEach(async ({ control }) => {
  await control.setClock(T0);
});

/** Opens a variant, then walks the real flow up to the enrolment pop-up. */
async function openVariant(page: Page, sandboxUrl: string, name: string) {
  await page.goto(new URL(`/variants/${name}`, sandboxUrl).href);
  const app = new M2MmanagerPage(page, sandboxUrl);
  await app.login(JOHN.email, JOHN.password);
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await app.chooseMethod('app');
  const dialog = page.getByRole('dialog', { name: 'Set up your authentication app' });
  await expect(dialog).toBeVisible();
  return { app, dialog };
}

test('the variants index lists every variant', async ({ page, sandbox }) => {
  await page.goto(new URL('/variants/', sandbox.url).href);
  for (const name of ['standard', 'tainted-canvas', 'cross-origin-img', 'two-qr', 'url-only']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('two-qr: a plain URL QR and the otpauth QR, both readable', async ({ page, sandbox }) => {
  const { app, dialog } = await openVariant(page, sandbox.url, 'two-qr');
  const texts = await readCanvasQrs(dialog);
  expect(texts).toHaveLength(2);
  expect(texts[0]).toBe('https://m2mmanager.example/help/authenticator-apps');
  const uri = texts[1] ?? '';
  expect(uri).toMatch(/^otpauth:\/\/totp\/M2Mmanager:/);
  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();
});

test('url-only: the only QR is a plain URL; the manual key still enrols', async ({ page, sandbox }) => {
  const { app, dialog } = await openVariant(page, sandbox.url, 'url-only');
  expect(await readCanvasQrs(dialog)).toEqual(['https://m2mmanager.example/mobile/2fa-setup']);
  await dialog.getByText('Can’t scan the code?').click();
  const key = (await dialog.locator('code').textContent()) ?? '';
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  const uri = `otpauth://totp/M2Mmanager:x?secret=${key}&issuer=M2Mmanager`;
  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();
});

test('tainted-canvas: the page cannot read its canvas, the screen still shows the QR', async ({
  page,
  sandbox,
}) => {
  const { app, dialog } = await openVariant(page, sandbox.url, 'tainted-canvas');
  const canvas = dialog.getByRole('img', { name: 'QR code to scan with your authentication app' });
  // A canvas is 300 px wide before anything is drawn: wait for the cross-origin image itself.
  await expect(canvas).toHaveAttribute('data-loaded', 'true');
  const readBack = await canvas.evaluate((el) => {
    try {
      (el as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 1, 1);
      return 'readable';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(readBack).toBe('SecurityError');
  const uri = (await readQrFromScreenshot(canvas)) ?? '';
  expect(uri).toMatch(/^otpauth:\/\/totp\/M2Mmanager:john\.smith(@|%40)example\.com\?/);
  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();
});

test('cross-origin-img: the QR is an <img> from phish.localhost', async ({ page, sandbox }) => {
  const { app, dialog } = await openVariant(page, sandbox.url, 'cross-origin-img');
  const image = dialog.getByRole('img', { name: 'QR code to scan with your authentication app' });
  expect(new URL((await image.getAttribute('src')) ?? '').origin).toBe(new URL(sandbox.phishUrl).origin);
  await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const uri = (await readQrFromScreenshot(image)) ?? '';
  expect(uri).toMatch(/^otpauth:\/\/totp\/M2Mmanager:/);
  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();
});

test('the lookalike host serves the same login page', async ({ page, sandbox }) => {
  await page.goto(sandbox.phishUrl);
  await expect(page.getByRole('heading', { name: 'Log in to M2Mmanager' })).toBeVisible();
  // Same flows, but its own origin: its cookies and sessions are separate from the real host's.
  await m2m(page, sandbox).login(JOHN.email, JOHN.password);
  await expect(page).toHaveURL(/^http:\/\/phish\.localhost:\d+\/2fa\/offer$/);
  await page.goto(sandbox.url);
  await expect(page.getByRole('heading', { name: 'Log in to M2Mmanager' })).toBeVisible();
});
