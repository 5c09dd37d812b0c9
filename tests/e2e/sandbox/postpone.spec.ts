import { expect, test } from '../fixtures/sandbox.ts';
import { DAY, JANE, JOHN, T0, m2m } from './helpers.ts';

const NOT_NOW = { name: 'Not now', exact: true } as const;

test.describe('inside the 28-day window', () => {
  const cases = [
    { who: 'Jane on 10 May 2024 (window opened 2 May)', user: JANE, clock: T0, deadline: '30 May 2024' },
    { who: 'John at his first login since 1 May 2024', user: JOHN, clock: T0, deadline: '7 June 2024' },
    {
      who: 'John 27 days after his first login',
      user: JOHN,
      clock: T0,
      later: 27 * DAY,
      deadline: '7 June 2024',
    },
  ];
  for (const { who, user, clock, later, deadline } of cases) {
    test(`"Not now" is offered: ${who}`, async ({ page, sandbox, control }) => {
      await control.setClock(clock);
      const app = m2m(page, sandbox);
      if (later) {
        await app.login(user.email, user.password);
        await page.getByRole('button', NOT_NOW).click();
        await app.logOut();
        await control.advanceClock(later);
      }
      await app.login(user.email, user.password);
      const offer = page.getByRole('dialog', { name: 'Two-factor authentication' });
      await expect(offer).toBeVisible();
      await expect(offer).toContainText(`You have until ${deadline} to activate it.`);
      await expect(offer.getByRole('button', { name: 'Continue', exact: true })).toBeVisible();
      await expect(offer.getByRole('button', NOT_NOW)).toBeVisible();
      await expect(
        offer.getByLabel('Yes, I want to use double authentication the next time I log in (recommended)'),
      ).not.toBeChecked();
    });
  }

  test('"Not now" leads to the home screen and the offer returns at every login', async ({
    page,
    sandbox,
    control,
  }) => {
    await control.setClock(T0);
    const app = m2m(page, sandbox);
    await app.login(JANE.email, JANE.password);
    await page.getByRole('button', NOT_NOW).click();
    await app.expectHome();
    await expect(page.getByRole('status')).toContainText('Two-factor authentication postponed.');
    await app.logOut();
    await app.login(JANE.email, JANE.password);
    await app.expectOffer();
    await page.keyboard.press('Escape'); // Escape dismisses a pop-up that may be postponed
    await app.expectHome();
  });

  test('Continue without ticking the box asks to tick it', async ({ page, sandbox, control }) => {
    await control.setClock(T0);
    const app = m2m(page, sandbox);
    await app.login(JANE.email, JANE.password);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await app.expectAlert('Tick the box to activate two-factor authentication, or click “Not now”.');
  });
});

test.describe('after the 28-day window', () => {
  const cases = [
    { who: 'Jane on 15 June 2024', user: JANE, clock: Date.UTC(2024, 5, 15, 10), firstVisit: false },
    { who: 'Jane in real time (default clock)', user: JANE, clock: null, firstVisit: false },
    { who: 'John 28 days after his first login', user: JOHN, clock: T0, firstVisit: true },
  ];
  for (const { who, user, clock, firstVisit } of cases) {
    test(`"Not now" is gone and activation is required: ${who}`, async ({ page, sandbox, control }) => {
      if (clock !== null) await control.setClock(clock);
      const app = m2m(page, sandbox);
      if (firstVisit) {
        await app.login(user.email, user.password);
        await page.getByRole('button', NOT_NOW).click();
        await app.logOut();
        await control.advanceClock(28 * DAY);
      }
      await app.login(user.email, user.password);
      const offer = page.getByRole('dialog', { name: 'Two-factor authentication' });
      await expect(offer).toContainText(
        'The 28-day period is over: you must activate two-factor authentication to access your M2Mmanager account.',
      );
      await expect(page.getByRole('button', NOT_NOW)).toHaveCount(0);

      await page.keyboard.press('Escape'); // mandatory: Escape does not close it
      await expect(offer).toBeVisible();
      await page.goto(new URL('/home', sandbox.url).href);
      await expect(offer).toBeVisible();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await app.expectAlert(
        'Tick the box to activate two-factor authentication: it is required to access your account.',
      );

      await app.acceptOfferAndLogInAgain(user.email, user.password);
    });
  }
});
