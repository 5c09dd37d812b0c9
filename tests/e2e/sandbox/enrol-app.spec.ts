import { expect, test } from '../fixtures/sandbox.ts';
import { codeAt } from '../pages/sandbox-qr.ts';
import { DAY, JOHN, PERIOD, T0, m2m, wrongCode } from './helpers.ts';

test.beforeEach(async ({ control }) => {
  await control.setClock(T0);
});

test('enrols with an authentication app by scanning the QR code drawn on the canvas', async ({
  page,
  sandbox,
}) => {
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await app.chooseMethod('app');
  await expect(
    page.getByRole('dialog', { name: 'Set up your authentication app' }).locator('canvas'),
  ).toBeVisible();
  const uri = await app.scanEnrolmentQr();

  const parsed = new URL(uri);
  expect(parsed.protocol).toBe('otpauth:');
  expect(parsed.host).toBe('totp');
  expect(decodeURIComponent(parsed.pathname)).toBe('/M2Mmanager:john.smith@example.com');
  expect(parsed.searchParams.get('issuer')).toBe('M2Mmanager');
  expect(parsed.searchParams.get('secret')).toMatch(/^[A-Z2-7]{32}$/);
  expect(parsed.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
  expect(parsed.searchParams.get('digits') ?? '6').toBe('6');
  expect(parsed.searchParams.get('period') ?? '30').toBe('30');

  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();
  await expect(page.getByRole('status')).toHaveText('Two-factor authentication is now effective.');
  await expect(page.getByText('Two-factor authentication: on (authentication app)')).toBeVisible();
});

test('each enrolment shows a fresh secret; Escape closes the pop-up back to the methods', async ({
  page,
  sandbox,
}) => {
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await app.chooseMethod('app');
  const first = await app.scanEnrolmentQr();
  await page.reload();
  expect(await app.scanEnrolmentQr()).toBe(first); // a reload keeps the enrolment in progress

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Select your authentication method' })).toBeVisible();
  await app.chooseMethod('app');
  const second = await app.scanEnrolmentQr();
  expect(new URL(second).searchParams.get('secret')).not.toBe(new URL(first).searchParams.get('secret'));
});

test('a wrong code is refused during enrolment and at login', async ({ page, sandbox, control }) => {
  const app = m2m(page, sandbox);
  await app.login(JOHN.email, JOHN.password);
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await app.chooseMethod('app');
  const uri = await app.scanEnrolmentQr();
  await app.enterOneTimeCode(wrongCode(codeAt(uri, T0)));
  await app.expectAlert('Incorrect code. Check the code and try again.');
  await app.enterOneTimeCode(codeAt(uri, T0));
  await app.expectHome();

  await app.logOut();
  await control.advanceClock(2 * PERIOD);
  await app.login(JOHN.email, JOHN.password);
  await app.expectCodeStep();
  await app.enterOneTimeCode(wrongCode(codeAt(uri, T0 + 2 * PERIOD)));
  await app.expectAlert('Incorrect code. Check the code and try again.');
  await app.expectCodeStep();
});

test.describe('later logins', () => {
  let uri = '';
  test.beforeEach(async ({ page, sandbox, control }) => {
    uri = await m2m(page, sandbox).enrolByApp(JOHN.email, JOHN.password, (scanned) => codeAt(scanned, T0));
    await m2m(page, sandbox).logOut();
    await control.advanceClock(2 * PERIOD);
  });

  test('logs in with email, password, then the one-time code', async ({ page, sandbox }) => {
    const app = m2m(page, sandbox);
    await app.login(JOHN.email, JOHN.password);
    await app.expectCodeStep();
    await expect(page.getByLabel('Enter your one-time code', { exact: true })).toBeFocused();
    await app.enterOneTimeCode(codeAt(uri, T0 + 2 * PERIOD));
    await app.expectHome();
  });

  test('a remembered device skips the code for 30 days', async ({ page, sandbox, control }) => {
    const app = m2m(page, sandbox);
    await app.login(JOHN.email, JOHN.password);
    await app.enterOneTimeCode(codeAt(uri, T0 + 2 * PERIOD), { remember: true });
    await app.expectHome();
    await app.logOut();

    await control.advanceClock(29 * DAY);
    await app.login(JOHN.email, JOHN.password);
    await app.expectHome();
    await app.logOut();

    await control.advanceClock(2 * DAY);
    await app.login(JOHN.email, JOHN.password);
    await app.expectCodeStep();
  });

  test('a device not remembered is asked for a code every time', async ({ page, sandbox, control }) => {
    const app = m2m(page, sandbox);
    await app.login(JOHN.email, JOHN.password);
    await app.enterOneTimeCode(codeAt(uri, T0 + 2 * PERIOD));
    await app.expectHome();
    await app.logOut();
    await control.advanceClock(PERIOD);
    await app.login(JOHN.email, JOHN.password);
    await app.expectCodeStep();
  });

  test('a code is never accepted twice', async ({ page, sandbox, control }) => {
    const app = m2m(page, sandbox);
    const code = codeAt(uri, T0 + 2 * PERIOD);
    await app.login(JOHN.email, JOHN.password);
    await app.enterOneTimeCode(code);
    await app.expectHome();
    await app.logOut();

    await app.login(JOHN.email, JOHN.password);
    await app.enterOneTimeCode(code);
    await app.expectAlert('This code has already been used. Wait for a new code and try again.');
    // The enrolment code, one step of drift older, is spent too.
    await control.advanceClock(-PERIOD);
    await app.enterOneTimeCode(codeAt(uri, T0));
    await app.expectAlert('This code has already been used. Wait for a new code and try again.');

    await control.advanceClock(2 * PERIOD);
    await app.enterOneTimeCode(codeAt(uri, T0 + 3 * PERIOD));
    await app.expectHome();
  });

  const drift = [
    { periods: -1, accepted: true, what: 'the previous period' },
    { periods: 1, accepted: true, what: 'the next period' },
    { periods: -2, accepted: false, what: 'two periods ago' },
    { periods: 2, accepted: false, what: 'two periods ahead' },
  ];
  for (const { periods, accepted, what } of drift) {
    test(`a code from ${what} is ${accepted ? 'accepted' : 'refused'}`, async ({
      page,
      sandbox,
      control,
    }) => {
      const app = m2m(page, sandbox);
      await control.advanceClock(10 * PERIOD);
      const now = T0 + 12 * PERIOD;
      await app.login(JOHN.email, JOHN.password);
      await app.enterOneTimeCode(codeAt(uri, now + periods * PERIOD));
      if (accepted) await app.expectHome();
      else await app.expectAlert('Incorrect code. Check the code and try again.');
    });
  }

  test('five wrong codes lock the code step for 15 minutes', async ({ page, sandbox, control }) => {
    const app = m2m(page, sandbox);
    const now = T0 + 2 * PERIOD;
    await app.login(JOHN.email, JOHN.password);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await app.enterOneTimeCode(wrongCode(codeAt(uri, now)));
      await app.expectAlert('Incorrect code. Check the code and try again.');
    }
    const locked = 'Too many incorrect codes. For your security, wait 15 minutes before trying again.';
    await app.enterOneTimeCode(wrongCode(codeAt(uri, now)));
    await app.expectAlert(locked);
    await app.enterOneTimeCode(codeAt(uri, now)); // even the right code
    await app.expectAlert(locked);

    await control.advanceClock(15 * 60 * 1000);
    await app.enterOneTimeCode(codeAt(uri, now + 15 * 60 * 1000));
    await app.expectHome();
  });

  test('after a support reset (ticket), the next login offers activation again', async ({
    page,
    sandbox,
    control,
  }) => {
    await control.resetTwoFactor(JOHN.email);
    const app = m2m(page, sandbox);
    await app.login(JOHN.email, JOHN.password);
    await app.expectOffer();
  });
});
