import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ExtensionBrowser } from '../fixtures/extension';

// Debian's Chromium reports a French UI only with its translations (chromium-l10n).
const locales = '/usr/lib/chromium/locales';
test.skip(existsSync(locales) && !existsSync(`${locales}/fr.pak`), 'French UI needs chromium-l10n');

test('in a French browser, errors reach the user in French', async () => {
  const twofold = await ExtensionBrowser.launch(undefined, { lang: 'fr' });
  try {
    const popup = await twofold.openPopup();
    await popup.getByLabel('Phrase secrète', { exact: true }).fill('court');
    await popup.getByLabel('Confirmer la phrase secrète').fill('court');
    await popup.getByRole('button', { name: 'Créer le coffre' }).click();
    await expect(popup.getByRole('alert')).toHaveText(
      'Choisissez une phrase secrète d’au moins 8 caractères.',
    );

    await popup.getByLabel('Phrase secrète', { exact: true }).fill('loutre violette à midi');
    await popup.getByLabel('Confirmer la phrase secrète').fill('loutre violette à midi');
    await popup.getByRole('button', { name: 'Créer le coffre' }).click();
    await expect(popup.getByRole('button', { name: 'Verrouiller' })).toBeVisible({ timeout: 20_000 });

    const options = await twofold.openOptions();
    await options.getByLabel('URI otpauth').fill('ceci n’est pas un export');
    await options.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(options.getByRole('alert')).toContainText('Twofold ne sait pas importer ce fichier');
  } finally {
    await twofold.close();
  }
});

test('in French at the toolbar width, the header and the toolbar each keep to one row', async () => {
  const twofold = await ExtensionBrowser.launch(undefined, { lang: 'fr' });
  try {
    const popup = await twofold.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.getByLabel('Phrase secrète', { exact: true }).fill('loutre violette à midi');
    await popup.getByLabel('Confirmer la phrase secrète').fill('loutre violette à midi');
    await popup.getByRole('button', { name: 'Créer le coffre' }).click();
    await popup.getByRole('button', { name: 'Ajouter un compte' }).click();
    await popup.getByLabel('URI otpauth ou clé secrète').fill('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await popup.getByLabel('Émetteur').fill('Exemple');
    await popup.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const nudge = popup.getByRole('complementary', { name: 'Gardez l’accès si vous perdez cet appareil' });
    await expect(nudge).toBeVisible();

    const middle = async (name: string, role: 'heading' | 'button') => {
      const box = (await popup.getByRole(role, { name, exact: true }).boundingBox())!;
      return box.y + box.height / 2;
    };
    const title = await middle('Twofold', 'heading');
    expect(Math.abs((await middle('Verrouiller', 'button')) - title)).toBeLessThan(6);
    expect(Math.abs((await middle('Paramètres', 'button')) - title)).toBeLessThan(6);
    expect(await middle('Ajouter un compte', 'button')).toBe(
      await middle('Lire le QR code de cette page', 'button'),
    );
    expect((await nudge.boundingBox())!.height).toBeLessThan(40);
    // Nothing sticks out sideways.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  } finally {
    await twofold.close();
  }
});

test('in French, the empty popup says once how to start, with the buttons and Settings named as they read', async () => {
  test.setTimeout(180_000);
  const twofold = await ExtensionBrowser.launch(undefined, { lang: 'fr' });
  try {
    const popup = await twofold.openPopup();
    await popup.getByLabel('Phrase secrète', { exact: true }).fill('loutre violette à midi');
    await popup.getByLabel('Confirmer la phrase secrète').fill('loutre violette à midi');
    await popup.getByRole('button', { name: 'Créer le coffre' }).click();
    const empty = popup.locator('.empty');
    await expect(empty.getByText('Aucun compte pour l’instant.', { exact: true })).toBeVisible({
      timeout: 20_000,
    });
    const text = (await empty.textContent()) ?? '';
    expect(text.match(/page d’activation/g)).toHaveLength(1);
    // The button's own name, quoted as it reads.
    await expect(popup.getByRole('button', { name: 'Lire le QR code de cette page' })).toBeVisible();
    expect(text).toContain('« Lire le QR code de cette page »');
    expect(text).not.toContain('Scanner');
    expect(text).not.toContain('Réglages');

    // One name for the settings page: the gear, the import link, the page's heading and tab title.
    await expect(popup.getByRole('button', { name: 'Paramètres', exact: true })).toBeVisible();
    const link = empty.getByRole('link', { name: 'Importez son export dans les Paramètres' });
    await expect(link).toHaveAttribute('href', twofold.extensionUrl('options.html#import'));
    const opened = twofold.context.waitForEvent('page');
    await link.click();
    const options = await opened;
    await expect(options.getByRole('heading', { name: 'Paramètres de Twofold' })).toBeVisible();
    await expect(options).toHaveTitle('Paramètres de Twofold');
  } finally {
    await twofold.close();
  }
});
