import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Locator, Page } from '@playwright/test';
import { decodeMigrationUri, encodeMigrationUri } from '../../../lib/otp/migration';
import { toOtpauthUri } from '../../../lib/otp/uri';
import type { OtpAccount } from '../../../lib/otp/account';
import { decodeQr } from '../../../lib/qr/decode';
import { aegisEncrypt } from '../../unit/transfer/helpers';
import { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/twofold';
import { OptionsPage, seedAccounts, sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const BACKUP_PASSPHRASE = 'blue heron at dawn';
const FIXTURES = join(process.cwd(), 'tests/unit/transfer/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
/** vectors.json: V1 TOTP SHA1/6/30, V2 TOTP SHA256/8/60, V3 HOTP SHA512/7/42 (the format docs' fields). */
const VECTORS = JSON.parse(fixture('vectors.json')) as OtpAccount[];
const NAMES = ['Example (alice@example.com)', 'Acme Corp (bob)', 'Forge (carol)'];
const STEAM_NAME = 'Steam (dave)';
const WITH_STEAM = [...NAMES, STEAM_NAME];

/** What a phone app shows for this account now (or just before or after, at a period's edge). */
function expectedCodes(account: OtpAccount): string[] {
  if (account.type === 'hotp') {
    return [new OTPAuth.HOTP({ ...account, secret: account.secret }).generate({ counter: account.counter })];
  }
  const totp = new OTPAuth.TOTP({ ...account, secret: account.secret });
  const now = Date.now();
  return [-2000, 0, 1500].map((delta) => totp.generate({ timestamp: now + delta }));
}

async function expectCodes(popup: PopupPage, accounts: OtpAccount[], names: string[]): Promise<void> {
  for (const [i, account] of accounts.entries()) {
    await expect(popup.code(names[i]!)).toBeVisible();
    expect(expectedCodes(account)).toContain(await popup.codeDigits(names[i]!));
  }
}

async function createVault(twofold: ExtensionBrowser): Promise<PopupPage> {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault(PASSPHRASE);
  return popup;
}

async function openOptions(twofold: ExtensionBrowser): Promise<OptionsPage> {
  const options = new OptionsPage(await twofold.openOptions());
  await options.unlockIfLocked(PASSPHRASE);
  return options;
}

async function accountCount(page: Page): Promise<number> {
  return (await sendFromPage<unknown[]>(page, 'accounts:list')).length;
}

test.describe('options: backup, import, export', () => {
  test('export a backup, wipe the profile, import it with its passphrase: every account is back', async ({
    twofold,
  }) => {
    // Two vaults, one backup and four backup decryptions: Argon2id (64 MiB) each time.
    test.setTimeout(180_000);
    const popup = await createVault(twofold);
    await seedAccounts(popup.page, VECTORS.map(toOtpauthUri));
    const bound =
      'otpauth://totp/M2Mmanager:jane?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ&issuer=M2Mmanager';
    await sendFromPage(popup.page, 'accounts:addUri', {
      uri: bound,
      website: 'https://m2mmanager.matooma.com',
    });
    const all = [...VECTORS, OTPAuthAccount(bound)];
    const names = [...NAMES, 'M2Mmanager (jane)'];

    const options = await openOptions(twofold);
    await expect(options.section('Sites with autofill')).toContainText('https://m2mmanager.matooma.com');
    const { name, text } = await options.exportBackup(BACKUP_PASSPHRASE);
    expect(name).toMatch(/^twofold-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(text)).toMatchObject({ format: 'twofold-backup', version: 1 });
    expect(text).not.toContain(VECTORS[0]!.secret);
    await expect(options.page.getByText(/Backup of 4 accounts downloaded/)).toBeVisible();

    // A new profile: nothing of the old one survives.
    await twofold.close();
    const fresh = await ExtensionBrowser.launch();
    try {
      const popup2 = await createVault(fresh);
      await expect(popup2.page.getByText(/No accounts yet/)).toBeVisible();
      const restore = await openOptions(fresh);

      // A corrupted copy: a clear message, nothing changed.
      const parsed = JSON.parse(text) as { data: string };
      const flipped = parsed.data.startsWith('A') ? `B${parsed.data.slice(1)}` : `A${parsed.data.slice(1)}`;
      await restore.chooseFile(name, JSON.stringify({ ...parsed, data: flipped }));
      await restore.decrypt(BACKUP_PASSPHRASE);
      await expect(restore.alert()).toHaveText(/damaged or incomplete.*Nothing was imported/);
      await restore.chooseFile(name, text.slice(0, text.length / 2));
      await expect(restore.alert()).toHaveText(/damaged or incomplete.*Nothing was imported/);
      expect(await accountCount(restore.page)).toBe(0);

      // The wrong passphrase: said so, nothing changed.
      await restore.chooseFile(name, text);
      await restore.expectPassphrasePrompt(name);
      await restore.decrypt('not the passphrase');
      await expect(restore.alert()).toHaveText(
        'Wrong passphrase for this Twofold backup. Nothing was imported.',
      );
      expect(await accountCount(restore.page)).toBe(0);

      // The right one: a preview, then everything back, bindings included.
      await restore.decrypt(BACKUP_PASSPHRASE);
      await expect(restore.page.getByRole('heading', { name: 'Twofold: 4 accounts found' })).toBeVisible();
      await expect(restore.previewItems()).toHaveCount(4);
      await expect(restore.previewItems().filter({ hasText: 'New' })).toHaveCount(4);
      await restore.addSelected(4);
      await expect(restore.section('Sites with autofill')).toContainText('https://m2mmanager.matooma.com');

      await popup2.page.reload();
      await expectCodes(popup2, all, names);
    } finally {
      await fresh.close();
    }
  });

  test('each format from its documentation imports the expected accounts, then shows duplicates', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    const options = await openOptions(twofold);
    const migration = encodeMigrationUri(
      VECTORS.filter((v) => v.type === 'totp' && v.period === 30),
      { index: 0, size: 1, id: 7 },
    );
    const qrPng = await QRCode.toBuffer(migration, { margin: 4, width: 400 });
    const cases: {
      file: string;
      contents: string | Buffer;
      mime?: string;
      format: string;
      names: string[];
    }[] = [
      {
        file: 'aegis-plain-v3.json',
        contents: fixture('aegis-plain-v3.json'),
        format: 'Aegis',
        names: WITH_STEAM,
      },
      {
        file: 'aegis-encrypted.json',
        contents: JSON.stringify(
          aegisEncrypt((JSON.parse(fixture('aegis-plain-v1.json')) as { db: unknown }).db, 'aegis pass'),
        ),
        format: 'Aegis',
        names: NAMES,
      },
      { file: '2fas-v4.2fas', contents: fixture('2fas-v4.2fas'), format: '2FAS', names: WITH_STEAM },
      { file: 'andotp.json', contents: fixture('andotp.json'), format: 'andOTP', names: WITH_STEAM },
      {
        file: 'ente.txt',
        contents: fixture('ente.txt'),
        mime: 'text/plain',
        format: 'otpauth',
        names: WITH_STEAM,
      },
      {
        file: 'bitwarden.json',
        contents: fixture('bitwarden.json'),
        format: 'Bitwarden',
        names: [NAMES[0]!, NAMES[1]!, STEAM_NAME],
      },
      {
        file: 'google-authenticator-export.png',
        contents: qrPng,
        mime: 'image/png',
        format: 'Google Authenticator',
        names: [NAMES[0]!],
      },
    ];
    for (const [i, c] of cases.entries()) {
      await options.chooseFile(c.file, c.contents, c.mime ?? 'application/json');
      if (c.file === 'aegis-encrypted.json') {
        await options.expectPassphrasePrompt(c.file);
        await options.decrypt('aegis pass');
      }
      await expect(
        options.page.getByRole('heading', {
          name: `${c.format}: ${c.names.length} ${c.names.length === 1 ? 'account' : 'accounts'} found`,
          exact: true,
        }),
      ).toBeVisible();
      for (const accountName of c.names) {
        await expect(options.previewItems().filter({ hasText: accountName })).toHaveCount(1);
      }
      if (i === 0) {
        // Steam Guard entries are imported too (5-character codes).
        await expect(options.previewItems().filter({ hasText: 'New' })).toHaveCount(4);
        await expect(options.previewItems().filter({ hasText: 'Steam · SHA1 · 5' })).toHaveCount(1);
        await options.addSelected(4);
      } else {
        // Everything is already in Twofold: nothing to add.
        await expect(options.previewItems().filter({ hasText: 'Already in Twofold' })).toHaveCount(
          c.names.length,
        );
        const none = options.page.getByRole('button', { name: 'Nothing to add' });
        await expect(none).toBeDisabled();
        await expect(none).toHaveAccessibleDescription('Every account in this file is already in Twofold.');
        await options.page.getByRole('button', { name: 'Cancel' }).click();
      }
    }
    expect(await accountCount(options.page)).toBe(4);
    await popup.page.reload();
    await expectCodes(popup, VECTORS, NAMES);
    // The popup shows Steam Guard's code: 5 characters of its own alphabet.
    await expect(popup.code(STEAM_NAME)).toHaveText(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  test('pasted otpauth URIs: preview, conflicts only if ticked, bad text changes nothing', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    await seedAccounts(popup.page, [toOtpauthUri(VECTORS[0]!)]);
    const options = await openOptions(twofold);

    await options.pasteUris('hello world, not an export');
    await expect(options.alert()).toContainText('not a format Twofold can import');
    expect(await accountCount(options.page)).toBe(1);

    const conflict = toOtpauthUri({ ...VECTORS[0]!, secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ' });
    await options.pasteUris([toOtpauthUri(VECTORS[0]!), conflict, toOtpauthUri(VECTORS[1]!)].join('\n'));
    await expect(options.previewItems()).toHaveCount(3);
    await expect(options.previewItems().nth(0)).toContainText('Already in Twofold');
    await expect(options.previewItems().nth(1)).toContainText('Same name, other key');
    await expect(options.previewItems().nth(1).getByRole('checkbox')).not.toBeChecked();
    await expect(options.previewItems().nth(2).getByRole('checkbox')).toBeChecked();
    await options.addSelected(1);
    expect(await accountCount(options.page)).toBe(2);

    await options.pasteUris(conflict);
    await options.previewItems().nth(0).getByRole('checkbox').check();
    await options.addSelected(1);
    expect(await accountCount(options.page)).toBe(3);
    // Imported accounts are bound to no site.
    await expect(options.section('Sites with autofill')).toContainText('No account is bound to a site yet.');
  });

  test('import preview: repeats in one file, HOTP counters, counts that agree, why nothing can be added', async ({
    twofold,
  }) => {
    await createVault(twofold);
    const options = await openOptions(twofold);
    const row = (i: number) => `otpauth://totp/Repeat:row${i}?secret=JBSWY3DPEHPK3PXP&issuer=Repeat`;
    const hotp = 'otpauth://hotp/Forge:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Forge&counter=42';
    await options.pasteUris([...Array.from({ length: 20 }, (_, i) => row(i + 1)), hotp].join('\n'));
    await expect(options.previewItems()).toHaveCount(21);
    const repeats = options.previewItems().filter({ hasText: 'Same key as row 1: tick to keep both' });
    await expect(repeats).toHaveCount(19);
    // Unticked, but the person may keep one anyway (one key used on two sites).
    for (const box of await repeats.getByRole('checkbox').all()) {
      await expect(box).toBeEnabled();
      await expect(box).not.toBeChecked();
    }
    await expect(options.previewItems().filter({ hasText: 'Forge (carol)' })).toContainText(
      'HOTP · SHA1 · 6 digits · counter 42',
    );
    await expect(options.previewItems().first()).toContainText('TOTP · SHA1 · 6 digits · 30 s');

    // Nothing ticked: the button says there is nothing to add, and why.
    await options.previewItems().first().getByRole('checkbox').uncheck();
    await options.previewItems().filter({ hasText: 'Forge (carol)' }).getByRole('checkbox').uncheck();
    const none = options.page.getByRole('button', { name: 'Nothing to add' });
    await expect(none).toBeDisabled();
    await expect(none).toHaveAccessibleDescription('Tick at least one account to add it.');
    await options.previewItems().first().getByRole('checkbox').check();
    await options.previewItems().filter({ hasText: 'Forge (carol)' }).getByRole('checkbox').check();

    // The preview's count is what is added.
    await options.addSelected(2);
    expect(await accountCount(options.page)).toBe(2);
  });

  test('Google Authenticator transfer codes: batches of ten, read back to the same accounts', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    const fits: OtpAccount[] = Array.from({ length: 11 }, (_, i) => ({
      type: 'totp',
      issuer: `Service ${i + 1}`,
      label: `user${i + 1}@example.com`,
      secret: new OTPAuth.Secret({ size: 20 }).base32,
      algorithm: i % 2 ? 'SHA256' : 'SHA1',
      digits: i % 3 ? 6 : 8,
      period: 30,
      counter: 0,
    }));
    // A 60-second account cannot travel this way: it is named, not dropped silently.
    await seedAccounts(popup.page, [...fits, VECTORS[1]!].map(toOtpauthUri));
    const options = await openOptions(twofold);
    const section = options.section('Export in clear');
    await section.getByLabel('I understand: show my secrets').check();
    await section.getByRole('button', { name: 'Show Google Authenticator transfer codes' }).click();
    await expect(section).toContainText('Google Authenticator cannot hold these accounts');
    await expect(section.getByRole('listitem').filter({ hasText: NAMES[1]! })).toHaveCount(1);

    const read: OtpAccount[] = [];
    for (const i of [1, 2]) {
      const canvas = section.getByRole('img', { name: `Google Authenticator transfer code ${i} of 2` });
      await expect(canvas).toBeVisible();
      const image = await canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        return { data: Array.from(d.data), width: d.width, height: d.height };
      });
      const [text] = decodeQr({ ...image, data: Uint8ClampedArray.from(image.data) });
      const batch = decodeMigrationUri(text!);
      expect(batch.batch).toMatchObject({ index: i - 1, size: 2 });
      read.push(...batch.accounts);
      if (i === 1) await section.getByRole('button', { name: 'Next' }).click();
    }
    expect(read).toEqual(fits);
  });

  test('plain exports: behind a warning and consent; URI list and one QR code at a time', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    await seedAccounts(popup.page, VECTORS.map(toOtpauthUri));
    const options = await openOptions(twofold);
    const section = options.section('Export in clear');
    await expect(section).toContainText('Anyone who sees or copies them can make your codes');
    const showList = section.getByRole('button', { name: 'Show otpauth URI list' });
    await expect(showList).toBeDisabled();
    await section.getByLabel('I understand: show my secrets').check();
    await showList.click();
    const list = await section.getByLabel('Exported otpauth URIs').inputValue();
    expect(list.trim().split('\n')).toEqual(VECTORS.map(toOtpauthUri));

    await section.getByRole('button', { name: 'Show QR codes' }).click();
    await expect(section).toContainText('Anyone who sees this QR code can copy the account');
    for (const [i, account] of VECTORS.entries()) {
      const canvas = section.getByRole('img', { name: `QR code of ${NAMES[i]}` });
      await expect(canvas).toBeVisible();
      await expect(section).toContainText(`${i + 1} of 3`);
      const image = await canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        return { data: Array.from(d.data), width: d.width, height: d.height };
      });
      const texts = decodeQr({ ...image, data: Uint8ClampedArray.from(image.data) });
      expect(texts).toEqual([toOtpauthUri(account)]);
      if (i < VECTORS.length - 1) await section.getByRole('button', { name: 'Next' }).click();
    }
    await expect(section.getByRole('button', { name: 'Next' })).toBeDisabled();
    await section.getByRole('button', { name: 'Previous' }).click();
    await expect(section).toContainText('2 of 3');
    await section.getByRole('button', { name: 'Hide' }).click();
    await expect(section.getByRole('img')).toHaveCount(0);
  });

  test('security: change passphrase, auto-lock, clipboard clearing and remember-device persist', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    const options = await openOptions(twofold);
    const security = options.section('Security');

    await security.getByLabel('Current passphrase').fill('wrong passphrase');
    await security.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
    await security.getByLabel('Confirm new passphrase').fill('a brand new passphrase');
    await security.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(security.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
    await security.getByLabel('Current passphrase').fill(PASSPHRASE);
    await security.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(security.getByText('Passphrase changed. Use the new one from now on.')).toBeVisible({
      timeout: 20_000,
    });

    const remember = security.getByLabel('Tick "Remember this device for 30 days" on M2Mmanager');
    await expect(remember).not.toBeChecked();
    await security.getByLabel('Lock after this many idle minutes').fill('5');
    await security.getByLabel('Lock after this many idle minutes').blur();
    await security.getByLabel('Clear the clipboard after this many seconds').fill('45');
    await security.getByLabel('Clear the clipboard after this many seconds').blur();
    await remember.check();
    await expect(security.getByRole('status').last()).toHaveText('Saved.');
    await options.page.reload();
    await expect(security.getByLabel('Lock after this many idle minutes')).toHaveValue('5');
    await expect(security.getByLabel('Clear the clipboard after this many seconds')).toHaveValue('45');
    await expect(remember).toBeChecked();

    await popup.page.reload();
    await popup.lock();
    await popup.unlock(PASSPHRASE);
    await expect(popup.alert()).toHaveText('Wrong passphrase. Nothing was changed.');
    await popup.unlock('a brand new passphrase');
    await expect(popup.page.getByRole('button', { name: 'Lock' })).toBeVisible({ timeout: 20_000 });
  });
});

