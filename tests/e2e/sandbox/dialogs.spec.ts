import { expect, test } from '../fixtures/sandbox.ts';
import { JOHN, T0, m2m } from './helpers.ts';

test.beforeEach(async ({ control }) => {
  await control.setClock(T0);
});

test('the pop-up is a labelled modal that keeps the focus inside', async ({ page, sandbox }) => {
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  const offer = page.getByRole('dialog', { name: 'Two-factor authentication' });
  await expect(offer).toHaveAttribute('aria-modal', 'true');
  await expect(offer.getByRole('checkbox')).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await offer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await offer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  // The application behind the overlay is inert: its controls are not reachable.
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
});

test('the article wording, word for word, on every step', async ({ page, sandbox }) => {
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  await expect(
    page.getByLabel('Yes, I want to use double authentication the next time I log in (recommended)', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Not now', exact: true })).toBeVisible();
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await expect(
    page.getByRole('button', { name: 'Google Authenticator or similar', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'SMS', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Google Authenticator or similar', exact: true }).click();
  await expect(page.getByLabel('Enter your one-time code', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'SMS', exact: true }).click();
  await page.getByLabel('Phone number').fill('+44 7700 900123');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByLabel('Enter the 6-digit code', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resend', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try another method', exact: true })).toBeVisible();
});

test('the language switch in a pop-up shows both languages, each readable', async ({ page, sandbox }) => {
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  const offer = page.getByRole('dialog', { name: 'Two-factor authentication' });
  const links = offer.getByRole('navigation').getByRole('link');
  await expect(links).toHaveText(['English', 'Français']);
  // Each link against the pop-up's white: WCAG AA contrast for small text.
  const dialogBackground = await offer.evaluate((el) => getComputedStyle(el).backgroundColor);
  for (const color of await links.evaluateAll((all) => all.map((a) => getComputedStyle(a).color))) {
    expect(contrast(color, dialogBackground)).toBeGreaterThanOrEqual(4.5);
  }
});

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
