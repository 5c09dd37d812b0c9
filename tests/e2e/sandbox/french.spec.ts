import { expect, test } from '../fixtures/sandbox.ts';
import { codeAt } from '../pages/sandbox-qr.ts';
import { JOHN, PERIOD, T0, m2m } from './helpers.ts';

test.beforeEach(async ({ control }) => {
  await control.setClock(T0);
});

test('the visible language switch turns the login page into French', async ({ page, sandbox }) => {
  await page.goto(sandbox.url);
  await expect(page.getByRole('heading', { name: 'Log in to M2Mmanager' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion à M2Mmanager' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
  await expect(page.getByLabel('Mot de passe')).toBeVisible();
});

test('enrolment by app and a later login, entirely in French', async ({ page, sandbox, control }) => {
  const app = m2m(page, sandbox, 'fr');
  await app.open('/');
  await app.login(JOHN.email, JOHN.password);
  const offer = page.getByRole('dialog', { name: 'Double authentification' });
  await expect(offer.getByRole('button', { name: 'Continuer', exact: true })).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Pas maintenant', exact: true })).toBeVisible();
  await offer
    .getByLabel(
      'Oui, je veux utiliser la double authentification lors de ma prochaine connexion (recommandé)',
    )
    .check();
  await offer.getByRole('button', { name: 'Continuer', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Veuillez saisir à nouveau l’adresse e-mail et le mot de passe associés à votre compte M2Mmanager.',
  );
  await app.login(JOHN.email, JOHN.password);
  await expect(
    page.getByRole('dialog', { name: 'Choisissez votre méthode d’authentification' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'SMS', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Google Authenticator ou similaire' }).click();

  const uri = await app.scanEnrolmentQr();
  await page.getByLabel('Saisissez votre code à usage unique').fill('000000');
  await page.getByRole('button', { name: 'Continuer', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Code incorrect. Vérifiez le code et réessayez.');
  await page.getByLabel('Saisissez votre code à usage unique').fill(codeAt(uri, T0));
  await page.getByRole('button', { name: 'Continuer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Accueil' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('La double authentification est désormais active.');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await control.advanceClock(PERIOD);
  await app.login(JOHN.email, JOHN.password);
  await expect(page.getByLabel('Se souvenir de cet appareil pendant 30 jours')).toBeVisible();
  await app.enterOneTimeCode(codeAt(uri, T0 + PERIOD), { remember: true });
  await expect(page.getByRole('heading', { name: 'Accueil' })).toBeVisible();
});

test('the SMS screens in French', async ({ page, sandbox, control }) => {
  const app = m2m(page, sandbox, 'fr');
  await app.open('/');
  await app.login(JOHN.email, JOHN.password);
  await app.acceptOfferAndLogInAgain(JOHN.email, JOHN.password);
  await page.getByRole('button', { name: 'SMS', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Configurez l’authentification par SMS' })).toBeVisible();
  await page.getByLabel('Numéro de téléphone').fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Continuer', exact: true }).click();
  await expect(page.getByLabel('Saisissez le code à 6 chiffres')).toBeVisible();
  await page.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Un nouveau code a été envoyé au 0612345678.');
  expect((await control.lastSms('0612345678'))?.body).toMatch(/^M2Mmanager : votre code est \d{6}\./);
  await page.getByRole('button', { name: 'Essayer une autre méthode' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Configurez votre application d’authentification' }),
  ).toBeVisible();
});

test('the postponement offer in French after the window names no "Pas maintenant"', async ({
  page,
  sandbox,
  control,
}) => {
  await control.setClock(Date.UTC(2024, 5, 15));
  const app = m2m(page, sandbox, 'fr');
  await app.open('/');
  await app.login('jane.doe@example.com', 'Jane-M2M-2024!');
  await expect(page.getByRole('dialog')).toContainText('Le délai de 28 jours est écoulé');
  await expect(page.getByRole('button', { name: 'Pas maintenant' })).toHaveCount(0);
});
