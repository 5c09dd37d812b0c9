/**
 * Every error path of the French UI, walked as a user would: each message is the French one,
 * and no English catalogue text (error catalog or English locale) is ever on screen.
 */
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ERROR_CATALOG, type ErrorCode } from '../../../lib/errors';
import { ExtensionBrowser } from '../fixtures/extension';
import { builtMessages, getMessageFrom } from '../../locales';
import { sendFromPage } from '../pages/options-page';

// Debian's Chromium reports a French UI only with its translations (chromium-l10n).
const locales = '/usr/lib/chromium/locales';
test.skip(existsSync(locales) && !existsSync(`${locales}/fr.pak`), 'French UI needs chromium-l10n');

const EN = builtMessages('en');
const FR = builtMessages('fr');
const frenchMessage = getMessageFrom(FR);

/** A French UI string, with its parameters filled as chrome.i18n does. */
function fr(key: string, ...params: string[]): string {
  if (!FR[key]) throw new Error(`no French text for ${key}`);
  return frenchMessage(key, params);
}
const frError = (code: ErrorCode, ...params: string[]) => fr(`error_${code}`, ...params);

/**
 * English texts the user must never see here: every error template's literal parts and every
 * English UI string that French words differently (long enough not to be a name or a code).
 */
const ENGLISH: string[] = [
  ...Object.values(ERROR_CATALOG).flatMap((template) => template.split(/\$\d/)),
  ...Object.entries(EN)
    .filter(([key, { message }]) => FR[key]?.message !== message)
    .flatMap(([, { message }]) => message.split(/\$\d| \| /)),
]
  .map((part) => part.trim())
  .filter((part) => part.length >= 12);

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const found = ENGLISH.filter((english) => text.includes(english));
  expect(found, `${where}: English on screen`).toEqual([]);
}

const PASSPHRASE = 'loutre violette à midi';

test('in a French browser every error path speaks French, never the English catalogue', async () => {
  test.setTimeout(180_000);
  const twofold = await ExtensionBrowser.launch(undefined, { lang: 'fr' });
  try {
    const popup = await twofold.openPopup();
    await popup.getByLabel(fr('passphrase'), { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel(fr('confirmPassphrase')).fill(PASSPHRASE);
    await popup.getByRole('button', { name: fr('createVault') }).click();
    await expect(popup.getByRole('button', { name: fr('lock') })).toBeVisible({ timeout: 30_000 });

    // Popup, add form: bad URI, bad base32, HOTP without a counter (the background refuses each).
    await popup.getByRole('button', { name: fr('addAccount') }).click();
    const field = popup.getByLabel(fr('otpauthUriOrSecret'));
    const alert = popup.getByRole('alert');
    for (const [text, message] of [
      ['otpauth://totp/Acme:bob?issuer=Acme', frError('URI_NO_SECRET')],
      ['otpauth://totp/Acme:bob?secret=JBSW1Y3DP8&issuer=Acme', frError('SECRET_NOT_BASE32')],
      ['otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP&issuer=Acme', frError('HOTP_NO_COUNTER')],
      [
        'otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&encoder=yandex',
        frError('ENCODER_UNSUPPORTED', 'yandex'),
      ],
    ] as const) {
      await field.fill(text);
      await popup.getByRole('button', { name: fr('save') }).click();
      await expect(alert).toHaveText(message);
      await expectNoEnglish(popup, text);
    }
    // A short key: a French warning naming its size, then an explicit "add anyway". A typed key is
    // named, and the name fields appear only once the text is no longer a URI.
    await field.fill('hello world');
    await popup.getByLabel(fr('issuer'), { exact: true }).fill('Exemple');
    await popup.getByRole('button', { name: fr('save') }).click();
    await expect(alert).toHaveText(fr('weakSecretWarning', '48'));
    await expectNoEnglish(popup, 'short key');
    await popup.getByRole('button', { name: fr('addAnyway') }).click();
    await expect(popup.getByRole('button', { name: fr('addAccount') })).toBeVisible();

    // Options, import: unsupported, damaged, entries skipped, wrong backup password.
    const options = await twofold.openOptions();
    const { text: backup } = await sendFromPage<{ text: string }>(options, 'export:backup', {
      passphrase: 'une autre phrase',
    });
    const uris = options.getByLabel(fr('otpauthUris'), { exact: true });
    const importButton = options.getByRole('button', { name: fr('importButton'), exact: true });
    const optionsAlert = options.getByRole('alert');
    for (const [text, message] of [
      ['ceci n’est pas un export', frError('IMPORT_UNSUPPORTED')],
      [
        '{"version":1,"header":{"slots":null,"params":null},"db":{"version":3}}',
        frError('IMPORT_DAMAGED_NO_LIST', 'Aegis'),
      ],
    ] as const) {
      await uris.fill(text);
      await importButton.click();
      await expect(optionsAlert).toHaveText(message);
      await expectNoEnglish(options, text);
    }

    await uris.fill(
      [
        'otpauth://totp/Acme:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme',
        'otpauth://hotp/Forge:carol?secret=GEZDGNBVGY3TQOJQ',
        'otpauth://motp/Old:dave?secret=GEZDGNBVGY3TQOJQ',
        'otpauth://totp/Weak:eve?secret=JBSWY3DPEHPK3&issuer=Weak',
      ].join('\n'),
    );
    await importButton.click();
    const skipped = options.getByRole('heading', { name: fr('skippedTitle') }).locator('xpath=..');
    await expect(skipped).toContainText(`${fr('skippedLine', '2')}: ${frError('HOTP_NO_COUNTER')}`);
    await expect(skipped).toContainText(`${fr('skippedLine', '3')}: ${frError('TYPE_MOTP')}`);
    await expect(options.getByText(fr('weakSecretRow', '64'))).toBeVisible();
    await expectNoEnglish(options, 'import preview');
    await options.getByRole('button', { name: fr('cancel') }).click();

    await uris.fill(backup);
    await importButton.click();
    // Being asked for the file's passphrase is a step, not an error: the form asks, in French.
    await expect(options.getByText(fr('filePassphrasePrompt'))).toBeVisible();
    await options.getByLabel(fr('filePassword')).fill('pas la bonne phrase');
    await options.getByRole('button', { name: fr('decrypt') }).click();
    await expect(optionsAlert).toHaveText(frError('IMPORT_BACKUP_WRONG_PASSPHRASE'), { timeout: 30_000 });
    await expectNoEnglish(options, 'wrong backup passphrase');

    // Popup: locked, then a wrong passphrase.
    await popup.getByRole('button', { name: fr('lock') }).click();
    await popup.getByLabel(fr('passphrase'), { exact: true }).fill('pas la bonne');
    await popup.getByRole('button', { name: fr('unlock') }).click();
    await expect(popup.getByRole('alert')).toHaveText(frError('WRONG_PASSPHRASE'), { timeout: 30_000 });
    await expectNoEnglish(popup, 'wrong passphrase');
  } finally {
    await twofold.close();
  }
});
