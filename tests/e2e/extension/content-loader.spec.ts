import type { Page } from '@playwright/test';
import { expect, messageTab, tabIdOf, test } from '../fixtures/twofold';

/** A dashboard: a table of icons and a search box, neither a QR code nor a field that takes a code. */
const PLAIN = `<!doctype html><html lang="en"><body><h1>SIM cards</h1><input type="search" aria-label="Search">
<table><tr><td><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg></td><td>SIM 1</td></tr></table>
<form id="later"></form></body></html>`;

/** The extension scripts the tab parsed, by file name (CDP sees the content scripts' world too). */
async function extensionScripts(page: Page): Promise<() => string[]> {
  const cdp = await page.context().newCDPSession(page);
  const files = new Set<string>();
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) files.add(url.replace(/^chrome-extension:\/\/[^/]+\//, ''));
  });
  await cdp.send('Debugger.enable');
  return () => [...files].sort();
}

test.describe('the content loader', () => {
  test('a page with neither a QR code nor a field runs only the loader; a field shown later brings capture and autofill', async ({
    twofold,
    sandbox,
  }) => {
    const url = `${sandbox.url.replace(/\/$/, '')}/sims.html`;
    const page = await twofold.context.newPage();
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: PLAIN }));
    const scripts = await extensionScripts(page);
    await page.goto(url);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    const origin = new URL(sandbox.url).origin;
    // The loader runs: it answers pings with a round trip to the background…
    await expect
      .poll(() => messageTab(twofold.serviceWorker, tabId, 'content:ping').catch((e: Error) => e.message))
      .toEqual({ res: { origin, hello: { origin, enrolledSite: true } } });
    // …and the page changing without showing either thing brings nothing more.
    await page.evaluate(() => document.body.classList.add('dark'));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(scripts()).toEqual(['content-scripts/m2mmanager.js']);
    // Only capture and autofill answer the card's shortcut; nobody does yet.
    expect(await messageTab(twofold.serviceWorker, tabId, 'card:act').catch(() => undefined)).toBeUndefined();

    await page.evaluate(() => {
      const input = document.createElement('input');
      input.setAttribute('autocomplete', 'one-time-code');
      input.setAttribute('aria-label', 'Enter your one-time code');
      document.getElementById('later')!.append(input);
    });
    await expect.poll(() => scripts()).toEqual(['content-features.js', 'content-scripts/m2mmanager.js']);
    await expect.poll(() => messageTab(twofold.serviceWorker, tabId, 'card:act')).toEqual({ res: false });
  });

  test('a page cannot load or probe the features chunk at the extension’s fixed ID', async ({
    twofold,
    sandbox,
  }) => {
    const manifest = await twofold.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['content-features.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
    const page = await twofold.context.newPage();
    await page.goto(sandbox.url);
    const fixedUrl = twofold.serviceWorker.url().replace(/background\.js$/, 'content-features.js');
    const probe = await page.evaluate(async (src) => {
      const script = await new Promise<boolean>((resolve) => {
        const el = document.createElement('script');
        el.onload = () => resolve(true);
        el.onerror = () => resolve(false);
        el.src = src;
        document.head.append(el);
      });
      const fetched = await fetch(src).then(
        () => true,
        () => false,
      );
      return { script, fetched };
    }, fixedUrl);
    expect(probe).toEqual({ script: false, fetched: false });
  });
});
