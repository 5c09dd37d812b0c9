import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { bindTemplateAccount, currentCodes, LoginTemplatePage } from '../pages/login-template-page';
import { CHANNEL_PAGE_IDS } from '../../sandbox/login-templates';

/**
 * Autofill by class of field, on second-factor pages modelled on real templates and widget
 * libraries (tests/sandbox/login-templates.ts names what each page models).
 */

// A code is filled at most once per period after a submission: allow for a period's wait.
const FILL_TIMEOUT = 35_000;
/** How long a trap page is watched for a fill that must not come. */
const TRAP_WATCH_MS = 2500;

/** Pages where the authenticator's code goes: the field, and what the page sends. */
const FILLED: { id: string; field: string; what: string }[] = [
  { id: 'nextcloud-totp', field: 'input[name="challenge"]', what: 'a paragraph and a placeholder' },
  { id: 'keycloak-otp', field: '#otp', what: 'a "One-time code" label' },
  { id: 'gitea-twofa', field: '#passcode', what: 'a "Passcode" label, autocomplete off' },
  { id: 'discourse-totp', field: '#login-second-factor', what: 'one-time-code with a backup-code link' },
  { id: 'gitlab-2fa', field: '#user_otp_attempt', what: 'a code field that also takes recovery codes' },
  { id: 'sentry-totp', field: '#id_otp', what: '"authenticator or a recovery code"' },
  { id: 'wordpress-totp', field: '#authcode', what: 'an "Authentication Code:" field' },
  { id: 'decoy', field: '#otp', what: 'the labelled field, not the hidden one-time-code decoy' },
  { id: 'number-field', field: '#code', what: 'a type="number" field with spinner and min/max' },
];

/** Pages whose code field must stay empty: codes sent another way, recovery codes. */
const TRAPS: { id: string; field: string; what: string }[] = [
  { id: 'nextcloud-email', field: 'input[name="challenge"]', what: 'a code from the e-mail inbox' },
  { id: 'german-email', field: '#code', what: 'a code e-mailed (German)' },
  { id: 'gitea-scratch', field: '#token', what: 'a scratch code' },
  { id: 'sentry-recovery', field: '#id_otp', what: 'a recovery code' },
  { id: 'wordpress-backup', field: '#authcode', what: 'a recovery code' },
  { id: 'discourse-backup-first', field: '#login-second-factor', what: 'a backup code' },
  // Messaging app, voice call, push notification, other device; English and French.
  ...CHANNEL_PAGE_IDS.map((id) => ({ id, field: '#code', what: 'a code sent out of band' })),
];

/**
 * Opens a widget page on a bound origin and waits until the widget's own state holds a current
 * code and Twofold announced the fill (it read the code back from the boxes, not merely handed a
 * paste to the widget).
 */
async function widgetFilled(
  twofold: ExtensionBrowser,
  baseUrl: string,
  widget: string,
  state = /^Widget state: \d{6}$/,
  prepare: (page: Page) => Promise<void> = () => Promise.resolve(),
): Promise<{ login: LoginTemplatePage; code: string }> {
  await bindTemplateAccount(twofold, baseUrl);
  const login = new LoginTemplatePage(await twofold.context.newPage(), baseUrl);
  await prepare(login.page);
  const announced = login.filledByTwofold(FILL_TIMEOUT);
  await login.open(widget);
  await expect(login.widgetState).toHaveText(state, { timeout: FILL_TIMEOUT });
  await announced;
  const code = (await login.widgetState.textContent())!.replace('Widget state: ', '').slice(0, 6);
  expect(currentCodes()).toContain(code);
  return { login, code };
}

/**
 * Submits and checks the page sent a current code. A new period may begin between the fill and the
 * click on a busy machine, and Twofold then refills the field: the code sent is the one it holds.
 */
async function submitsCurrentCode(login: LoginTemplatePage): Promise<void> {
  await login.submit();
  await expect(login.submitted).toHaveText(/^Submitted: \d{6}$/);
  const sent = (await login.submitted.textContent())!.replace('Submitted: ', '');
  expect(currentCodes()).toContain(sent);
}

