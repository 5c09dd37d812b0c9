import { describe, expect, it } from 'vitest';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { sleep } from './pages/codes.ts';
import { FirefoxM2M } from './pages/m2m-page.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { FirefoxPrompt } from './pages/prompt.ts';

const PASSPHRASE = 'purple otter sings at noon';
const JOHN = { email: 'john.smith@example.com', password: 'John-M2M-2024!' };
// A code is given once per period (servers refuse replays): a login right after the
// enrolment may wait for the next one.
const FILL_TIMEOUT = 35_000;

describe('Firefox: M2Mmanager enrolment and login', () => {
  const suite = useFirefoxSuite();

  it('the in-page card saves the account and fills the first code; the next login is filled; the lookalike gets nothing', async () => {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.createVault(PASSPHRASE);

    const page = await suite.firefox.newPage();
    const m2m = new FirefoxM2M(page, suite.sandbox.url);
    await m2m.toEnrolment(JOHN.email, JOHN.password);
    const prompt = new FirefoxPrompt(page);
    await prompt.expectText(`Save M2Mmanager (${JOHN.email}) to Twofold?`);
    await prompt.click('Save to Twofold');
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    expect(await m2m.codeValue()).toMatch(/^\d{6}$/);
    await m2m.submit(m2m.t.continue);
    await m2m.expectHome();

    await popup.page.bringToFront();
    await popup.reload();
    await expect.poll(() => popup.code(`M2Mmanager (${JOHN.email})`)).toMatch(/^\d{6}$/);

    // Log in again: the code step is filled and the server accepts the code.
    await page.bringToFront();
    await m2m.logOut();
    await m2m.login(JOHN.email, JOHN.password);
    await m2m.expectCodeStep();
    await expect.poll(() => m2m.codeValue(), { timeout: FILL_TIMEOUT }).toMatch(/^\d{6}$/);
    await m2m.submit(m2m.t.continue);
    await m2m.expectHome();

    // The same pages on the lookalike host: no card, no code.
    await m2m.logOut();
    const phish = new FirefoxM2M(page, suite.sandbox.phishUrl);
    await phish.open('/');
    await phish.login(JOHN.email, JOHN.password);
    await phish.expectCodeStep();
    await sleep(4000);
    expect(await phish.codeValue()).toBe('');
    expect(await prompt.count()).toBe(0);
  });
});
