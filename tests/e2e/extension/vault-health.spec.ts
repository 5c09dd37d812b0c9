import { expect, test } from '../fixtures/twofold';
import { sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';
import { decodeEnvelope, encodeEnvelope, FORMAT_VERSION } from '../../../lib/vault/envelope';

const PASSPHRASE = 'purple otter sings at noon';
const SECRETS: Record<string, string> = { alice: 'JBSWY3DPEHPK3PXP', bob: 'GEZDGNBVGY3TQOJQ' };
const uri = (name: string) => `otpauth://totp/Example:${name}?secret=${SECRETS[name]}&issuer=Example`;

test.describe('vault health notices in the popup', () => {
  test('restoring older vault.A/vault.B copies is noticed on unlock and acknowledged', async ({
    twofold,
  }) => {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(uri('alice'));
    await expect(popup.code('Example (alice)')).toBeVisible();
    const older = await popup.page.evaluate(() => chrome.storage.local.get(['vault.A', 'vault.B']));
    await popup.addAccount(uri('bob'));
    await expect(popup.code('Example (bob)')).toBeVisible();
    await popup.lock();

    // The attack: the older copies come back (a file-level restore of the vault only).
    await popup.page.evaluate((copies) => chrome.storage.local.set(copies), older);
    await popup.unlock(PASSPHRASE);
    const warning = popup.page
      .getByRole('alert')
      .filter({ hasText: /older than one Twofold already opened/ });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('version 2, but version 3 was seen');
    await expect(popup.code('Example (bob)')).toHaveCount(0);

    await popup.page.reload();
    await expect(warning).toBeVisible(); // stays until answered
    await popup.page.getByRole('button', { name: 'I understand, keep this vault' }).click();
    await expect(warning).toHaveCount(0);
    await popup.lock();
    await popup.unlock(PASSPHRASE);
    await expect(popup.code('Example (alice)')).toBeVisible();
    await expect(warning).toHaveCount(0);
  });

  test('set-aside damaged copies are deleted after the user is told and agrees', async ({ twofold }) => {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(uri('alice')); // revision 2 in vault.B; vault.A holds revision 1
    await expect(popup.code('Example (alice)')).toBeVisible();
    await popup.page.evaluate(async () => {
      const a = String((await chrome.storage.local.get('vault.A'))['vault.A']);
      const middle = a.length >> 1;
      const flipped = a[middle] === 'A' ? 'B' : 'A';
      await chrome.storage.local.set({ 'vault.A': a.slice(0, middle) + flipped + a.slice(middle + 1) });
    });
    await popup.addAccount(uri('bob')); // written over the damaged copy, which is set aside first
    await expect(popup.code('Example (bob)')).toBeVisible();
    await popup.page.reload();
    const notice = popup.page
      .getByRole('status')
      .filter({ hasText: /set aside 1 damaged copy of your vault/ });
    await expect(notice).toBeVisible();
    await popup.page.getByRole('button', { name: 'Delete the set-aside copies' }).click();
    await expect(notice).toHaveCount(0);
    const keys = await popup.page.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
    expect(keys.filter((k) => k.startsWith('vault.quarantine.'))).toEqual([]);
    await expect(popup.code('Example (bob)')).toBeVisible();
  });

  test('a vault a newer Twofold saved opens read-only: the popup says so, and nothing is written', async ({
    twofold,
  }) => {
    const popup = new PopupPage(await twofold.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(uri('alice')); // revision 2 in vault.B
    await expect(popup.code('Example (alice)')).toBeVisible();
    await popup.lock();
    // A newer Twofold saves revision 3 over vault.A, in a format this build does not know.
    const { 'vault.B': b } = await popup.page.evaluate(() => chrome.storage.local.get('vault.B'));
    const copy = await decodeEnvelope(b);
    const newer = await encodeEnvelope(
      { ...copy.header, v: FORMAT_VERSION + 1, revision: copy.header.revision + 1 },
      copy.iv,
      copy.ciphertext,
    );
    await popup.page.evaluate((value) => chrome.storage.local.set({ 'vault.A': value }), newer);
    const before = await popup.page.evaluate(() => chrome.storage.local.get(['vault.A', 'vault.B']));

    await popup.unlock(PASSPHRASE);
    await expect(popup.code('Example (alice)')).toBeVisible();
    await expect(
      popup.page.getByRole('status').filter({ hasText: /A newer version of Twofold saved this vault/ }),
    ).toBeVisible();
    await expect(sendFromPage(popup.page, 'accounts:addUri', { uri: uri('bob') })).rejects.toThrow(
      /newer version of Twofold/,
    );
    expect(await popup.page.evaluate(() => chrome.storage.local.get(['vault.A', 'vault.B']))).toEqual(before);
  });
});
