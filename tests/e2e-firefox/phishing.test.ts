import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { codeAt } from './pages/codes.ts';
import { newWindowPage } from './pages/new-window.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import {
  chooseMenuItem,
  closeToolbarPopup,
  pressShortcut,
  toolbarPopupText,
} from './pages/browser-chrome.ts';
import { FirefoxPrompt } from './pages/prompt.ts';
import { button, textOf } from './pages/query.ts';

const PASSPHRASE = 'purple otter sings at noon';
const ENROLLED =
  'otpauth://totp/M2Mmanager:john.smith%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=M2Mmanager';
/** The sandbox host with "m" typed as "rn": the lookalike any detector flags. */
const LOOKALIKE_HOST = 'm2rnmanager.localhost';

/** Debian's French language pack for Firefox ESR (firefox-esr-l10n-fr), when installed. */
const LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';
const hasFrench =
  existsSync(LANGPACKS) && readdirSync(LANGPACKS).some((name) => name.startsWith('langpack-fr@'));

const WORDS = {
  en: {
    title: 'Not the site you enrolled on',
    copyAnyway: 'Copy anyway',
    code: 'Code for M2Mmanager (john.smith@example.com):',
    close: 'Close',
    blocked: 'Not copied: this page imitates',
  },
  fr: {
    title: 'Ce n’est pas le site où vous avez activé ce code',
    copyAnyway: 'Copier quand même',
    code: 'Code pour M2Mmanager (john.smith@example.com)\u00a0:',
    close: 'Fermer',
    // The page text is read with its spaces collapsed (the no-break space too).
    blocked: 'Code non copié : cette page imite',
  },
} as const;

/**
 * The user enabled Twofold on `host` (the browser's prompt is off in these tests; the request
 * still needs a real click): Twofold may read that tab's address, and runs there.
 */
async function enableSite(setup: FirefoxPopup, host: string): Promise<void> {
  await setup.page.evaluate((origin) => {
    const grant = document.createElement('button');
    grant.textContent = 'Grant';
    grant.addEventListener('click', () => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      void ext.permissions.request({ origins: [`${origin}/*`] });
    });
    document.body.prepend(grant);
    // Firefox's match patterns take no port.
  }, `http://${host}`);
  await button(setup.page, 'Grant').click();
  const granted = () =>
    setup.page.evaluate(() => chrome.permissions.getAll().then((p) => (p.origins ?? []).join(' ')));
  await expect.poll(granted).toContain(`http://${host}/*`);
  const registered = () =>
    setup.page.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.length));
  await expect.poll(registered).toBe(1);
}

/** The hosts Firefox resolves to this machine: the sandbox, its lookalikes. */
const LOCAL_DOMAINS = `m2mmanager.localhost,phish.localhost,${LOOKALIKE_HOST}`;

/** The fill shortcut's default keys (wxt.config.ts). */
const FILL_KEYS = 'Alt+Shift+O';

describe.each([
  ['en', true],
  ['fr', hasFrench],
] as const)('Firefox (%s): the popup on a lookalike page', (lang, available) => {
  const suite = useFirefoxSuite({
    prefs: {
      'network.dns.localDomains': LOCAL_DOMAINS,
      // Lets the test read what Twofold copied (Firefox otherwise asks the user to paste).
      'dom.events.testing.asyncClipboard': true,
      ...(lang === 'fr' ? { 'intl.locale.requested': 'fr' } : {}),
    },
  });
  const words = WORDS[lang];

  it.skipIf(!available)(
    'warns with both hosts; the enrolled account’s code is copied only after "Copy anyway"',
    async () => {
      const firefox = suite.firefox;
      const sandboxOrigin = new URL(suite.sandbox.url).origin;
      const lookalikeUrl = suite.sandbox.url.replace('m2mmanager.localhost', LOOKALIKE_HOST);
      const setup = new FirefoxPopup(await firefox.openPopup());
      await setup.send('vault:create', { passphrase: PASSPHRASE });
      await setup.send('accounts:addUri', { uri: ENROLLED, website: sandboxOrigin });

      await enableSite(setup, LOOKALIKE_HOST);

      const page = await firefox.newPage();
      await page.goto(lookalikeUrl);
      await page.bringToFront();
      // Twofold's popup page in its own window, as the background opens it (the toolbar
      // button cannot be clicked through BiDi); the page it is about is the one behind it.
      const before = new Set(await firefox.browser.pages());
      await setup.page.evaluate((url) => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        void ext.windows.create({ url, type: 'popup', width: 380, height: 560, focused: true });
      }, firefox.extensionUrl('popup.html'));
      const popup = new FirefoxPopup(
        await newWindowPage(firefox.browser, before, (href) => href.endsWith('/popup.html')),
      );

      const pageHost = new URL(lookalikeUrl).host;
      const enrolledHost = new URL(suite.sandbox.url).host;
      await popup.expectText(words.title, 20_000);
      const alert = () =>
        popup.page.evaluate(
          () => document.querySelector('[data-role="lookalike"] [role="alert"]')?.textContent,
        );
      expect(await alert()).toContain(pageHost);
      expect(await alert()).toContain(enrolledHost);

      const clipboard = () => popup.page.evaluate(() => navigator.clipboard.readText());
      await popup.page.evaluate(() => navigator.clipboard.writeText('before'));
      await popup.page.locator(`button.code[aria-label^="${words.code}"]`).click();
      await popup.expectText(words.blocked);
      expect(await clipboard()).toBe('before');
      const focused = () => popup.page.evaluate(() => document.activeElement?.textContent);
      await expect.poll(focused).toBe(words.copyAnyway);

      await popup.page.keyboard.press('Enter');
      const now = Date.now();
      expect([
        codeAt(ENROLLED, now - 30_000),
        codeAt(ENROLLED, now),
        codeAt(ENROLLED, now + 30_000),
      ]).toContain(await clipboard());
      expect(await textOf(popup.page)).toContain(words.copyAnyway);
    },
  );
});