function OTPAuthAccount(uri: string): OtpAccount {
  const parsed = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
  return {
    type: 'totp',
    issuer: parsed.issuer,
    label: parsed.label,
    secret: parsed.secret.base32,
    algorithm: 'SHA1',
    digits: parsed.digits,
    period: parsed.period,
    counter: 0,
  };
}

/** Is `locator` the focused element of its page (its window need not be the focused one)? */
async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((el) => el === document.activeElement)).toBe(true);
}

test.describe('settings: finding your way, checked numbers, sites, clock, import choices', () => {
  // Each test makes a vault and opens a few pages: slow on a loaded machine, not a timing check.
  test.describe.configure({ timeout: 180_000 });

  test('the section index reaches every section; "Back up now" opens the backup section in its first field', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    await seedAccounts(popup.page, [toOtpauthUri(VECTORS[0]!)]);
    await popup.page.reload();
    const opened = twofold.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Back up now' }).click();
    const settings = await opened;
    await settings.waitForLoadState();
    expect(new URL(settings.url()).hash).toBe('#backup');
    const passphrase = settings.getByLabel('Backup passphrase', { exact: true });
    await expect(passphrase).toBeVisible();
    await expectFocused(passphrase);

    const index = settings.getByRole('navigation', { name: 'Settings sections' });
    await expect(index.getByRole('link')).toHaveText([
      'Security',
      'Sync',
      'Sites with autofill',
      'Clock',
      'Encrypted backup',
      'Import',
      'Export in clear',
      'Recently deleted',
      'About',
    ]);
    // Keyboard: the link is followed with Enter, and Tab goes on from that section.
    await index.getByRole('link', { name: 'Import' }).focus();
    await settings.keyboard.press('Enter');
    await expectFocused(settings.getByRole('heading', { name: 'Import', level: 2 }));
    expect(new URL(settings.url()).hash).toBe('#import');
    await settings.keyboard.press('Tab');
    await expectFocused(settings.getByLabel(/^File to read/));
  });

  test('the locked settings page says "Twofold is locked" once; the import intro names every format', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    await popup.lock();
    const page = await twofold.openOptions();
    await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
    await expect(page.getByText(/Twofold is locked/)).toHaveCount(1);
    const options = new OptionsPage(page);
    await options.unlockIfLocked(PASSPHRASE);
    await expect(options.section('Import')).toContainText(
      'Twofold backups, Aegis (plain or encrypted), 2FAS (plain or encrypted), Bitwarden (JSON, encrypted JSON or CSV), andOTP, Ente (plain text export)',
    );
  });

  test('a lock delay out of range is refused next to the field, and nothing is saved', async ({
    twofold,
  }) => {
    await createVault(twofold);
    const options = await openOptions(twofold);
    const field = options.page.getByLabel('Lock after this many idle minutes');
    const saved = options.section('Security').getByRole('status').filter({ hasText: 'Saved.' });
    const stored = () =>
      options.page.evaluate(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        return (settings as { autoLockMinutes?: number } | undefined)?.autoLockMinutes;
      });
    for (const typed of ['-3', '100000', '2.5']) {
      await field.fill(typed);
      await field.press('Tab');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(
        /^Type a whole number from 0 to 1440\. Nothing was saved\./,
      );
      await expect(saved).toHaveCount(0);
      expect(await stored()).toBeUndefined();
    }
    await field.fill('30');
    await field.press('Tab');
    await expect(saved).toBeVisible();
    await expect(field).not.toHaveAttribute('aria-invalid');
    await expect(field).toHaveAccessibleDescription(/^0 locks only when you lock/);
    expect(await stored()).toBe(30);
  });

  test('a site without a dot is accepted; a bound site Twofold may not run on says so until enabled; turning a site off keeps the focus in the list', async ({
    twofold,
    sandbox,
  }) => {
    const popup = await createVault(twofold);
    await popup.addAccount(
      'otpauth://totp/NAS:admin?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=NAS',
      'http://nas:5000',
    );
    await expect(popup.code('NAS (admin)')).toBeVisible();
    const m2m = new URL(sandbox.url).origin;
    await popup.addAccount('otpauth://totp/M2M:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=M2M', m2m);
    await expect(popup.code('M2M (me)')).toBeVisible();

    let options = await openOptions(twofold);
    let sites = options
      .section('Sites with autofill')
      .getByRole('list', { name: 'Sites with autofill', exact: true });
    const nas = sites.getByRole('listitem').filter({ hasText: 'http://nas:5000' });
    await expect(nas).toContainText('Not filled yet: autofill is not enabled on this site.');
    await expect(nas.getByRole('button', { name: 'Enable autofill on http://nas:5000' })).toBeVisible();
    // The preset site works: no such warning there.
    const preset = sites.getByRole('listitem').filter({ hasText: m2m });
    await expect(preset).toBeVisible();
    await expect(preset).not.toContainText('Not filled yet');

    // The person allows the NAS (the browser's dialog answered as in site-access.spec.ts).
    await twofold.grantHostPermissionAndRestart('http://nas:5000/*');
    const unlocked = new PopupPage(await twofold.openPopup());
    await unlocked.unlock(PASSPHRASE);
    await expect(unlocked.code('NAS (admin)')).toBeVisible();
    options = await openOptions(twofold);
    sites = options
      .section('Sites with autofill')
      .getByRole('list', { name: 'Sites with autofill', exact: true });
    await expect(sites.getByRole('listitem').filter({ hasText: 'http://nas:5000' })).not.toContainText(
      'Not filled yet',
    );
    await options.page.getByRole('button', { name: 'Turn off autofill on http://nas:5000' }).click();
    await expect(options.page.getByText('Autofill is off for http://nas:5000.')).toBeVisible();
    await expectFocused(options.page.getByRole('heading', { name: 'Other sites with autofill' }));
    await expect(sites.getByRole('listitem').filter({ hasText: 'http://nas:5000' })).toContainText(
      'Not filled yet: autofill is not enabled on this site.',
    );
  });

  test('a site enabled without an account is listed with its port', async ({ twofold, sandbox }) => {
    await createVault(twofold);
    const origin = `http://localhost:${new URL(sandbox.url).port}`;
    // The browser's dialog answered as in site-access.spec.ts: no account is bound to this site.
    await twofold.grantHostPermissionAndRestart(`${origin}/*`);
    const unlocked = new PopupPage(await twofold.openPopup());
    await unlocked.unlock(PASSPHRASE);
    await expect(unlocked.page.getByRole('button', { name: 'Lock' })).toBeVisible({ timeout: 20_000 });
    const options = await openOptions(twofold);
    const enabled = options.page.getByRole('list', { name: 'Other sites with autofill' });
    await expect(enabled.getByRole('listitem')).toHaveText([`${origin}Turn off autofill on ${origin}`]);
    await expect(
      enabled.getByRole('button', { name: `Turn off autofill on ${origin}`, exact: true }),
    ).toBeVisible();
  });

  test('the clock check says what it measured (5 s slow is not "in time"); a manual offset says it was saved', async ({
    twofold,
    sandbox,
    control,
  }) => {
    await control.offsetClock(5_000);
    const popup = await createVault(twofold);
    const origin = new URL(sandbox.url).origin;
    const host = new URL(sandbox.url).host;
    await popup.addAccount(
      'otpauth://totp/M2M:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=M2M',
      origin,
    );
    await expect(popup.code('M2M (me)')).toBeVisible();
    const options = await openOptions(twofold);
    const clock = options.section('Clock');
    await clock.getByRole('button', { name: "Check this computer's clock" }).click();
    await expect(clock.getByRole('status')).toHaveText(
      'Checked now. 1 site measured; what it found is listed below.',
    );
    const row = clock.getByRole('listitem').filter({ hasText: origin });
    await expect(row).toContainText(/: [456] s slow: within what sites accept, codes not adjusted/);
    await expect(row).not.toContainText('in time');

    const manual = clock.getByLabel(
      `Manual offset for ${host}, in seconds (positive when this computer is slow)`,
    );
    await manual.fill('5000');
    await clock.getByRole('button', { name: 'Save offset' }).click();
    await expect(manual).toHaveAttribute('aria-invalid', 'true');
    await expect(manual).toHaveAccessibleDescription(
      'Type a whole number from -900 to 900. Nothing was saved.',
    );
    await manual.fill('5');
    await clock.getByRole('button', { name: 'Save offset' }).click();
    await expect(clock.getByRole('status')).toHaveText(`Offset for ${host} saved: 5 s.`);
    await expect(row).toContainText('manual offset of 5 s (codes adjusted)');
    await expect(manual).not.toHaveAttribute('aria-invalid');
  });

  test('import choices: summary first, select all and none, a repeated key kept for another site, a conflict replacing the old key', async ({
    twofold,
  }) => {
    const popup = await createVault(twofold);
    await seedAccounts(popup.page, [toOtpauthUri(VECTORS[0]!)]);
    const options = await openOptions(twofold);
    const rekeyed = { ...VECTORS[0]!, secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ' };
    const shared = (label: string) =>
      `otpauth://totp/Shared:${label}?secret=ONSWG4TFOQQGC3TEEBQXGIDTMVRXEZLU&issuer=Shared`;
    await options.pasteUris(
      [toOtpauthUri(rekeyed), shared('intranet'), shared('extranet'), toOtpauthUri(VECTORS[1]!)].join('\n'),
    );
    await expect(options.previewItems()).toHaveCount(4);
    const summary = options.page.getByText(
      'New: 2 · already in Twofold: 0 · same name, other key: 1 · same key as another row: 1 · not importable: 0',
    );
    await expect(summary).toBeVisible();
    // The summary comes before the rows.
    expect(
      await summary.evaluate(
        (el) =>
          !!(
            el.compareDocumentPosition(document.querySelector('.preview-list')!) &
            Node.DOCUMENT_POSITION_FOLLOWING
          ),
      ),
    ).toBe(true);

    await options.page.getByRole('button', { name: 'Select none' }).click();
    await expect(options.page.getByRole('button', { name: 'Nothing to add' })).toBeDisabled();
    await options.page.getByRole('button', { name: 'Select all' }).click();
    for (const box of await options.previewItems().getByRole('checkbox').all())
      await expect(box).toBeChecked();

    // The conflict: keep both is the default, replace is offered.
    const conflict = options.previewItems().filter({ hasText: 'Same name, other key' });
    const choice = conflict.getByRole('group', { name: `What to do with ${NAMES[0]}` });
    await expect(choice.getByRole('radio', { name: 'Keep both' })).toBeChecked();
    await choice.getByRole('radio', { name: /^Replace the key of the account in Twofold/ }).check();

    await options.page.getByRole('button', { name: 'Add 4 selected accounts' }).click();
    await expect(options.page.getByText('3 accounts added. 1 key replaced.')).toBeVisible();
    expect(await accountCount(options.page)).toBe(4);
    // The next import starts where the focus is now.
    await expectFocused(options.page.getByLabel(/^File to read/));

    // Both rows with the shared key are there, and Example now gives the new key's codes.
    await popup.page.reload();
    await expect(popup.code('Shared (intranet)')).toBeVisible();
    await expect(popup.code('Shared (extranet)')).toBeVisible();
    await expectCodes(popup, [rekeyed], [NAMES[0]!]);
  });
});
