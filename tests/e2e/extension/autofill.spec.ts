import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { PopupPage } from '../pages/popup-page';
import { enrolWithTwofold } from '../pages/enrolment';
import { JOHN, M2MmanagerPage } from '../pages/sandbox-m2m';
import { codeAt } from '../pages/sandbox-qr';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
const MARIE = { email: 'marie.dupont@example.com', password: 'Marie-M2M-2024!' };
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const WIDGET_URI = `otpauth://totp/Widgets:tester?secret=${SECRET}&issuer=Widgets`;

/** Email and password, then the code step, where Twofold fills the field. */
async function logInToCodeStep(m2m: M2MmanagerPage, user: typeof JOHN): Promise<void> {
  await m2m.login(user.email, user.password);
  await m2m.expectCodeStep();
}

function codeField(m2m: M2MmanagerPage) {
  return m2m.page.getByLabel(m2m.t.oneTimeCode, { exact: true });
}

// A code is filled at most once (servers refuse replays), so a fill right after
// enrolment can wait for the next period: allow for it.
const FILL_TIMEOUT = 35_000;

test.describe('autofill on M2Mmanager', () => {
  test.setTimeout(120_000);

  test('enrol, log out, log in: the code is filled and the server accepts it', async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await enrolWithTwofold(page, sandbox.url);
    await m2m.logOut();
    await logInToCodeStep(m2m, JOHN);
    // Watched from before the fill: the card says who typed the code and for which account,
    // politely, for two seconds.
    const notice = new TwofoldPrompt(page).card.getByRole('status');
    const announced = expect(notice).toHaveText(`Filled by Twofold: M2Mmanager (${JOHN.email}).`, {
      timeout: FILL_TIMEOUT,
    });
    await expect(codeField(m2m)).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
    await announced;
    await expect(new TwofoldPrompt(page).card).toHaveCount(0, { timeout: 5_000 });
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
  });

  test('the remember-device setting ticks the box; the next login needs no code', async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    await twofold.serviceWorker.evaluate(() =>
      chrome.storage.local.set({
        settings: { autoLockMinutes: 15, clipboardClearSeconds: 30, rememberDevice: true },
      }),
    );
    const page = await twofold.context.newPage();
    const m2m = await enrolWithTwofold(page, sandbox.url);
    await m2m.logOut();
    await logInToCodeStep(m2m, JOHN);
    await expect(codeField(m2m)).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
    await expect(page.getByLabel(m2m.t.remember)).toBeChecked();
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
    await m2m.logOut();
    await m2m.login(JOHN.email, JOHN.password);
    await m2m.expectHome();
  });

  test('with two accounts on the site, the one for the username typed is chosen', async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    let m2m = await enrolWithTwofold(page, sandbox.url);
    await m2m.logOut();
    m2m = await enrolWithTwofold(page, sandbox.url, { user: MARIE });
    await m2m.logOut();
    await logInToCodeStep(m2m, JOHN);
    await expect(codeField(m2m)).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
    // Only John's code opens John's session: reaching home proves the right account was chosen.
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
  });

  test('locked vault: a discreet prompt leads to unlock, then the code is filled', async ({
    twofold,
    sandbox,
  }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await enrolWithTwofold(page, sandbox.url);
    await m2m.logOut();
    await popup.page.reload();
    await popup.lock();
    await page.bringToFront();
    await logInToCodeStep(m2m, JOHN);
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText('Unlock Twofold to fill your code.');
    const unlockWindow = twofold.context.waitForEvent('page');
    await prompt.button('Unlock Twofold').click();
    const unlock = new PopupPage(await unlockWindow);
    // Watched from before the unlock: the fill that follows it names its account as any fill does.
    const announced = expect(
      prompt.card.getByRole('status').filter({ hasText: `Filled by Twofold: M2Mmanager (${JOHN.email}).` }),
    ).toHaveCount(1, { timeout: FILL_TIMEOUT });
    await unlock.unlock(PASSPHRASE);
    // The unlock window closes by itself; the page comes back to the front and its code is filled.
    await expect.poll(() => unlock.page.isClosed()).toBe(true);
    await expect
      .poll(() =>
        twofold.serviceWorker.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.url;
        }),
      )
      .toBe(page.url());
    await expect(codeField(m2m)).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
    await announced;
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
  });

  test('the same login form on the lookalike host gets nothing', async ({ twofold, sandbox }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await enrolWithTwofold(page, sandbox.url);
    await m2m.logOut();
    const phish = new M2MmanagerPage(page, sandbox.phishUrl);
    await phish.open('/');
    await logInToCodeStep(phish, JOHN);
    await page.waitForTimeout(2000);
    await expect(codeField(phish)).toHaveValue('');
    await expect(new TwofoldPrompt(page).card).toHaveCount(0);
  });

  test('SMS path: a discreet hint, and the SMS code field never gets a TOTP code', async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = new M2MmanagerPage(page, sandbox.url);
    await m2m.login(JOHN.email, JOHN.password);
    await m2m.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
    await m2m.chooseMethod('sms');
    await page.getByLabel(m2m.t.phone, { exact: true }).fill('+33612345678');
    await m2m.button(m2m.t.continue).click();
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(/Try another method/);
    await expect(page.getByLabel(m2m.t.smsCode, { exact: true })).toHaveValue('');
  });
});

