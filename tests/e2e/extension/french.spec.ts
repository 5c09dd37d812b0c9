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
      "Choisissez une phrase secrète d'au moins 8 caractères.",
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
