/**
 * The phishing guard, as the user meets it: on a page imitating the site an account was enrolled
 * on, the toolbar popup says so with both hosts, and copying that account's code needs
 * "Copy anyway". In English and in a French browser.
 */
import { existsSync } from 'node:fs';
import { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/twofold';
import { chooseMenuItem, pressShortcut } from '../pages/browser-events';
import { sendFromPage } from '../pages/options-page';
import { codeAt } from '../pages/sandbox-qr';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
const ENROLLED =
  'otpauth://totp/M2Mmanager:john.smith%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=M2Mmanager';
const OTHER = 'otpauth://totp/Widgets:tester?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Widgets';
/** The sandbox host with "m" typed as "rn": the lookalike any detector flags. */
const LOOKALIKE_HOST = 'm2rnmanager.localhost';

const WORDS = {
  en: {
    title: 'Not the site you enrolled on',
    copyAnyway: 'Copy anyway',
    code: (name: string) => `Code for ${name}:`,
    blocked: 'Not copied: this page imitates',
    unlockToFill: 'Unlock Twofold to fill your code.',
    unlockTwofold: 'Unlock Twofold',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    close: 'Close',
  },
  fr: {
    title: 'Ce n’est pas le site où vous avez activé ce code',
    copyAnyway: 'Copier quand même',
    code: (name: string) => `Code pour ${name}\u00a0:`,
    blocked: 'Code non copié\u00a0: cette page imite',
    unlockToFill: 'Déverrouillez Twofold pour remplir votre code.',
    unlockTwofold: 'Déverrouiller Twofold',
    passphrase: 'Phrase secrète',
    unlock: 'Déverrouiller',
    close: 'Fermer',
  },
} as const;

// Debian's Chromium reports a French UI only with its translations (chromium-l10n).
const locales = '/usr/lib/chromium/locales';
const noFrench = existsSync(locales) && !existsSync(`${locales}/fr.pak`);

/** Chromium in `lang`, with the lookalike host resolving to the sandbox's machine. */
function launchWithLookalike(lang: 'en' | 'fr'): Promise<ExtensionBrowser> {
  return ExtensionBrowser.launch(undefined, {
    ...(lang === 'en' ? {} : { lang }),
    args: [`--host-resolver-rules=MAP ${LOOKALIKE_HOST} 127.0.0.1`],
  });
}

for (const lang of ['en', 'fr'] as const) {
  test(`${lang}: the popup on a lookalike page warns with both hosts; the enrolled account's code needs "Copy anyway"`, async ({
    sandbox,
  }) => {
    test.skip(lang === 'fr' && noFrench, 'French UI needs chromium-l10n');
    // Two browser launches' worth of steps (the toolbar popup through a second CDP connection).
    test.setTimeout(180_000);
    const words = WORDS[lang];
    const twofold = await launchWithLookalike(lang);
    try {
      await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const sandboxOrigin = new URL(sandbox.url).origin;
      const lookalikeUrl = sandbox.url.replace('m2mmanager.localhost', LOOKALIKE_HOST);
      const setup = await twofold.openPopup();
      await sendFromPage(setup, 'vault:create', { passphrase: PASSPHRASE });
      await sendFromPage(setup, 'accounts:addUri', { uri: ENROLLED, website: sandboxOrigin });
      await sendFromPage(setup, 'accounts:addUri', { uri: OTHER });
      await setup.close();

      const page = await twofold.context.newPage();
      await page.goto(lookalikeUrl);
      await expect(page).toHaveURL(new RegExp(`^http://${LOOKALIKE_HOST}:`));
      const popup = await twofold.openToolbarPopup(page);
      const pageHost = new URL(lookalikeUrl).host;
      const enrolledHost = new URL(sandbox.url).host;

      const warning = popup.getByRole('region', { name: words.title });
      await expect(warning).toBeVisible();
      await expect(warning.getByRole('alert')).toContainText(pageHost);
      await expect(warning.getByRole('alert')).toContainText(enrolledHost);

      const clipboard = () => popup.evaluate(() => navigator.clipboard.readText());
      await popup.evaluate(() => navigator.clipboard.writeText('before'));
      const enrolledCode = popup.getByRole('button', {
        name: words.code('M2Mmanager (john.smith@example.com)'),
      });
      await enrolledCode.click();
      await expect(popup.getByRole('status').filter({ hasText: words.blocked })).toContainText(enrolledHost);
      const copyAnyway = warning.getByRole('button', { name: words.copyAnyway, exact: true });
      await expect(copyAnyway).toBeFocused();
      expect(await clipboard()).toBe('before');

      // Enter in the search field copies the first row too: held back the same way.
      await popup.getByRole('searchbox').fill('john');
      await popup.getByRole('searchbox').press('Enter');
      await expect(copyAnyway).toBeFocused();
      expect(await clipboard()).toBe('before');
      await popup.getByRole('searchbox').fill('');

      // Another account's code copies as usual.
      await popup.getByRole('button', { name: words.code('Widgets (tester)') }).click();
      await expect.poll(clipboard).toMatch(expectedCode(OTHER));

      // "Copy anyway", from the keyboard: the code of the account the user tried to copy.
      await copyAnyway.focus();
      await popup.keyboard.press('Enter');
      await expect.poll(clipboard).toMatch(expectedCode(ENROLLED));
    } finally {
      await twofold.close();
    }
  });
}

for (const lang of ['en', 'fr'] as const) {
  test(`${lang}: on a lookalike site the user enabled, the unlock window, the in-page card, the shortcut and the menu warn with both hosts and fill nothing`, async ({
    sandbox,
  }) => {
    test.skip(lang === 'fr' && noFrench, 'French UI needs chromium-l10n');
    // A restart, an unlock (Argon2id) and three fills asked for.
    test.setTimeout(240_000);
    const words = WORDS[lang];
    const twofold = await launchWithLookalike(lang);
    try {
      const sandboxOrigin = new URL(sandbox.url).origin;
      const lookalikeOrigin = sandboxOrigin.replace('m2mmanager.localhost', LOOKALIKE_HOST);
      const setup = await twofold.openPopup();
      await sendFromPage(setup, 'vault:create', { passphrase: PASSPHRASE });
      await sendFromPage(setup, 'accounts:addUri', { uri: ENROLLED, website: sandboxOrigin });
      await setup.close();
      // The user enabled Twofold on the lookalike ("Enable autofill on this site", then the
      // browser's Allow, which automation cannot answer: see site-access.spec.ts).
      await twofold.grantHostPermissionAndRestart(`${lookalikeOrigin}/*`);
      // At start-up Twofold registers its script for the enabled sites; a page loaded before that has none.
      const registered = () =>
        twofold.serviceWorker.evaluate(() =>
          chrome.scripting.getRegisteredContentScripts().then((s) => s.length),
        );
      await expect.poll(registered).toBe(1);

      // After the restart Twofold is locked: the page's card offers the unlock window.
      const page = await twofold.context.newPage();
      await page.goto(`${lookalikeOrigin}/widgets/otp`);
      const field = page.getByLabel('Enter your one-time code');
      const prompt = new TwofoldPrompt(page);
      await prompt.expectText(words.unlockToFill);
      const opened = twofold.context.waitForEvent('page');
      await prompt.button(words.unlockTwofold).click();
      const unlock = await opened;
      expect(unlock.url()).toContain('popup.html?window=unlock');
      await unlock.getByLabel(words.passphrase, { exact: true }).fill(PASSPHRASE);
      await unlock.getByRole('button', { name: words.unlock, exact: true }).click();

      // Unlocked, the window does not close by itself: it says what the page behind it is.
      const pageHost = new URL(lookalikeOrigin).host;
      const enrolledHost = new URL(sandboxOrigin).host;
      const warning = unlock.getByRole('region', { name: words.title });
      await expect(warning).toBeVisible({ timeout: 60_000 });
      await expect(warning.getByRole('alert')).toContainText(pageHost);
      await expect(warning.getByRole('alert')).toContainText(enrolledHost);
      // The button closes its own window: the click may end with the page already gone.
      const closed = unlock.waitForEvent('close');
      await unlock
        .getByRole('button', { name: words.close, exact: true })
        .click()
        .catch((error: unknown) => {
          if (!unlock.isClosed()) throw error;
        });
      await closed;

      // The page asked again once unlocked: its card says why nothing was filled.
      const expectCardWarning = async () => {
        await expect(prompt.card).toContainText(words.title);
        await expect(prompt.card).toContainText(pageHost);
        await expect(prompt.card).toContainText(enrolledHost);
        await expect(field).toHaveValue('');
      };
      const closeCard = async () => {
        await prompt.button(words.close).click();
        await expect(prompt.card).toHaveCount(0);
      };
      await expectCardWarning();
      await closeCard();

      // The user asks on purpose, in the field: the shortcut, then the context menu.
      await field.click();
      await pressShortcut(twofold, page, 'fill-code');
      await expectCardWarning();
      await closeCard();
      await field.click();
      await chooseMenuItem(twofold, page, 'twofold-fill-code');
      await expectCardWarning();
    } finally {
      await twofold.close();
    }
  });
}

/** This period's code or the next one (the period may turn during the test). */
function expectedCode(uri: string): RegExp {
  const now = Date.now();
  return new RegExp(`^(${codeAt(uri, now - 30_000)}|${codeAt(uri, now)}|${codeAt(uri, now + 30_000)})$`);
}
