import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { DjangoAdminPage } from '../pages/django-admin';
import { enrolWithTwofold } from '../pages/enrolment';
import { msUntilPeriodOffset } from '../pages/periods';
import { PopupPage } from '../pages/popup-page';
import { JOHN } from '../pages/sandbox-m2m';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';

/**
 * A person at the keyboard on django-otp's admin login (Username, Password and OTP Token in one
 * form, the user name focused by the page): Twofold fills the code as the page loads and must
 * never take the focus, refill under the user's fingers, or make them wait for nothing.
 */
test.describe('typing as a person does, on a combined login form', () => {
  test.setTimeout(150_000);

  /** A new vault; the admin adds a TOTP device and saves its QR to Twofold from the config page. */
  async function enrolled(twofold: ExtensionBrowser, baseUrl: string): Promise<DjangoAdminPage> {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const admin = new DjangoAdminPage(await twofold.context.newPage(), baseUrl);
    await admin.logInWithPassword();
    await admin.addDevice();
    const prompt = new TwofoldPrompt(admin.page);
    // Saved early in a period: the login that follows comes within the same period, the same code.
    await admin.page.waitForTimeout(msUntilPeriodOffset(1_000));
    await prompt.button('Save to Twofold').click();
    // No field on this page: nothing was filled, so no code was used.
    await prompt.expectText('Saved to Twofold.');
    await admin.logOut();
    return admin;
  }

  /** The code the form posts when it is submitted. */
  function postedToken(page: Page): Promise<string | null> {
    return page
      .waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/login/'))
      .then((request) => new URLSearchParams(request.postData() ?? '').get('otp_token'));
  }

  test('the first login after saving is filled at once; a keyboard-only login goes through', async ({
    twofold,
    sandbox,
  }) => {
    const admin = await enrolled(twofold, sandbox.url);
    const { page } = admin;
    // Still the period of the save, most of it left: a fill held back until the next period fails here.
    await admin.openLogin();
    await expect(admin.token).toHaveValue(/^\d{6}$/, { timeout: 10_000 });
    await expect(page.getByText(/already used/)).toHaveCount(0);
    const code = await admin.token.inputValue();

    // Focus starts in the user name (the page's script): type, Tab, type, Enter.
    await expect(admin.username).toBeFocused();
    await page.keyboard.type(admin.user.username);
    await page.keyboard.press('Tab');
    await expect(admin.password).toBeFocused();
    await page.keyboard.type(admin.user.password);
    expect(await admin.username.inputValue()).toBe(admin.user.username);
    expect(await admin.password.inputValue()).toBe(admin.user.password);
    expect(await admin.token.inputValue()).toBe(code);
    const posted = postedToken(page);
    await page.keyboard.press('Enter');
    await admin.expectHome();
    expect(await posted).toBe(code);
  });

  test("a password typed slowly across a period's end: the new code goes in at Enter, never the password", async ({
    twofold,
    sandbox,
  }) => {
    const admin = await enrolled(twofold, sandbox.url);
    const { page } = admin;
    await page.waitForTimeout(msUntilPeriodOffset(1_000));
    await admin.openLogin();
    await expect(admin.token).toHaveValue(/^\d{6}$/, { timeout: 10_000 });
    const first = await admin.token.inputValue();
    await expect(admin.username).toBeFocused();
    await page.keyboard.type(admin.user.username);
    await page.keyboard.press('Tab');

    // Start the password 3 s before the period ends, one key every 300 ms: the end comes mid-password.
    await page.waitForTimeout(msUntilPeriodOffset(27_000));
    await page.keyboard.type(admin.user.password, { delay: 300 });
    await expect(admin.password).toBeFocused();
    expect(await admin.password.inputValue()).toBe(admin.user.password);
    expect(await admin.username.inputValue()).toBe(admin.user.username);
    // The field keeps the last code; the new one waits, and the card says how to put it in.
    expect(await admin.token.inputValue()).toBe(first);
    await new TwofoldPrompt(page).expectText(/^New code ready: press .+ or click Fill code\.$/);

    const posted = postedToken(page);
    await page.keyboard.press('Enter');
    await admin.expectHome();
    const sent = await posted;
    expect(sent).toMatch(/^\d{6}$/);
    expect(sent).not.toBe(first);
  });
});

/**
 * The same person on the M2Mmanager sandbox, whose login asks for the e-mail address and password
 * first and for the code on a page of its own: the code step's field is filled by Twofold, and the
 * whole login is done with the keyboard.
 */
test.describe('typing as a person does, on a login with a separate code step', () => {
  test.setTimeout(150_000);

  test('keyboard only: e-mail, Tab, a password typed slowly across a period’s end, Enter; the code step is filled; Enter logs in', async ({
    twofold,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const m2m = await enrolWithTwofold(await twofold.context.newPage(), sandbox.url);
    const { page } = m2m;
    await m2m.logOut();
    const email = page.getByLabel(m2m.t.email, { exact: true });
    const password = page.getByLabel(m2m.t.password, { exact: true });
    await expect(email).toBeFocused();

    await page.keyboard.type(JOHN.email);
    await page.keyboard.press('Tab');
    await expect(password).toBeFocused();
    // As on the combined form: the period ends mid-password (3 s before it, one key every 300 ms).
    await page.waitForTimeout(msUntilPeriodOffset(27_000));
    await page.keyboard.type(JOHN.password, { delay: 300 });
    expect(await email.inputValue()).toBe(JOHN.email);
    expect(await password.inputValue()).toBe(JOHN.password);
    const credentials = page.waitForRequest(
      (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/login',
    );
    await page.keyboard.press('Enter');
    const sent = new URLSearchParams((await credentials).postData() ?? '');
    expect(sent.get('email')).toBe(JOHN.email);
    expect(sent.get('password')).toBe(JOHN.password);

    // The code step focuses its own field; Twofold fills it (the enrolment used this period's code,
    // so the fill may wait for the next one) and the focus stays where the page put it.
    await m2m.expectCodeStep();
    const code = page.getByLabel(m2m.t.oneTimeCode, { exact: true });
    await expect(code).toHaveValue(/^\d{6}$/, { timeout: 35_000 });
    await expect(code).toBeFocused();
    const filled = await code.inputValue();
    const codeSent = page.waitForRequest(
      (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/login/code',
    );
    await page.keyboard.press('Enter');
    await m2m.expectHome();
    const form = new URLSearchParams((await codeSent).postData() ?? '');
    expect(form.get('code')).toBe(filled);
    // Nothing of the password went anywhere else: only the code left the code step.
    expect([...form.values()].join(' ')).not.toContain(JOHN.password.slice(0, 4));
  });
});