test.describe('autofill by class of field', () => {
  test.setTimeout(90_000);

  for (const { id, field, what } of FILLED) {
    test(`${id}: ${what} is filled and the form sends the code`, async ({ twofold, sandbox }) => {
      await bindTemplateAccount(twofold, sandbox.url);
      const login = new LoginTemplatePage(await twofold.context.newPage(), sandbox.url);
      const announced = login.filledByTwofold(FILL_TIMEOUT);
      await login.open(id);
      const input = login.field(field);
      await expect(input).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
      await announced;
      const code = await input.inputValue();
      expect(currentCodes()).toContain(code);
      if (id === 'decoy') {
        await expect(login.field('#decoy')).toHaveValue('');
        await expect(login.page.locator('#decoy-state')).toHaveText('');
      }
      await login.submit();
      await expect(login.submitted).toHaveText(`Submitted: ${code}`);
    });
  }

  for (const { id, field, what } of TRAPS) {
    test(`${id}: ${what} is never filled`, async ({ twofold, sandbox }) => {
      await bindTemplateAccount(twofold, sandbox.url);
      const login = new LoginTemplatePage(await twofold.context.newPage(), sandbox.url);
      await login.open(id);
      const input = login.field(field);
      await expect(input).toBeVisible();
      await login.page.waitForTimeout(TRAP_WATCH_MS);
      await expect(input).toHaveValue('');
    });
  }

  test('a page that opens on its backup-code form is filled once it switches to the authenticator', async ({
    twofold,
    sandbox,
  }) => {
    await bindTemplateAccount(twofold, sandbox.url);
    const login = new LoginTemplatePage(await twofold.context.newPage(), sandbox.url);
    await login.open('discourse-backup-first');
    const input = login.field('#login-second-factor');
    await expect(input).toBeVisible();
    await login.page.waitForTimeout(TRAP_WATCH_MS);
    await expect(input).toHaveValue('');
    await login.page.getByRole('link', { name: 'Log in using your authenticator app' }).click();
    await expect(input).toHaveValue(/^\d{6}$/, { timeout: FILL_TIMEOUT });
    const code = await input.inputValue();
    expect(currentCodes()).toContain(code);
    await login.submit();
    await expect(login.submitted).toHaveText(`Submitted: ${code}`);
  });

  test('Zag / Ark UI / Chakra pin input: every box, the hidden input and the widget state hold the code', async ({
    twofold,
    sandbox,
  }) => {
    const { login, code } = await widgetFilled(twofold, sandbox.url, 'zag-pin-input');
    for (const [i, digit] of [...code].entries()) {
      await expect(login.page.getByLabel(`pin code ${i + 1} of 6`)).toHaveValue(digit);
    }
    await expect(login.field('#pin-hidden')).toHaveValue(code);
    await login.submit();
    await expect(login.submitted).toHaveText(`Submitted: ${code}`);
  });

  test('react18-input-otp: six one-time-code boxes get one digit each and the widget state holds the code', async ({
    twofold,
    sandbox,
  }) => {
    const { login, code } = await widgetFilled(twofold, sandbox.url, 'react18-input-otp');
    const boxes = login.page.locator('#otp-root input');
    await expect(boxes).toHaveCount(6);
    for (const [i, digit] of [...code].entries()) await expect(boxes.nth(i)).toHaveValue(digit);
    await login.submit();
    await expect(login.submitted).toHaveText(`Submitted: ${code}`);
  });

  test('react-otp-input with inputType="number": six numbered number boxes get one digit each', async ({
    twofold,
    sandbox,
  }) => {
    const { login, code } = await widgetFilled(twofold, sandbox.url, 'react-otp-input');
    for (const [i, digit] of [...code].entries()) {
      await expect(login.page.getByLabel(`Please enter OTP character ${i + 1}`)).toHaveValue(digit);
    }
    await submitsCurrentCode(login);
  });

  test('a type="number" field: the page reads the code back as a valid number', async ({
    twofold,
    sandbox,
  }) => {
    const { login, code } = await widgetFilled(twofold, sandbox.url, 'number-field', /^Widget state: \d{6} /);
    await expect(login.widgetState).toHaveText(`Widget state: ${code} (${Number(code)}, valid)`);
  });

  for (const { id, what } of [
    { id: 'antd-input-otp', what: 'Ant Design Input.OTP ("OTP Input N" boxes)' },
    { id: 'antd-input-otp-mask', what: 'Ant Design Input.OTP mask (password boxes, transparent text)' },
    { id: 'mantine-pin-input-mask', what: 'Mantine PinInput mask (password boxes)' },
    { id: 'ng-otp-input-password', what: 'ng-otp-input isPasswordInput (password boxes)' },
    {
      id: 'vue3-otp-input-password',
      what: 'vue3-otp-input input-type="password" (maxlength=1 password boxes)',
    },
  ]) {
    test(`${what}: every box gets its digit and the widget holds the code`, async ({ twofold, sandbox }) => {
      const { login, code } = await widgetFilled(twofold, sandbox.url, id);
      const boxes = login.page.locator('form input:not([type="hidden"]):visible');
      await expect(boxes).toHaveCount(6);
      for (const [i, digit] of [...code].entries()) await expect(boxes.nth(i)).toHaveValue(digit);
      await login.submit();
      await expect(login.submitted).toHaveText(`Submitted: ${code}`);
    });
  }

  // A slow, busy machine: the page and Twofold's content script run six times slower, so the
  // widget's first frame and its handlers come late. The fill must not depend on their timing.
  for (const id of ['zag-pin-input', 'input-otp']) {
    test(`${id} on a CPU slowed down 6×: still filled, the widget holds the code`, async ({
      twofold,
      sandbox,
    }) => {
      const { login, code } = await widgetFilled(twofold, sandbox.url, id, undefined, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      });
      expect(code).toMatch(/^\d{6}$/);
      await submitsCurrentCode(login);
    });
  }

  for (const { id, what } of [
    {
      id: 'input-otp',
      what: 'input-otp: the transparent input over its slot boxes (autofocus, badge room clipped)',
    },
    {
      id: 'input-otp-slow',
      what: 'input-otp hydrated late (slow machine): the value filled before React attached',
    },
    { id: 'shadcn-input-otp', what: "shadcn/ui's InputOTP: two groups of three slots" },
    { id: 'shadcn-input-otp-password', what: "shadcn/ui's InputOTP with type=password" },
  ]) {
    test(`${what} is filled and the slots show the code`, async ({ twofold, sandbox }) => {
      const { login, code } = await widgetFilled(twofold, sandbox.url, id);
      expect(code).toMatch(/^\d{6}$/);
      // Field and slots read in one go: a refill at a period's end changes both together.
      const shown = await login.page.evaluate(() => ({
        value: document.querySelector<HTMLInputElement>('[data-input-otp]')!.value,
        slots: Array.from(document.querySelectorAll('.otp-slot, [data-slot="input-otp-slot"]'))
          .map((slot) => slot.textContent)
          .join(''),
      }));
      expect(shown.slots).toBe(shown.value);
      expect(currentCodes()).toContain(shown.value);
      await submitsCurrentCode(login);
    });
  }
});
