import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Page } from '@playwright/test';
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
    await expect(options.previewItems().nth(1)).toContainText('Same name, other secret');
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
    const repeats = options.previewItems().filter({ hasText: 'Same key as row 1: not added twice' });
    await expect(repeats).toHaveCount(19);
    for (const box of await repeats.getByRole('checkbox').all()) {
      await expect(box).toBeDisabled();
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
