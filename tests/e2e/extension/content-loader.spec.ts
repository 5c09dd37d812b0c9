import type { Worker } from '@playwright/test';
import { expect, tabIdOf, test } from '../fixtures/twofold';

/** What runs in the top frame's Twofold world: the loader, and capture and autofill. */
function twofoldIn(worker: Worker, tabId: number): Promise<{ loader: boolean; features: boolean }> {
  return worker.evaluate(async (tab) => {
    const [frame] = await chrome.scripting.executeScript({
      target: { tabId: tab },
      func: () => {
        const flags = globalThis as { __twofoldLoader?: boolean; __twofoldStarted?: boolean };
        return { loader: flags.__twofoldLoader === true, features: flags.__twofoldStarted === true };
      },
    });
    return frame?.result as { loader: boolean; features: boolean };
  }, tabId);
}

test.describe('the content loader', () => {
  test('a page without a field or a QR code runs the loader only; a field that appears brings the rest', async ({
    twofold,
    sandbox,
  }) => {
    const page = await twofold.context.newPage();
    // The code field comes 4 s after load (a single-page app); until then: a heading and a button.
    await page.goto(new URL('/widgets/otp?late=4000', sandbox.url).href);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    await expect
      .poll(() => twofoldIn(twofold.serviceWorker, tabId))
      .toEqual({ loader: true, features: false });
    await expect(page.getByLabel('Enter your one-time code')).toBeVisible({ timeout: 10_000 });
    await expect
      .poll(() => twofoldIn(twofold.serviceWorker, tabId))
      .toEqual({ loader: true, features: true });
  });

  test('the page sees nothing of the loader', async ({ twofold, sandbox }) => {
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/otp?late=4000', sandbox.url).href);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    await expect.poll(() => twofoldIn(twofold.serviceWorker, tabId)).toMatchObject({ loader: true });
    // Its flag lives in the isolated world, and it is no resource a page could fetch.
    expect(await page.evaluate(() => '__twofoldLoader' in window)).toBe(false);
    const manifest = await twofold.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toContain('content-loader');
  });
});
