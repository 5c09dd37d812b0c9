import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { sleep } from './pages/codes.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { field, valueOf } from './pages/query.ts';

const PASSPHRASE = 'purple otter sings at noon';
const URI = 'otpauth://totp/Widgets:tester?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Widgets';
const FIELD = 'Enter your one-time code';
// Long enough for a fill: the content script starts, asks, and may wait out the
// last 3 s of a period.
const FILL_WINDOW_MS = 5000;

function embedUrl(base: string, src: string, sandbox?: string): string {
  const url = new URL('/widgets/embed', base);
  url.searchParams.set('src', src);
  if (sandbox !== undefined) url.searchParams.set('sandbox', sandbox);
  return url.href;
}

/** The frame of `page` whose <iframe> has this title (`iframe` alone: the first). */
async function frame(page: Page, selector = 'iframe'): Promise<Frame> {
  const element = await page.waitForSelector(selector);
  const content = await element?.contentFrame();
  if (!content) throw new Error(`no frame for ${selector}`);
  return content;
}

async function expectStaysEmpty(scope: Page | Frame): Promise<void> {
  await field(scope, FIELD).wait();
  await sleep(FILL_WINDOW_MS);
  expect(await valueOf(scope, FIELD)).toBe('');
}

// The browser gives these documents an opaque origin ("null") or another site's:
// whatever their URL says, they get no code.
describe('Firefox: frames that are not the site get nothing', () => {
  const suite = useFirefoxSuite();

  async function bindAccount(): Promise<void> {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(URI, suite.sandbox.url);
  }

  /** Twofold was running and the account was there all along: the site's own frame is filled. */
  async function expectOrdinaryFrameFilled(page: Page): Promise<void> {
    const base = suite.sandbox.url;
    await page.goto(embedUrl(base, new URL('/widgets/otp', base).href));
    const inner = await frame(page);
    await expect.poll(() => valueOf(inner, FIELD), { timeout: 35_000 }).toMatch(/^\d{6}$/);
  }

  it('a sandboxed frame showing the site’s page, and the page served with CSP sandbox', async () => {
    await bindAccount();
    const page = await suite.firefox.newPage();
    const widget = new URL('/widgets/otp', suite.sandbox.url).href;
    await page.goto(embedUrl(suite.sandbox.url, widget, 'allow-scripts allow-forms'));
    await expectStaysEmpty(await frame(page));

    await page.goto(new URL('/widgets/otp?csp=sandbox', suite.sandbox.url).href);
    expect(await page.evaluate(() => self.origin)).toBe('null');
    await expectStaysEmpty(page);
    await expectOrdinaryFrameFilled(page);
  });

  it('srcdoc and about:blank frames: on the lookalike host, and sandboxed on the site', async () => {
    await bindAccount();
    const page = await suite.firefox.newPage();
    await page.goto(new URL('/widgets/inline-frames', suite.sandbox.phishUrl).href);
    await expectStaysEmpty(await frame(page, 'iframe[title="srcdoc frame"]'));
    expect(await valueOf(await frame(page, 'iframe[title="about:blank frame"]'), FIELD)).toBe('');

    await page.goto(
      new URL('/widgets/inline-frames?sandbox=allow-scripts allow-forms', suite.sandbox.url).href,
    );
    await expectStaysEmpty(await frame(page, 'iframe[title="srcdoc frame"]'));
    await expectOrdinaryFrameFilled(page);
  });
});
