import { expect, test } from '@playwright/test';
import { ExtensionBrowser } from '../fixtures/extension';
import { sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';
import { POLICY_EXTENSION_DIR, POLICY_EXTENSION_ID, removePolicy, writePolicy } from '../policy/policy-file';

const LONG_PASSPHRASE = 'purple otter sings at noon by the river';

/** A real machine policy file, read by Chromium for the pinned-ID policy-test build. */
const POLICY = {
  autofillSites: ['https://intranet.example.com'],
  blockedSites: ['http://m2mmanager.localhost'],
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
  test.beforeAll(() => writePolicy(POLICY));
  test.afterAll(() => removePolicy());

  test('every managed setting is applied, disabled and said to be set by the organisation', async () => {
    const twofold = await ExtensionBrowser.launch(undefined, { extensionDir: POLICY_EXTENSION_DIR });
    try {
      expect(twofold.extensionId).toBe(POLICY_EXTENSION_ID);
      const popup = new PopupPage(await twofold.openPopup());
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
      await expect(sendFromPage(options, 'sync:enable', { passphrase: LONG_PASSPHRASE })).rejects.toThrow(
        /does not allow/,
      );
    } finally {
      await twofold.close();
      removePolicy();
    }
  });
});
