import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { msUntilPeriodOffset } from '../e2e/pages/periods.ts';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { sleep } from './pages/codes.ts';
import { FirefoxDjangoAdmin } from './pages/django-admin.ts';
import { FirefoxM2M } from './pages/m2m-page.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { FirefoxPrompt } from './pages/prompt.ts';

const PASSPHRASE = 'purple otter sings at noon';

/**
 * Remember the otp_token the login form carries when it is submitted (BiDi gives no request
 * bodies): the page's own submit listener runs after Twofold's, as the server would see the form.
 */
async function recordSubmit(admin: FirefoxDjangoAdmin): Promise<void> {
  await admin.page.evaluate(() => {
    const form = document.getElementById('login-form') as HTMLFormElement;
    form.addEventListener('submit', () => {
      sessionStorage.setItem('posted', (form.elements.namedItem('otp_token') as HTMLInputElement).value);
    });
  });
}

function postedToken(admin: FirefoxDjangoAdmin): Promise<string | null> {
  return admin.page.evaluate(() => sessionStorage.getItem('posted'));
}

describe("Firefox: typing as a person does on django-otp's combined login form", () => {
  const suite = useFirefoxSuite();

  it('first login after saving filled at once; keyboard-only login; a password typed across a period end', async () => {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.createVault(PASSPHRASE);
    const page = await suite.firefox.newPage();
    const admin = new FirefoxDjangoAdmin(page, suite.sandbox.url);
    await admin.logInWithPassword();
    // Saved early in a period: the login below comes within the same period, the same code.
    await sleep(msUntilPeriodOffset(1_000));
    await admin.addDevice();
    const prompt = new FirefoxPrompt(page);
    await prompt.expectText('Save Django (admin) to Twofold?');
    await prompt.click('Save to Twofold');
    await prompt.expectText('Saved to Twofold.');
    await admin.logOut();

    // The first login after saving: the code is there at once (no field took it at the save).
    await admin.openLogin();
    await expect.poll(() => admin.value('OTP Token:'), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(await prompt.text()).not.toContain('already used');
    const code = await admin.value('OTP Token:');
    // Keyboard only, from the user name the page focused: type, Tab, type, Enter.
    expect(await admin.focusedId()).toBe('id_username');
    await page.keyboard.type(admin.user.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(admin.user.password);
    expect(await admin.focusedId()).toBe('id_password');
    expect(await admin.value('Username:')).toBe(admin.user.username);
    expect(await admin.value('Password:')).toBe(admin.user.password);
    expect(await admin.value('OTP Token:')).toBe(code);
    await recordSubmit(admin);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await admin.expectHome();
    expect(await postedToken(admin)).toBe(code);

    // Again, the password typed slowly across the end of a period.
    await admin.logOut();
    await sleep(msUntilPeriodOffset(1_000));
    await admin.openLogin();
    await expect.poll(() => admin.value('OTP Token:'), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const first = await admin.value('OTP Token:');
    await page.keyboard.type(admin.user.username);
    await page.keyboard.press('Tab');
    await sleep(msUntilPeriodOffset(27_000));
    await page.keyboard.type(admin.user.password, { delay: 300 });
    expect(await admin.focusedId()).toBe('id_password');
    expect(await admin.value('Password:')).toBe(admin.user.password);
    expect(await admin.value('Username:')).toBe(admin.user.username);
    expect(await admin.value('OTP Token:')).toBe(first);
    await prompt.expectText('New code ready: press');
    await recordSubmit(admin);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await admin.expectHome();
    const sent = await postedToken(admin);
    expect(sent).toMatch(/^\d{6}$/);
    expect(sent).not.toBe(first);
  }, 240_000);
});

describe('Firefox: typing as a person does on a login with a separate code step', () => {
  const suite = useFirefoxSuite();
  const JOHN = { email: 'john.smith@example.com', password: 'John-M2M-2024!' };

  it('keyboard only on M2Mmanager: e-mail, Tab, a password typed slowly across a period’s end, Enter; the code step is filled; Enter logs in', async () => {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.createVault(PASSPHRASE);
    const page = await suite.firefox.newPage();
    const m2m = new FirefoxM2M(page, suite.sandbox.url);
    await m2m.toEnrolment(JOHN.email, JOHN.password);
    const prompt = new FirefoxPrompt(page);
    await prompt.click('Save to Twofold');
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    await m2m.submit(m2m.t.continue);
    await m2m.expectHome();
    await m2m.logOut();

    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    expect(await focusedId()).toBe('email');
    await page.keyboard.type(JOHN.email);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('password');
    // The period ends mid-password (3 s before it, one key every 300 ms).
    await sleep(msUntilPeriodOffset(27_000));
    await page.keyboard.type(JOHN.password, { delay: 300 });
    expect(await valueOfId(page, 'email')).toBe(JOHN.email);
    expect(await valueOfId(page, 'password')).toBe(JOHN.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    // The code step focuses its own field; the enrolment used this period's code, so the fill may
    // wait for the next one. The focus stays where the page put it.
    await m2m.expectCodeStep();
    await expect.poll(() => m2m.codeValue(), { timeout: 35_000 }).toMatch(/^\d{6}$/);
    expect(await focusedId()).toBe('otp');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await m2m.expectHome();
  }, 180_000);
});

function valueOfId(page: Page, id: string): Promise<string> {
  return page.evaluate((which) => (document.getElementById(which) as HTMLInputElement).value, id);
}
