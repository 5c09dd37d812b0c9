import type { Browser, Page } from 'puppeteer-core';
import { expect } from 'vitest';

/**
 * Twofold's own window (`windows.create`), once the browser lists it: a page that was not there
 * `before` whose address passes `wanted`. BiDi may list it under its first URL (about:blank), so
 * the page itself is asked.
 */
export async function newWindowPage(
  browser: Browser,
  before: Set<Page>,
  wanted: (href: string) => boolean,
): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(
      async () => {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (wanted(href)) found = page;
        }
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}
