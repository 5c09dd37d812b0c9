import type { Worker } from '@playwright/test';
import { expect, messageTab, tabIdOf, test } from '../fixtures/twofold';

/** A dashboard: a table and icons, neither a QR code nor a field that may take a code. */
const PLAIN = `<h1>SIM cards</h1><input type="search" aria-label="Search">
<table><tr><td><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg></td><td>SIM 1</td></tr></table>
<form id="later"></form>`;

/**
 * Whether capture and autofill run in the tab: only they answer `card:act` (false: no card shown);
 * the loader leaves it unanswered.
 */
async function featuresRun(worker: Worker, tabId: number): Promise<boolean> {
  const answer = await messageTab(worker, tabId, 'card:act').catch(() => undefined);
  return JSON.stringify(answer) === JSON.stringify({ res: false });
}

test.describe('the content loader', () => {
  test('a page with neither a QR code nor a field gets only the loader; a field shown later brings capture and autofill', async ({
    twofold,
    sandbox,
  }) => {
    const url = `${sandbox.url.replace(/\/$/, '')}/sims.html`;
    const page = await twofold.context.newPage();
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: PLAIN }));
    await page.goto(url);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    const origin = new URL(sandbox.url).origin;
    // The loader runs (it answers pings with a round trip to the background)…
    await expect
      .poll(() => messageTab(twofold.serviceWorker, tabId, 'content:ping').catch((e: Error) => e.message))
      .toEqual({ res: { origin, hello: { origin, enrolledSite: true } } });
    // …and the page changing without showing either thing does not bring the rest.
    await page.evaluate(() => document.body.classList.add('dark'));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await featuresRun(twofold.serviceWorker, tabId)).toBe(false);

    await page.evaluate(() => {
      const input = document.createElement('input');
      input.setAttribute('autocomplete', 'one-time-code');
      input.setAttribute('aria-label', 'Enter your one-time code');
      document.getElementById('later')!.append(input);
    });
    await expect.poll(() => featuresRun(twofold.serviceWorker, tabId)).toBe(true);
  });

  test('capture and autofill are no web-accessible resource: a page cannot load or probe them', async ({
    twofold,
    sandbox,
  }) => {
    const manifest = await twofold.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toContain('content-scripts');
    const page = await twofold.context.newPage();
    await page.goto(sandbox.url);
    const extensionUrl = twofold.serviceWorker
      .url()
      .replace(/background\.js$/, 'content-scripts/features.js');
    const loaded = await page.evaluate(
      (src) =>
        new Promise<boolean>((resolve) => {
          const script = document.createElement('script');
          script.onload = () => resolve(true);
          script.onerror = () => resolve(false);
          script.src = src;
          document.head.append(script);
        }),
      extensionUrl,
    );
    expect(loaded).toBe(false);
  });
});
