/**
 * An update in Firefox: the previous release installed as a temporary add-on and used, then this
 * build installed over it under the same add-on ID (what addons.mozilla.org's update does to the
 * files). docs/firefox.md says how Firefox keeps a temporary add-on's storage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOtpauthUri, type AccountView } from '../../lib/otp';
import {
  codesDue,
  PREVIOUS_RELEASE,
  previousReleaseBuild,
  UPGRADE_ACCOUNTS,
} from '../e2e/fixtures/previous-release.ts';
import { ADDON_ID, FIREFOX_EXTENSION_DIR, FirefoxTwofold } from './fixtures/firefox.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { field, textOf, valueOf } from './pages/query.ts';

const PASSPHRASE = 'purple otter sings at noon';
const SETTINGS = [
  ['Lock after this many idle minutes', '7'],
  ['Clear the clipboard after this many seconds', '45'],
] as const;

/** What the sync area holds (Firefox keeps it locally while no Firefox account is signed in). */
const syncArea = (popup: FirefoxPopup) =>
  popup.page.evaluate(async () => JSON.stringify(await browser.storage.sync.get(null)));

/** Every account is there, each with the code its URI gives now. */
async function expectEveryAccount(popup: FirefoxPopup, hotpCounter: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const accounts = await popup.send<AccountView[]>('accounts:list');
        const now = Date.now();
        return UPGRADE_ACCOUNTS.every(({ uri }) => {
          const shown = accounts.find((a) => a.issuer === parseOtpauthUri(uri).issuer);
          return shown !== undefined && codesDue(uri, hotpCounter, now).includes(shown.code ?? '');
        });
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** What the background says of every account, codes aside. */
async function accountsOf(popup: FirefoxPopup): Promise<Record<string, unknown>[]> {
  const accounts = await popup.send<AccountView[]>('accounts:list');
  return accounts
    .map((a) => ({ issuer: a.issuer, label: a.label, type: a.type, origin: a.origin ?? null }))
    .sort((x, y) => x.issuer.localeCompare(y.issuer));
}

/** The previous release in a fresh profile, a vault with one account of every kind. */
async function previousReleaseWithVault(): Promise<{ firefox: FirefoxTwofold; popup: FirefoxPopup }> {
  const firefox = await FirefoxTwofold.launch({ extensionDir: await previousReleaseBuild('firefox-mv3') });
  const popup = new FirefoxPopup(await firefox.openPopup());
  await popup.createVault(PASSPHRASE);
  for (const account of UPGRADE_ACCOUNTS) await popup.send('accounts:addUri', account);
  const forge = (await popup.send<AccountView[]>('accounts:list')).find((a) => a.issuer === 'Forge');
  await popup.send('accounts:nextHotp', { id: forge!.id });
  await expectEveryAccount(popup, 6);

  // Settings through the previous release's own Settings page, then sync on.
  const options = await firefox.openExtensionPage('options.html');
  for (const [label, value] of SETTINGS) {
    await field(options, label).fill(value);
    await options.keyboard.press('Tab');
  }
  await expect.poll(() => textOf(options), { timeout: 15_000 }).toContain('Saved.');
  await popup.send('sync:enable', { passphrase: PASSPHRASE });
  await expect
    .poll(async () => Object.keys(JSON.parse(await syncArea(popup)) as object).length, { timeout: 30_000 })
    .toBeGreaterThan(1);
  return { firefox, popup };
}

describe(`Firefox: an update from release ${PREVIOUS_RELEASE.version}`, () => {
  let firefox: FirefoxTwofold | undefined;
  afterEach(async () => {
    await firefox?.close();
    firefox = undefined;
  });

  it('this build installed over the previous one (same add-on ID) keeps every account, code, setting and sync', async () => {
    const previous = await previousReleaseWithVault();
    firefox = previous.firefox;
    const before = await accountsOf(previous.popup);

    // The update: the same add-on ID, this build's files, in the same running Firefox.
    expect(await firefox.browser.installExtension(FIREFOX_EXTENSION_DIR)).toBe(ADDON_ID);
    const popup = new FirefoxPopup(await firefox.openPopup());
    const served = await popup.page.evaluate(async () => (await fetch('/manifest.json')).text());
    const previousManifest = await previousReleaseBuild('firefox-mv3').then((dir) =>
      readFile(join(dir, 'manifest.json'), 'utf8'),
    );
    expect(JSON.parse(served)).toEqual(
      JSON.parse(await readFile(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')),
    );
    expect(JSON.parse(served)).not.toEqual(JSON.parse(previousManifest));
    // The session key went with the previous background: locked, the vault still there.
    await popup.expectText('Unlock');
    await popup.unlock(PASSPHRASE);
    expect(await accountsOf(popup)).toEqual(before);
    await expectEveryAccount(popup, 6);

    // Settings kept.
    const options = await firefox.openExtensionPage('options.html');
    for (const [label, value] of SETTINGS) {
      await expect.poll(() => valueOf(options, label), { timeout: 15_000 }).toBe(value);
    }
    // Sync continues: still on, and a new account reaches the sync area.
    expect(await popup.send<{ enabled: boolean }>('sync:status')).toMatchObject({ enabled: true });
    const syncedBefore = await syncArea(popup);
    await popup.send('accounts:addUri', {
      uri: 'otpauth://totp/After:update?secret=NBSWY3DPEB3W64TMMQQQ&issuer=After',
    });
    await expect.poll(() => syncArea(popup), { timeout: 30_000 }).not.toBe(syncedBefore);
  }, 300_000);
});
