import { describe, expect, it } from 'vitest';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { sleep } from './pages/codes.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { button, textOf, valueOf } from './pages/query.ts';

const PASSPHRASE = 'purple otter sings at noon';
const URI = 'otpauth://totp/Widgets:tester?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Widgets';
const FIELD = 'Enter your one-time code';

async function toolbar(popup: FirefoxPopup): Promise<{ badge: string; title: string }> {
  return popup.page.evaluate(async () => {
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    return { badge: await ext.action.getBadgeText({}), title: await ext.action.getTitle({}) };
  });
}

// The install prompt's host permission declined (or taken back in about:addons).
describe('Firefox first run without the preset host permission', () => {
  const suite = useFirefoxSuite({ hostPermissionsAtInstall: false });

  it('the popup and the toolbar say autofill is off; one click allows it and codes are filled', async () => {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.expectText('Autofill is off on M2Mmanager');
    await popup.expectText('cannot see the enrolment QR code nor fill your one-time code there');
    expect(await toolbar(popup)).toEqual({
      badge: '!',
      title: 'Twofold: autofill is off on M2Mmanager until you allow it. Click to allow.',
    });
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(URI, suite.sandbox.url);

    // Off: Twofold does not run on the site at all.
    const page = await suite.firefox.newPage();
    await page.goto(new URL('/widgets/otp', suite.sandbox.url).href);
    await sleep(4000);
    expect(await valueOf(page, FIELD)).toBe('');

    await popup.page.bringToFront();
    await button(popup.page, 'Allow Twofold on M2Mmanager').click();
    await popup.expectText('Allowed. Twofold now works on the M2Mmanager pages you open or reload.');
    expect(await textOf(popup.page)).not.toContain('Autofill is off on M2Mmanager');
    await expect.poll(() => toolbar(popup)).toEqual({ badge: '', title: 'Twofold' });

    await page.bringToFront();
    await page.reload();
    await expect.poll(() => valueOf(page, FIELD), { timeout: 35_000 }).toMatch(/^\d{6}$/);
  });
});
