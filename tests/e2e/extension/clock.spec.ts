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
      /^Your computer's clock is (89|90|91) s slow; codes for m2mmanager\.localhost:\d+ are adjusted$/,
    );
    // Once: the next popup says nothing.
    const again = await twofold.openPopup();
    await expect(again.getByRole('heading', { name: 'Twofold' })).toBeVisible();
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
});
