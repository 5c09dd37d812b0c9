import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/twofold';
import { seedAccounts } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';
import { M2MmanagerPage } from '../pages/sandbox-m2m';
import { TwofoldPrompt } from '../pages/twofold-prompt';

// The store's images, from the real extension: written to store/ only on request
// (`npm run screenshots`), otherwise to a scratch folder so a test run changes no tracked file.
const STORE = process.env.TWOFOLD_SCREENSHOTS ? 'store' : join(tmpdir(), 'twofold-store');
const SIZE = { width: 1280, height: 800 };
const PASSPHRASE = 'purple otter sings at noon';
const ACCOUNTS = [
  'otpauth://totp/GitHub:janedoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub',
  'otpauth://totp/Proton:jane%40proton.me?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Proton',
  'otpauth://totp/AWS:admin%40acme?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ&issuer=AWS',
  'otpauth://totp/Nextcloud:jane?secret=ONSWG4TFOQQGC3TEEBQXGIDTMVRXEZLU&issuer=Nextcloud',
];
const CAPTIONS = {
  en: { popup: 'Your codes, one click to copy' },
  fr: { popup: 'Vos codes, un clic pour copier' },
};

/** A screenshot of the real popup, framed at the store's size with a caption (the popup is 360 px wide). */
async function framed(page: Page, shot: Buffer, caption: string, path: string): Promise<void> {
  await page.setViewportSize(SIZE);
  await page.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;display:flex;
    align-items:center;justify-content:center;gap:72px;background:linear-gradient(135deg,#1d4ed8,#0f172a);
    font:600 44px/1.2 system-ui,sans-serif;color:#fff">
    <p style="max-width:520px;margin:0">${caption}</p>
    <img src="data:image/png;base64,${shot.toString('base64')}" style="border-radius:12px;
      box-shadow:0 24px 64px rgba(0,0,0,.45)"></body></html>`);
  await page.screenshot({ path });
}

async function storeScreenshots(
  twofold: ExtensionBrowser,
  sandboxUrl: string,
  lang: 'en' | 'fr',
): Promise<void> {
  const dir = join(STORE, 'screenshots', lang);
  await mkdir(dir, { recursive: true });
  const popup = new PopupPage(await twofold.openPopup());
  await popup.page.locator('input[type=password]').nth(0).fill(PASSPHRASE);
  await popup.page.locator('input[type=password]').nth(1).fill(PASSPHRASE);
  await popup.page.locator('form button[type=submit]').first().click();
  await expect(popup.page.locator('input[type=search], .empty').first()).toBeVisible({ timeout: 20_000 });
  await seedAccounts(popup.page, ACCOUNTS);

  // 1. The card on the sandbox's enrolment pop-up.
  const site = await twofold.context.newPage();
  await site.setViewportSize(SIZE);
  const m2m = new M2MmanagerPage(site, sandboxUrl, lang);
  await m2m.openEnrolment();
  await expect(new TwofoldPrompt(site).card).toBeVisible();
  await site.waitForTimeout(600); // the card's entrance transition
  await site.screenshot({ path: join(dir, '1-enrolment-card.png') });

  // 2. The popup with its codes.
  await popup.page.setViewportSize({ width: 360, height: 520 });
  await popup.page.reload();
  await expect(popup.page.locator('button.code')).toHaveCount(ACCOUNTS.length);
  const popupShot = await popup.page.screenshot();
  await framed(await twofold.context.newPage(), popupShot, CAPTIONS[lang].popup, join(dir, '2-popup.png'));

  // 3. Settings.
  const options = await twofold.openOptions();
  await options.setViewportSize(SIZE);
  await expect(options.locator('section.card').nth(3)).toBeVisible();
  await options.screenshot({ path: join(dir, '3-settings.png') });
}

test.describe('store screenshots', () => {
  test('store screenshots 1280×800 and the 440×280 promo tile, English', async ({ twofold, sandbox }) => {
    test.setTimeout(180_000);
    await storeScreenshots(twofold, sandbox.url, 'en');

    const icon = (await readFile('public/icon/128.png')).toString('base64');
    const tile = await twofold.context.newPage();
    await tile.setViewportSize({ width: 440, height: 280 });
    await tile.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;display:flex;
      align-items:center;justify-content:center;gap:24px;background:linear-gradient(135deg,#1d4ed8,#0f172a);
      font:700 48px/1 system-ui,sans-serif;color:#fff"><img src="data:image/png;base64,${icon}" width="96"
      height="96" alt=""><div>Twofold<div style="font:500 18px/1.4 system-ui,sans-serif;margin-top:10px">
      TOTP · HOTP · autofill</div></div></body></html>`);
    await tile.screenshot({ path: join(STORE, 'promo-440x280.png') });
  });

  test('store screenshots in French (browser language fr)', async ({ sandbox }) => {
    test.setTimeout(180_000);
    const debianLocales = '/usr/lib/chromium/locales';
    test.skip(
      existsSync(debianLocales) && !existsSync(`${debianLocales}/fr.pak`),
      'French UI needs chromium-l10n (apt-get install chromium-l10n)',
    );
    const twofold = await ExtensionBrowser.launch(undefined, { lang: 'fr' });
    try {
      await storeScreenshots(twofold, sandbox.url, 'fr');
    } finally {
      await twofold.close();
    }
  });
});
