import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const WIDGET_URI = 'otpauth://totp/Widgets:tester?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Widgets';
const FIELD = 'Enter your one-time code';
// Long enough for a fill to happen: the content script starts, asks, and may wait out
// the last 3 s of a period before it fills.
const FILL_WINDOW_MS = 5000;

async function bindWidgetAccount(twofold: ExtensionBrowser, origin: string): Promise<void> {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault(PASSPHRASE);
  await popup.addAccount(WIDGET_URI, origin);
  await expect(popup.code('Widgets (tester)')).toBeVisible();
}

function embedUrl(base: string, src: string, sandbox?: string): string {
  const url = new URL('/widgets/embed', base);
  url.searchParams.set('src', src);
  if (sandbox !== undefined) url.searchParams.set('sandbox', sandbox);
  return url.href;
}

/** Twofold was running and the account was there all along: the site's own frame is filled. */
async function expectOrdinaryFrameFilled(page: Page, base: string): Promise<void> {
  await page.goto(embedUrl(base, new URL('/widgets/otp', base).href));
  await expect(page.frameLocator('iframe').getByLabel(FIELD)).toHaveValue(/^\d{6}$/, { timeout: 35_000 });
}

async function expectStaysEmpty(scope: Page | FrameLocator, page: Page): Promise<void> {
  const field = scope.getByLabel(FIELD);
  await expect(field).toBeVisible();
  await page.waitForTimeout(FILL_WINDOW_MS);
  await expect(field).toHaveValue('');
}

// The browser gives these documents an opaque origin ("null"): they are not the site,
// whatever their URL says, so they get no code.
test.describe('opaque origins get nothing', () => {
  test.setTimeout(90_000);

  test('a sandboxed frame showing the site’s own page gets no code', async ({ twofold, sandbox }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    const widget = new URL('/widgets/otp', sandbox.url).href;
    await page.goto(embedUrl(sandbox.url, widget, 'allow-scripts allow-forms'));
    await expectStaysEmpty(page.frameLocator('iframe'), page);
    await expectOrdinaryFrameFilled(page, sandbox.url);
  });

  test('the site’s page served with Content-Security-Policy: sandbox gets no code', async ({
    twofold,
    sandbox,
  }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/otp?csp=sandbox', sandbox.url).href);
    expect(await page.evaluate(() => self.origin)).toBe('null');
    await expectStaysEmpty(page, page);
    await expectOrdinaryFrameFilled(page, sandbox.url);
  });

  test('srcdoc and about:blank frames get no code on the lookalike host, nor sandboxed on the site', async ({
    twofold,
    sandbox,
  }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/inline-frames', sandbox.phishUrl).href);
    const blank = page.frameLocator('iframe[title="about:blank frame"]');
    await expectStaysEmpty(page.frameLocator('iframe[title="srcdoc frame"]'), page);
    await expect(blank.getByLabel(FIELD)).toHaveValue('');

    await page.goto(new URL('/widgets/inline-frames?sandbox=allow-scripts allow-forms', sandbox.url).href);
    await expectStaysEmpty(page.frameLocator('iframe[title="srcdoc frame"]'), page);
    await expectOrdinaryFrameFilled(page, sandbox.url);
  });
});
