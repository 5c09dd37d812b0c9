/**
 * Renders store/icon.svg to the PNG sizes the manifest needs, in Chromium.
 * Run by hand when the icon changes: `npx tsx scripts/make-icons.ts`, then shrink each PNG with
 * `pngquant --quality=60-90 --speed 1` and `optipng -o7 -strip all` (the zip has a size budget).
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/e2e/fixtures/chromium';

const svg = await readFile('store/icon.svg', 'utf8');
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  console.log(`public/icon/${size}.png`);
}
await browser.close();
