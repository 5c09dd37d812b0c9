import { expect, messageTab, tabIdOf, test } from '../fixtures/twofold';

test.describe('the extension starts and its contexts talk', () => {
  test('the service worker starts and the manifest asks for no <all_urls>', async ({ twofold }) => {
    expect(twofold.serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    const manifest = await twofold.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.host_permissions).toContain('https://*.matooma.com/*');
  });

  test('the popup renders its Preact UI', async ({ twofold }) => {
    const popup = await twofold.openPopup();
    await expect(popup.getByRole('heading', { name: 'Twofold', exact: true })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Create vault' })).toBeVisible();
    await expect(popup.getByLabel('Passphrase', { exact: true })).toBeVisible();
  });

  test('the options page renders', async ({ twofold }) => {
    const options = await twofold.openOptions();
    await expect(options.getByRole('heading', { name: 'Twofold settings' })).toBeVisible();
  });

  test('the content script runs on M2Mmanager and round-trips a message to the background', async ({
    twofold,
    sandbox,
  }) => {
    const page = await twofold.context.newPage();
    await page.goto(sandbox.url);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    // background -> content script -> background ("content:hello") -> content script -> background
    await expect
      .poll(() => messageTab(twofold.serviceWorker, tabId, 'content:ping').catch((e: Error) => e.message))
      .toEqual({
        res: {
          origin: new URL(sandbox.url).origin,
          hello: { origin: new URL(sandbox.url).origin, enrolledSite: true },
        },
      });
  });

  test('the content script does not run on a lookalike host', async ({ twofold, sandbox }) => {
    const page = await twofold.context.newPage();
    await page.goto(sandbox.phishUrl);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    const outcome = await messageTab(twofold.serviceWorker, tabId, 'content:ping').catch(
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(/Receiving end does not exist/);
  });

  test('the background refuses a page-only message sent from a web page context', async ({
    twofold,
    sandbox,
  }) => {
    const page = await twofold.context.newPage();
    await page.goto(sandbox.url);
    const tabId = await tabIdOf(twofold.serviceWorker, page);
    // Runs in the extension's isolated world of the page, exactly where a content
    // script runs: a compromised content script asking for the account list.
    const replies = await twofold.serviceWorker.evaluate(async (tab) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab },
        func: async () => {
          const send = (type: string): Promise<unknown> =>
            chrome.runtime.sendMessage({ id: 7, type, data: undefined, timestamp: Date.now() });
          return { list: await send('accounts:list'), hello: await send('content:hello') };
        },
      });
      return result?.result;
    }, tabId);
    expect(replies?.list).toMatchObject({
      err: { message: expect.stringMatching(/refused "accounts:list"/) },
    });
    expect(replies?.hello).toEqual({
      res: { origin: new URL(sandbox.url).origin, enrolledSite: true },
    });
  });
});
