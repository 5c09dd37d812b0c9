import { describe, expect, it } from 'vitest';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { codeAt } from './pages/codes.ts';
import { FirefoxM2M } from './pages/m2m-page.ts';
import { newWindowPage } from './pages/new-window.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { FirefoxPrompt } from './pages/prompt.ts';

const PASSPHRASE = 'purple otter sings at noon';
const JOHN = { email: 'john.smith@example.com', password: 'John-M2M-2024!' };

describe('Firefox: the first enrolment, before any vault exists', () => {
  const suite = useFirefoxSuite();

  it('"Save to Twofold" asks to set Twofold up; creating the vault in the window that opens saves and fills, no reload', async () => {
    const page = await suite.firefox.newPage();
    const m2m = new FirefoxM2M(page, suite.sandbox.url);
    await m2m.toEnrolment(JOHN.email, JOHN.password);
    const prompt = new FirefoxPrompt(page);
    await prompt.expectText(`Save M2Mmanager (${JOHN.email}) to Twofold?`);
    const uri = await m2m.enrolmentUri();
    // Set on the page now: still there at the end only if the page never reloaded.
    await page.evaluate(() => Object.assign(window, { twofoldNoReload: true }));

    // Twofold's window (popup.html?window=unlock) opens on the click and asks to create the vault.
    const before = new Set(await suite.firefox.browser.pages());
    await prompt.click('Save to Twofold');
    await prompt.expectText('Set up Twofold to save this account.');
    expect(await prompt.text()).not.toContain('Unlock Twofold');
    const window = await newWindowPage(suite.firefox.browser, before, (href) =>
      href.includes('popup.html?window=unlock'),
    );
    await new FirefoxPopup(window).expectText('Create vault');
    const popup = new FirefoxPopup(window);
    await popup.createVaultInWindow(PASSPHRASE);

    // Back on the page, with no reload: saved, and the first code is in the field.
    await prompt.expectText('Saved to Twofold. Your code is filled in.', 30_000);
    // The code of the QR's own secret, computed apart from Twofold (this period or the one before).
    const filled = await m2m.codeValue();
    const now = Date.now();
    expect([codeAt(uri, now), codeAt(uri, now - 30_000)]).toContain(filled);
    expect(await page.evaluate(() => 'twofoldNoReload' in window)).toBe(true);
    await m2m.submit(m2m.t.continue);
    await m2m.expectHome();

    const list = new FirefoxPopup(await suite.firefox.openPopup());
    await expect.poll(() => list.code(`M2Mmanager (${JOHN.email})`)).toMatch(/^\d{6}$/);
  });
});