test.describe('autofill on other widgets and frames', () => {
  async function bindWidgetAccount(twofold: ExtensionBrowser, origin: string): Promise<void> {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    await popup.addAccount(WIDGET_URI, origin);
    await expect(popup.code('Widgets (tester)')).toBeVisible();
  }

  const expectedCodes = () => [codeAt(WIDGET_URI, Date.now()), codeAt(WIDGET_URI, Date.now() - 30_000)];

  test('a Preact-controlled input is filled and its state sees the code', async ({ twofold, sandbox }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/preact', sandbox.url).href);
    // The widget's own status (Twofold's card has one too: "Filled by Twofold").
    const widgetState = page.getByRole('status').filter({ hasText: 'Preact state' });
    await expect(widgetState).toHaveText(/^Preact state: \d{6}$/, { timeout: FILL_TIMEOUT });
    const state = (await widgetState.textContent())!.replace('Preact state: ', '');
    expect(expectedCodes()).toContain(state);
  });

  test('a split 6-box widget gets one digit per box and its state sees the code', async ({
    twofold,
    sandbox,
  }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/split', sandbox.url).href);
    // The widget's own status (Twofold's card has one too: "Filled by Twofold").
    const widgetState = page.getByRole('status').filter({ hasText: 'Widget state' });
    await expect(widgetState).toHaveText(/^Widget state: \d{6}$/, { timeout: FILL_TIMEOUT });
    const state = (await widgetState.textContent())!.replace('Widget state: ', '');
    expect(expectedCodes()).toContain(state);
    await expect(page.getByLabel('Digit 1')).toHaveValue(state[0]!);
  });

  test('a field inserted late is filled as soon as it appears', async ({ twofold, sandbox }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    await page.goto(new URL('/widgets/otp?late=800', sandbox.url).href);
    await expect(page.getByLabel('Enter your one-time code')).toHaveValue(/^\d{6}$/, {
      timeout: FILL_TIMEOUT,
    });
  });

  test('a same-origin frame is filled; the same frame inside another site gets nothing', async ({
    twofold,
    sandbox,
  }) => {
    await bindWidgetAccount(twofold, sandbox.url);
    const widget = new URL('/widgets/otp', sandbox.url).href;
    const page = await twofold.context.newPage();
    await page.goto(`${new URL('/widgets/embed', sandbox.url).href}?src=${encodeURIComponent(widget)}`);
    const inner = page.frameLocator('iframe').getByLabel('Enter your one-time code');
    await expect(inner).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });

    await page.goto(`${new URL('/widgets/embed', sandbox.phishUrl).href}?src=${encodeURIComponent(widget)}`);
    const framed = page.frameLocator('iframe').getByLabel('Enter your one-time code');
    await expect(framed).toBeVisible();
    await page.waitForTimeout(2000);
    await expect(framed).toHaveValue('');
  });

  test('a code about to expire is not filled; the next period’s code is', async ({ twofold, sandbox }) => {
    test.setTimeout(90_000);
    await bindWidgetAccount(twofold, sandbox.url);
    const page = await twofold.context.newPage();
    // Arrive with about 2 s left in the period.
    const left = () => 30_000 - (Date.now() % 30_000);
    if (left() < 2500 || left() > 2800) await page.waitForTimeout((left() - 2600 + 30_000) % 30_000);
    // Every value the field takes, as the page sees it: on a loaded machine the period may end
    // before the test looks, so "empty at first" is judged from the record, not from one read.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __values: string[] }).__values = seen;
      document.addEventListener('input', (e) => seen.push((e.target as HTMLInputElement).value), true);
    });
    const arrival = Date.now();
    await page.goto(new URL('/widgets/otp', sandbox.url).href);
    const field = page.getByLabel('Enter your one-time code');
    await expect(field).toHaveValue(/^\d{6}$/, { timeout: 10_000 });
    const next = codeAt(WIDGET_URI, arrival + 30_000);
    expect(await field.inputValue()).toBe(next);
    const values = await page.evaluate(() => (window as unknown as { __values: string[] }).__values);
    expect(values).not.toContain(codeAt(WIDGET_URI, arrival));
  });
});
