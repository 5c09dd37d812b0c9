/**
 * An update as a user gets it: the previous release installed and used (accounts of every kind,
 * settings, a passkey, sync), then its files replaced by this build under the same extension ID,
 * and the browser started again. Nothing may be lost.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import { EXTENSION_DIR, ExtensionBrowser } from '../fixtures/extension';
import { extensionIdOfKey } from '../policy/policy-file';
import {
  installInto,
  PREVIOUS_RELEASE,
  previousReleaseBuild,
  codesDue,
  UPGRADE_ACCOUNTS as ACCOUNTS,
  UPGRADE_TEST_KEY,
} from '../fixtures/previous-release';
import { sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';
import { VirtualAuthenticators } from '../pages/virtual-authenticator';
import { parseOtpauthUri, type AccountView } from '../../../lib/otp';

const PASSPHRASE = 'purple otter sings at noon';

/** What the popup's data says of every account: names, binding, and the code due now. */
async function snapshot(page: Page): Promise<Record<string, unknown>[]> {
  const accounts = await sendFromPage<AccountView[]>(page, 'accounts:list');
  return accounts
    .map((a) => ({ issuer: a.issuer, label: a.label, type: a.type, origin: a.origin ?? null }))
    .sort((x, y) => x.issuer.localeCompare(y.issuer));
}

/** Every account's code is the one its URI gives now (or two seconds later, at a period's end). */
async function expectCodesOfEveryAccount(page: Page, hotpCounter: number): Promise<void> {
  await expect(async () => {
    const accounts = await sendFromPage<AccountView[]>(page, 'accounts:list');
    expect(accounts).toHaveLength(ACCOUNTS.length);
    const now = Date.now();
    for (const { uri } of ACCOUNTS) {
      const { issuer } = parseOtpauthUri(uri);
      const shown = accounts.find((a) => a.issuer === issuer);
      expect(codesDue(uri, hotpCounter, now), issuer).toContain(shown?.code);
    }
  }).toPass({ timeout: 15_000 });
}

/** The browser runs the new files: the manifest it serves is this build's, not the previous one's. */
async function expectServedManifestOfThisBuild(page: Page, folder: string, previous: string): Promise<void> {
  const served = await page.evaluate(async () => (await fetch('/manifest.json')).text());
  expect(served).toBe(await readFile(join(folder, 'manifest.json'), 'utf8'));
  expect(served).not.toBe(await readFile(join(previous, 'manifest.json'), 'utf8'));
}

/**
 * `TWOFOLD_STORED_FIXTURES=1`: writes what the previous release stored to
 * tests/fixtures/stored/<version>/, the fixtures every later build must open
 * (tests/unit/release/stored-formats.test.ts). Test passphrase and secrets only.
 */
async function keepStoredFormat(page: Page): Promise<void> {
  const folder = join('tests', 'fixtures', 'stored', PREVIOUS_RELEASE.version);
  await mkdir(folder, { recursive: true });
  const write = (name: string, value: unknown) =>
    writeFile(join(folder, name), `${JSON.stringify(value, null, 2)}\n`);
  await write('local.json', await page.evaluate(() => chrome.storage.local.get(null)));
  await write('sync.json', await page.evaluate(() => chrome.storage.sync.get(null)));
  await write('about.json', {
    release: PREVIOUS_RELEASE,
    passphrase: PASSPHRASE,
    accounts: ACCOUNTS,
    hotpCounter: 6,
    settings: { autoLockMinutes: 7, clipboardClearSeconds: 45 },
    passkeys: ['This laptop'],
  });
}

