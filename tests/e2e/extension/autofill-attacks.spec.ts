import { HOTP, Secret } from 'otpauth';
import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { PopupPage } from '../pages/popup-page';

/**
 * A hostile page on an enrolled site: it hides its code field from the user, or re-adds it in a loop
 * against an HOTP account, and reads back whatever Twofold puts in (tests/sandbox/widgets.ts).
 */
const PASSPHRASE = 'purple otter sings at noon';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const TOTP_URI = `otpauth://totp/Widgets:tester?secret=${SECRET}&issuer=Widgets`;
const HOTP_URI = `otpauth://hotp/Widgets:tester?secret=${SECRET}&issuer=Widgets&counter=0`;
const FILL_TIMEOUT = 35_000;
/** Long enough for several fills to have happened on the old code. */
const WATCH_MS = 2_500;

async function bindAccount(twofold: ExtensionBrowser, uri: string, origin: string): Promise<void> {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault(PASSPHRASE);
  await popup.addAccount(uri, origin);
  await expect(popup.code('Widgets (tester)')).toBeVisible();
  await popup.page.close();
}

test.describe('autofill against a hostile page', () => {
  test.setTimeout(90_000);

  test('control: the same field, visible, is filled', async ({ twofold, sandbox }) => {
    await bindAccount(twofold, TOTP_URI, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/hostile?trick=none', sandbox.url).href);
    await expect(page.getByLabel('Enter your one-time code')).toHaveValue(/^\d{6}$/, {
      timeout: FILL_TIMEOUT,
    });
  });

  for (const trick of [
    'clip-path',
    'filter-opacity',
    'transparent',
    'transparent-over-text',
    'tiny-wrapper',
    'overlay',
  ]) {
    test(`no code goes into a field hidden by ${trick}`, async ({ twofold, sandbox }) => {
      await bindAccount(twofold, TOTP_URI, sandbox.url);
      const page = await twofold.context.newPage();
      await page.goto(new URL(`/widgets/hostile?trick=${trick}`, sandbox.url).href);
      await page.waitForTimeout(WATCH_MS);
      await expect(page.locator('#otp')).toHaveValue('');
      await expect(page.locator('#seen')).toHaveText('Read back:');
    });
  }

  test('a field outside the viewport is filled only once scrolled into view', async ({
    twofold,
    sandbox,
  }) => {
    await bindAccount(twofold, TOTP_URI, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/hostile?trick=far-below', sandbox.url).href);
    await page.waitForTimeout(WATCH_MS);
    await expect(page.locator('#otp')).toHaveValue('');
    await page.locator('#otp').evaluate((el) => el.scrollIntoView());
    await expect(page.locator('#otp')).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
  });

  test('HOTP: a field re-added in a loop gets nothing on its own, and one code per user click', async ({
    twofold,
    sandbox,
  }) => {
    await bindAccount(twofold, HOTP_URI, sandbox.url);
    const hotp = new HOTP({ secret: Secret.fromBase32(SECRET) });
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/harvest?every=400', sandbox.url).href);
    await page.waitForTimeout(WATCH_MS);
    await expect(page.locator('#seen')).toHaveText('Harvested:');
    // One real click on the field: at most one code, the counter's current one.
    // The page re-adds the field all the time: click it as soon as one stays put long enough.
    await page.locator('#otp').click();
    await page.waitForTimeout(WATCH_MS);
    const harvested = ((await page.locator('#seen').textContent()) ?? '')
      .replace('Harvested:', '')
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
    expect(harvested.length).toBeLessThanOrEqual(1);
    for (const code of harvested) expect(code).toBe(hotp.generate({ counter: 0 }));
  });
});
