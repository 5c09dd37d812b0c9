import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures/twofold';
import { enrolWithTwofold } from '../pages/enrolment';
import { PopupPage } from '../pages/popup-page';
import { JOHN } from '../pages/sandbox-m2m';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
// A fill right after enrolment may wait for the next period (no replay).
const FILL_TIMEOUT = 35_000;

test.describe('a computer clock that disagrees with the site', () => {
  test.setTimeout(150_000);

  test('90 s behind the site: enrolment and login need no typing; the popup says codes are adjusted', async ({
    twofold,
    sandbox,
    control,
  }) => {
    // The sandbox accepts one period either way: 90 s is three periods, so this needs the correction.
    await control.offsetClock(90_000);
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const m2m = await enrolWithTwofold(await twofold.context.newPage(), sandbox.url, { finish: false });
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
    await m2m.logOut();
    await m2m.login(JOHN.email, JOHN.password);
    await m2m.expectCodeStep();
    await expect(m2m.page.getByLabel(m2m.t.oneTimeCode, { exact: true })).toHaveValue(/^\d{6}$/, {
      timeout: FILL_TIMEOUT,
    });
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();

    const popup = await twofold.openPopup();
    await expect(popup.getByTestId('clock-notice')).toHaveText(
      /^Your computer's clock is (89|90|91) s slow; codes for m2mmanager\.localhost:\d+ are adjusted\.$/,
    );
    // Once: the next popup says nothing.
    const again = await twofold.openPopup();
    await expect(again.getByRole('heading', { name: 'Twofold', exact: true })).toBeVisible();
    await expect(again.getByTestId('clock-notice')).toHaveCount(0);
  });

  test('20 min off: a warning, and codes are not adjusted', async ({ twofold, sandbox, control }) => {
    await control.offsetClock(20 * 60_000);
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const m2m = await enrolWithTwofold(await twofold.context.newPage(), sandbox.url, { finish: false });
    // The code came from this computer's clock: the site, 20 minutes ahead, refuses it.
    await m2m.button(m2m.t.continue).click();
    await m2m.expectAlert(m2m.t.wrongCode);
    const stored = await twofold.serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('clock')).clock,
    );
    const origin = new URL(sandbox.url).origin;
    const offset = (stored as { origins: Record<string, { offsetMs: number }> }).origins[origin]!.offsetMs;
    expect(Math.abs(offset - 20 * 60_000)).toBeLessThan(2000);

    const popup = await twofold.openPopup();
    await expect(popup.getByTestId('clock-notice')).toHaveText(/20 min away from m2mmanager\.localhost:\d+/);
  });

  test('a refused code: the card offers the next code, which the site accepts', async ({
    twofold,
    sandbox,
    control,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const m2m = await enrolWithTwofold(await twofold.context.newPage(), sandbox.url, { finish: false });
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
    await m2m.logOut();
    // The site's clock jumps two periods after the (fresh) measure: the filled code is refused,
    // the next period's is within the one period the site accepts.
    await control.offsetClock(60_000);
    await m2m.login(JOHN.email, JOHN.password);
    const field = m2m.page.getByLabel(m2m.t.oneTimeCode, { exact: true });
    await expect(field).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
    await m2m.button(m2m.t.continue).click();
    await m2m.expectAlert(m2m.t.wrongCode);
    const prompt = new TwofoldPrompt(m2m.page);
    await prompt.expectText(/The site refused the code\./);
    const refused = await field.inputValue();
    await prompt.button('Try the next code').click();
    await expect(field).toHaveValue(/^\d{6}$/);
    await expect(field).not.toHaveValue(refused);
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
  });

  test('a site whose Date is 14 min 50 s ahead changes no code until the user says "Use its time" in the popup', async ({
    twofold,
    sandbox,
    control,
  }) => {
    // Three logins and two axe runs: more than the other clock journeys on a loaded machine.
    test.setTimeout(300_000);
    // The site says it is 14 min 50 s ahead but checks codes on the real time: a site that
    // would collect codes it accepts a quarter of an hour later.
    const skew = 14 * 60_000 + 50_000;
    await control.skewDateHeader(skew);
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const m2m = await enrolWithTwofold(await twofold.context.newPage(), sandbox.url, { finish: false });
    // The first code filled is this computer's: the site, on the real time, takes it.
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
    const origin = new URL(sandbox.url).origin;
    const stored = async () =>
      (
        (await twofold.serviceWorker.evaluate(
          async () => (await chrome.storage.local.get('clock')).clock,
        )) as {
          origins: Record<string, { offsetMs?: number; consentMs?: number }>;
        }
      ).origins[origin];
    // Measured (two answers that agreed), held: nothing agreed yet.
    expect(Math.abs((await stored())!.offsetMs! - skew)).toBeLessThan(2000);
    expect((await stored())!.consentMs).toBeUndefined();

    const field = m2m.page.getByLabel(m2m.t.oneTimeCode, { exact: true });
    const popup = new PopupPage(await twofold.openPopup());
    const question = popup.page.getByTestId('clock-question');
    await expect(question).toContainText("This site's clock is 15 minutes ahead. Use its time?");
    await expect(question.getByRole('heading')).toHaveText(`Clock of ${new URL(origin).host}`);
    await expect(popup.page.getByTestId('clock-notice')).toHaveCount(0);
    await expect(popup.page.getByTestId('clock-shift')).toHaveCount(0);
    const violations = async () =>
      (await new AxeBuilder({ page: popup.page }).analyze()).violations.map((v) => v.id);
    expect(await violations()).toEqual([]);
    /** Logs in again: the field is filled, with the code the popup shows (both follow their
     * code's expiry, so they meet on the same period). */
    const loginFilledAsPopup = async () => {
      await m2m.logOut();
      await m2m.login(JOHN.email, JOHN.password);
      await m2m.expectCodeStep();
      await expect(field).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
      await expect
        .poll(async () => (await field.inputValue()) === (await popup.codeDigits('M2Mmanager')), {
          timeout: 10_000,
        })
        .toBe(true);
    };

    // Before any answer: the filled code and the popup's are this computer's, and the site takes it.
    await loginFilledAsPopup();
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();

    // The user agrees, from the keyboard.
    const use = question.getByRole('button', { name: 'Use its time', exact: true });
    await expect(
      question.getByRole('button', { name: "Keep this computer's time", exact: true }),
    ).toBeVisible();
    await use.focus();
    await popup.page.keyboard.press('Enter');
    await expect(popup.page.getByTestId('clock-answer')).toHaveText(
      `Codes for ${new URL(origin).host} now use its time.`,
    );
    await expect(question).toHaveCount(0);
    expect((await stored())!.consentMs).toBe((await stored())!.offsetMs);
    // The code is now on the site's time, and says so, visibly and to screen readers.
    const mark = popup.row('M2Mmanager').getByTestId('clock-shift');
    await expect(mark.locator('small')).toHaveText('Site time, +15 min');
    await expect(popup.code('M2Mmanager')).toHaveAccessibleDescription(
      "Code on the site's time, 15 min ahead of this computer.",
    );
    expect(await violations()).toEqual([]);

    // Filled with that shifted code, which this site (checking on the real time) refuses.
    await loginFilledAsPopup();
    await m2m.button(m2m.t.continue).click();
    await m2m.expectAlert(m2m.t.wrongCode);
  });
});