test(`an update from release ${PREVIOUS_RELEASE.version} keeps every account, setting, passkey and sync`, async () => {
  // Builds the previous release once (kept in .output/), then two browser runs with Argon2id.
  test.setTimeout(420_000);
  const folder = await mkdtemp(join(tmpdir(), 'twofold-installed-'));
  const previous = await previousReleaseBuild('chrome-mv3');
  await installInto(previous, folder);
  const first = await ExtensionBrowser.launch(undefined, { extensionDir: folder });
  try {
    expect(first.extensionId).toBe(extensionIdOfKey(UPGRADE_TEST_KEY));
    const page = await first.context.newPage();
    const authenticators = await VirtualAuthenticators.attach(page);
    await authenticators.add({ transport: 'internal' });
    await page.goto(first.extensionUrl('popup.html'));
    expect(await page.evaluate(() => chrome.runtime.getManifest().version)).toBe(PREVIOUS_RELEASE.version);
    const popup = new PopupPage(page);
    await popup.createVault(PASSPHRASE);
    for (const account of ACCOUNTS) await sendFromPage(page, 'accounts:addUri', account);
    const forge = (await sendFromPage<AccountView[]>(page, 'accounts:list')).find(
      (a) => a.issuer === 'Forge',
    );
    await sendFromPage(page, 'accounts:nextHotp', { id: forge!.id });
    await expectCodesOfEveryAccount(page, 6);

    // Settings, a passkey and sync, through the previous release's own Settings page.
    await page.goto(first.extensionUrl('options.html'));
    await page.getByLabel('Lock after this many idle minutes').fill('7');
    await page.getByLabel('Lock after this many idle minutes').blur();
    await page.getByLabel('Clear the clipboard after this many seconds').fill('45');
    await page.getByLabel('Clear the clipboard after this many seconds').blur();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' }).first()).toBeVisible();
    await page.getByLabel('Passkey name').fill('This laptop');
    await page.getByRole('button', { name: 'Set up passkey unlock' }).click();
    await expect(page.getByRole('status').filter({ hasText: /This laptop/ })).toBeVisible({
      timeout: 30_000,
    });
    await sendFromPage(page, 'sync:enable', { passphrase: PASSPHRASE });
    await expect
      .poll(async () => Object.keys(await page.evaluate(() => chrome.storage.sync.get(null))).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(1);
    const before = await snapshot(page);
    if (process.env.TWOFOLD_STORED_FIXTURES) await keepStoredFormat(page);

    // The update as the browser applies it while running: this build's files in the same folder
    // (same key, so the same ID), installed over the previous release. The tab keeps the virtual
    // authenticator (its passkey's PRF secret cannot be carried to another one), so the passkey
    // made by the previous release must unlock this build.
    await page.goto('about:blank');
    await installInto(EXTENSION_DIR, folder);
    await first.installAgainFromFolder();
    expect(first.extensionId).toBe(extensionIdOfKey(UPGRADE_TEST_KEY));
    await page.goto(first.extensionUrl('popup.html'));
    await expectServedManifestOfThisBuild(page, folder, previous);
    await page.getByRole('button', { name: 'Unlock with passkey' }).click();
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 30_000 });
    expect(await snapshot(page)).toEqual(before);
    await expectCodesOfEveryAccount(page, 6);

    // Then the browser quits and starts again on the same profile, running the new files.
    await first.restart();
    expect(first.extensionId).toBe(extensionIdOfKey(UPGRADE_TEST_KEY));
    const tab = await first.context.newPage();
    await tab.goto(first.extensionUrl('popup.html'));
    await expectServedManifestOfThisBuild(tab, folder, previous);
    // The passkey is still offered first (the authenticator that holds it stayed in the browser
    // run before; it unlocked this build there).
    await expect(tab.getByRole('button', { name: 'Unlock with passkey' })).toBeVisible({ timeout: 30_000 });
    await tab.getByRole('button', { name: 'Use passphrase instead' }).click();
    const updatedPopup = new PopupPage(tab);
    await updatedPopup.unlock(PASSPHRASE);
    await expect(tab.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 30_000 });
    expect(await snapshot(tab)).toEqual(before);
    await expectCodesOfEveryAccount(tab, 6);

    // Settings kept.
    await tab.goto(first.extensionUrl('options.html'));
    await expect(tab.getByLabel('Lock after this many idle minutes')).toHaveValue('7');
    await expect(tab.getByLabel('Clear the clipboard after this many seconds')).toHaveValue('45');
    await expect(
      tab.getByRole('list', { name: 'Passkeys that unlock Twofold' }).getByRole('listitem'),
    ).toHaveText([/This laptop/]);

    // Sync continues: still on, and a new account reaches the sync area.
    expect(await sendFromPage<{ enabled: boolean }>(tab, 'sync:status')).toMatchObject({ enabled: true });
    const syncedBefore = await tab.evaluate(() => chrome.storage.sync.get(null));
    await sendFromPage(tab, 'accounts:addUri', {
      uri: 'otpauth://totp/After:update?secret=NBSWY3DPEB3W64TMMQQQ&issuer=After',
    });
    await expect
      .poll(async () => JSON.stringify(await tab.evaluate(() => chrome.storage.sync.get(null))), {
        timeout: 30_000,
      })
      .not.toBe(JSON.stringify(syncedBefore));
  } finally {
    await first.close();
    await rm(folder, { recursive: true, force: true });
  }
});
