import type { Page } from '@playwright/test';
import { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/sandbox';
import { sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';
import {
  POLICY_EXTENSION_DIR,
  POLICY_EXTENSION_ID,
  expectPolicies,
  reloadPolicies,
  removePolicy,
  writePolicy,
} from '../policy/policy-file';

const LONG_PASSPHRASE = 'purple otter sings at noon by the river';
/** 26 characters: fine for Twofold itself, short of a 30-character policy. */
const SHORT_PASSPHRASE = 'purple otter sings at noon';
const ACCOUNT_URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const WIDGET_URI = 'otpauth://totp/Widgets:tester?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Widgets';
const DAY_MS = 24 * 60 * 60_000;

/** The page Twofold opens in a new tab when `click` runs (the popup's buttons open Settings). */
async function pageOpenedBy(twofold: ExtensionBrowser, click: () => Promise<void>): Promise<Page> {
  const [page] = await Promise.all([twofold.context.waitForEvent('page'), click()]);
  await page.waitForLoadState();
  return page;
}

/** A real machine policy file, read by Chromium for the pinned-ID policy-test build. */
const POLICY = {
  autofillSites: ['https://intranet.example.com'],
  autolockMinutes: 7,
  maxClipboardClearSeconds: 10,
  minPassphraseLength: 30,
  passkeyUnlock: 'forbidden',
  sync: 'forbidden',
  plainExport: 'forbidden',
  import: 'forbidden',
  rememberDevice: 'forbidden',
  welcomePage: false,
  supportUrl: 'https://help.example.com/twofold',
  // Invalid on purpose: listed in Settings › About, and Twofold still starts.
  clockCheck: 'sometimes',
};

test.describe('managed policies from a real Chromium policy file', () => {
  // Each test writes its own policy file before its browser starts; none outlives its test.
  test.describe.configure({ mode: 'serial' });
  test.afterEach(() => removePolicy());

  test('every managed setting is applied, disabled and said to be set by the organisation', async () => {
    writePolicy(POLICY);
    const twofold = await ExtensionBrowser.launch(undefined, { extensionDir: POLICY_EXTENSION_DIR });
    try {
      expect(twofold.extensionId).toBe(POLICY_EXTENSION_ID);
      // welcomePage false: once the background has read the policy (Settings shows the fixed
      // auto-lock), the first popup has the set-up form and no welcome.
      const early = await twofold.openOptions();
      await expect(early.getByLabel('Lock after this many idle minutes')).toHaveValue('7');
      await early.close();
      const popup = new PopupPage(await twofold.openPopup());
      await expect(popup.page.getByLabel('Confirm passphrase')).toBeVisible();
      await expect(popup.page.getByRole('heading', { name: 'Welcome to Twofold' })).toHaveCount(0);
      // minPassphraseLength: a passphrase Twofold itself accepts is refused, with the minimum.
      await popup.page.getByLabel('Passphrase', { exact: true }).fill('purple otter sings at noon');
      await popup.page.getByLabel('Confirm passphrase').fill('purple otter sings at noon');
      await popup.page.getByRole('button', { name: 'Create vault' }).click();
      await expect(
        popup.page.getByText('Your organisation requires a passphrase of at least 30 characters.'),
      ).toBeVisible();
      await popup.createVault(LONG_PASSPHRASE);
      // autofillSites: the popup says a policy site still lacks host access.
      await expect(
        popup.page.getByText(/Your organisation turned autofill on for intranet\.example\.com/),
      ).toBeVisible();

      const options = await twofold.openOptions();
      const autoLock = options.getByLabel('Lock after this many idle minutes');
      await expect(autoLock).toBeDisabled();
      await expect(autoLock).toHaveValue('7');
      await expect(options.getByText('Set by your organisation').first()).toBeVisible();
      await expect(options.getByRole('checkbox', { name: /Remember this device/ })).toBeDisabled();
      await expect(options.getByRole('checkbox', { name: /Remember this device/ })).not.toBeChecked();
      // maxClipboardClearSeconds: above the maximum is refused.
      await expect(options.getByLabel(/clipboard/i).first()).toHaveAttribute('max', '10');
      await expect(
        options.getByText('Sync is turned off by your organisation.', { exact: false }),
      ).toBeVisible();
      await expect(options.getByRole('checkbox', { name: 'Sync accounts through this browser' })).toHaveCount(
        0,
      );
      await expect(options.getByText('Importing accounts is turned off by your organisation.')).toBeVisible();
      await expect(
        options.getByText(/Clear-text exports .* are turned off by your organisation/),
      ).toBeVisible();
      await expect(options.getByRole('button', { name: 'Set up passkey unlock' })).toHaveCount(0);
      // Settings › About: the invalid value, and the organisation's support page.
      await expect(
        options.getByText("Your organisation's policy `clockCheck` has an invalid value"),
      ).toBeVisible();
      await expect(options.getByRole('link', { name: 'Contact your IT support' })).toHaveAttribute(
        'href',
        'https://help.example.com/twofold',
      );
      // The background refuses what the page hides.
      await expect(sendFromPage(options, 'export:accounts')).rejects.toThrow(/does not allow/);
      await expect(
        sendFromPage(options, 'import:preview', { text: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' }),
      ).rejects.toThrow(/does not allow/);
      // passkeyUnlock forbidden: without the options no page offers a passkey, set-up or unlock.
      await expect(sendFromPage(options, 'passkey:options')).rejects.toThrow(/does not allow/);
      await expect(sendFromPage(options, 'sync:enable', { passphrase: LONG_PASSPHRASE })).rejects.toThrow(
        /does not allow/,
      );
    } finally {
      await twofold.close();
      removePolicy();
    }
  });

  test('limits the user chooses within, what the organisation asks after unlock, and a policy changed at run time', async () => {
    test.setTimeout(300_000);
    const policy = {
      maxAutolockMinutes: 5,
      backupReminderDays: 1,
      clockCheck: 'off',
      passkeyUnlock: 'required',
    };
    writePolicy(policy);
    const twofold = await ExtensionBrowser.launch(undefined, { extensionDir: POLICY_EXTENSION_DIR });
    try {
      const popup = new PopupPage(await twofold.openPopup());
      await popup.createVault(SHORT_PASSPHRASE);
      // passkeyUnlock required: right after the first unlock the popup leads to the passkey set-up.
      await expect(
        popup.page.getByText('Your organisation requires unlocking with a passkey.', { exact: false }),
      ).toBeVisible();
      const options = await pageOpenedBy(twofold, () =>
        popup.page.getByRole('button', { name: 'Set up a passkey' }).click(),
      );
      expect(options.url()).toMatch(/options\.html#passkey$/);
      await expect(options.getByLabel('Passkey name')).toBeFocused();

      // maxAutolockMinutes: the user's 15 is brought down to 5; the field stays theirs, within 1–5.
      const autoLock = options.getByLabel('Lock after this many idle minutes');
      await expect(autoLock).toBeEnabled();
      await expect(autoLock).toHaveValue('5');
      await expect(autoLock).toHaveAttribute('max', '5');
      await expect(autoLock).toHaveAttribute('min', '1');

      // clockCheck off: the switch is off, fixed, and the background refuses to move it.
      const clock = options.getByTestId('clock-section');
      const clockSwitch = clock.getByRole('switch', { name: "Check the site's clock when filling a code" });
      await expect(clockSwitch).toBeDisabled();
      await expect(clockSwitch).not.toBeChecked();
      await expect(clock.getByText('Set by your organisation')).toBeVisible();
      await expect(sendFromPage(options, 'clock:setEnabled', { enabled: true })).rejects.toThrow(
        /does not allow/,
      );

      // backupReminderDays 1: dismissed, the nudge stays away; a day after the dismissal it is back.
      const list = new PopupPage(await twofold.openPopup());
      await list.addAccount(ACCOUNT_URI);
      await expect(list.code('ACME (alice)')).toBeVisible();
      const nudge = list.page.getByRole('complementary', { name: 'Keep access if you lose this device' });
      await expect(nudge).toBeVisible();
      await nudge.getByRole('button', { name: 'Dismiss' }).click();
      await expect(nudge).toHaveCount(0);
      await list.page.reload();
      await expect(list.code('ACME (alice)')).toBeVisible();
      await expect(nudge).toHaveCount(0);
      // Two days pass (the dismissal's stored date moved back).
      await twofold.serviceWorker.evaluate(async (days) => {
        const { settings } = await chrome.storage.local.get<{
          settings: { backupNudgeDismissedAt: number };
        }>('settings');
        settings.backupNudgeDismissedAt -= days;
        await chrome.storage.local.set({ settings });
      }, 2 * DAY_MS);
      await list.page.reload();
      await expect(list.code('ACME (alice)')).toBeVisible();
      await expect(nudge).toBeVisible();

      // At run time: the file rewritten, Chromium reloads it; an open Settings page follows at once.
      writePolicy({ ...policy, clockCheck: 'on', minPassphraseLength: 30 });
      await reloadPolicies(twofold.context);
      await expectPolicies(options, { ...policy, clockCheck: 'on', minPassphraseLength: 30 });
      await expect(clockSwitch).toBeChecked();
      await expect(clockSwitch).toBeDisabled();

      // minPassphraseLength on an existing vault: it still opens, and the unlock asks for a change.
      const asked = (page: Page) =>
        page.getByRole('alert').filter({
          hasText: 'Your organisation now requires a passphrase of at least 30 characters',
        });
      await list.lock();
      // First in the unlock window a page opens: it stays open to ask, instead of closing at once.
      const unlockWindow = new PopupPage(await twofold.context.newPage());
      await unlockWindow.page.goto(twofold.extensionUrl('popup.html?window=unlock'));
      await unlockWindow.unlock(SHORT_PASSPHRASE);
      await expect(asked(unlockWindow.page)).toBeVisible({ timeout: 60_000 });
      await expect(
        asked(unlockWindow.page).getByRole('button', { name: 'Change passphrase now' }),
      ).toBeVisible();
      await expect(unlockWindow.page.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
      await unlockWindow.page.close();
      await sendFromPage(list.page, 'vault:lock');
      await list.page.reload();
      // Then in the popup.
      await list.unlock(SHORT_PASSPHRASE);
      const ask = asked(list.page);
      await expect(ask).toBeVisible({ timeout: 60_000 });
      await expect(list.code('ACME (alice)')).toBeVisible();
      const change = await pageOpenedBy(twofold, () =>
        ask.getByRole('button', { name: 'Change passphrase now' }).click(),
      );
      expect(change.url()).toMatch(/options\.html#passphrase$/);
      await expect(change.getByLabel('Current passphrase')).toBeFocused();
      await change.getByLabel('Current passphrase').fill(SHORT_PASSPHRASE);
      await change.getByLabel('New passphrase', { exact: true }).fill(LONG_PASSPHRASE);
      await change.getByLabel('Confirm new passphrase').fill(LONG_PASSPHRASE);
      await change.getByRole('button', { name: 'Change passphrase' }).click();
      await expect(change.getByText('Passphrase changed. Use the new one from now on.')).toBeVisible({
        timeout: 60_000,
      });
      const after = new PopupPage(await twofold.openPopup());
      await after.lock();
      await after.unlock(LONG_PASSPHRASE);
      await expect(after.code('ACME (alice)')).toBeVisible({ timeout: 60_000 });
      await expect(after.page.getByText(/requires a passphrase of at least/)).toHaveCount(0);
    } finally {
      await twofold.close();
    }
  });

  test('autofillSites: the popup asks for access to the policy site; once the user allows it, that site is filled', async ({
    sandbox,
  }) => {
    test.setTimeout(180_000);
    // A site outside the preset: Twofold has no host access there until the user allows it.
    const site = new URL(sandbox.url.replace('m2mmanager', 'other')).origin;
    writePolicy({ autofillSites: [site] });
    const twofold = await ExtensionBrowser.launch(undefined, { extensionDir: POLICY_EXTENSION_DIR });
    try {
      const popup = await PopupPage.withNewVault(twofold, LONG_PASSPHRASE);
      await popup.addAccount(WIDGET_URI, site);
      await expect(popup.code('Widgets (tester)')).toBeVisible();
      await expectPolicies(popup.page, { autofillSites: [site] });
      const host = new URL(site).host;
      await popup.page.reload();
      const allow = popup.page.getByRole('button', { name: `Enable autofill on ${host}`, exact: true });
      await expect(allow).toBeVisible({ timeout: 15_000 });

      // Without access, nothing runs there.
      const widget = new URL('/widgets/otp', site).href;
      const before = await twofold.context.newPage();
      await before.goto(widget);
      await before.waitForTimeout(2_000);
      await expect(before.getByLabel('Enter your one-time code')).toHaveValue('');

      // The user clicks, and accepts the browser's dialog (written into the profile, as
      // site-access.spec does): Twofold registers itself there and fills.
      await allow.click();
      await twofold.grantHostPermissionAndRestart(`${site}/*`);
      const unlock = new PopupPage(await twofold.openPopup());
      await unlock.unlock(LONG_PASSPHRASE);
      await expect(unlock.code('Widgets (tester)')).toBeVisible({ timeout: 60_000 });
      await expect(unlock.page.getByRole('button', { name: `Enable autofill on ${host}` })).toHaveCount(0);
      const after = await twofold.context.newPage();
      await after.goto(widget);
      await expect(after.getByLabel('Enter your one-time code')).toHaveValue(/^\d{6}$/, {
        timeout: 35_000,
      });
    } finally {
      await twofold.close();
    }
  });

  test('blockedSites: nothing is filled there while the policy holds; lifted at run time, it is', async ({
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const origin = new URL(sandbox.url).origin;
    writePolicy({ blockedSites: [origin] });
    const twofold = await ExtensionBrowser.launch(undefined, { extensionDir: POLICY_EXTENSION_DIR });
    try {
      const popup = await PopupPage.withNewVault(twofold, LONG_PASSPHRASE);
      await popup.addAccount(WIDGET_URI, sandbox.url);
      await expect(popup.code('Widgets (tester)')).toBeVisible();
      await expectPolicies(popup.page, { blockedSites: [origin] });

      const page = await twofold.context.newPage();
      await page.goto(new URL('/widgets/otp', sandbox.url).href);
      const field = page.getByLabel('Enter your one-time code');
      await expect(field).toBeVisible();
      // An absence needs a wait: unblocked, this very page is filled well within it (below).
      await page.waitForTimeout(8_000);
      await expect(field).toHaveValue('');

      writePolicy({ backupReminderDays: 30 });
      await reloadPolicies(twofold.context);
      await expectPolicies(popup.page, { backupReminderDays: 30 });
      await page.reload();
      await expect(field).toHaveValue(/^\d{6}$/, { timeout: 35_000 });
    } finally {
      await twofold.close();
    }
  });
});