describe.each([
  ['en', true],
  ['fr', hasFrench],
] as const)('Firefox (%s): the fill shortcut and menu on a lookalike page', (lang, available) => {
  const suite = useFirefoxSuite({
    prefs: {
      'network.dns.localDomains': LOCAL_DOMAINS,
      ...(lang === 'fr' ? { 'intl.locale.requested': 'fr' } : {}),
    },
  });
  const words = WORDS[lang];

  /** Vault, an account enrolled on the sandbox, and the lookalike's code page open and in front. */
  async function atLookalike() {
    const sandboxOrigin = new URL(suite.sandbox.url).origin;
    const lookalikeOrigin = sandboxOrigin.replace('m2mmanager.localhost', LOOKALIKE_HOST);
    const setup = new FirefoxPopup(await suite.firefox.openPopup());
    await setup.send('vault:create', { passphrase: PASSPHRASE });
    await setup.send('accounts:addUri', { uri: ENROLLED, website: sandboxOrigin });
    const hosts = { page: new URL(lookalikeOrigin).host, enrolled: new URL(sandboxOrigin).host };
    const open = async () => {
      const page = await suite.firefox.newPage();
      await page.goto(`${lookalikeOrigin}/widgets/otp`);
      await page.bringToFront();
      return page;
    };
    return { setup, hosts, open };
  }

  it.skipIf(!available)(
    'on a site the user enabled: the shortcut and the menu fill nothing, the card names both hosts',
    async () => {
      const { setup, hosts, open } = await atLookalike();
      await enableSite(setup, LOOKALIKE_HOST);
      const page = await open();
      const field = 'input#otp';
      const value = () => page.$eval(field, (input) => input.value);
      const prompt = new FirefoxPrompt(page);
      const expectWarning = async () => {
        await prompt.expectText(words.title);
        expect(await prompt.text()).toContain(hosts.page);
        expect(await prompt.text()).toContain(hosts.enrolled);
        expect(await value()).toBe('');
      };
      const closeCard = async () => {
        await prompt.click(words.close);
        await expect.poll(() => prompt.count()).toBe(0);
      };
      // Twofold runs there: the card says so as soon as the code field shows.
      await expectWarning();
      await closeCard();

      await page.locator(field).click();
      await pressShortcut(page, FILL_KEYS);
      await expectWarning();
      await closeCard();

      await chooseMenuItem(page, field, 'twofold-fill-code');
      await expectWarning();
    },
  );

  it.skipIf(!available)(
    'where Twofold does not run: the shortcut and the menu open the popup with the warning, nothing filled',
    async () => {
      const { setup, hosts, open } = await atLookalike();
      const page = await open();
      const field = 'input#otp';
      const value = () => page.$eval(field, (input) => input.value);
      const popupText = () => toolbarPopupText(setup.page);
      expect(await popupText()).toBe('');

      await page.locator(field).click();
      await pressShortcut(page, FILL_KEYS);
      await expect.poll(popupText, { timeout: 20_000 }).toContain(words.title);
      expect(await popupText()).toContain(hosts.page);
      expect(await popupText()).toContain(hosts.enrolled);
      expect(await value()).toBe('');
      expect(await new FirefoxPrompt(page).count()).toBe(0);

      // The menu opens it the same way.
      await closeToolbarPopup(setup.page);
      await expect.poll(popupText).toBe('');
      await chooseMenuItem(page, field, 'twofold-fill-code');
      await expect.poll(popupText, { timeout: 20_000 }).toContain(words.title);
      expect(await value()).toBe('');
    },
  );
});
