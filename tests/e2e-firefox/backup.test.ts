import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../../lib/otp/index.ts';
import type { StoredAccount } from '../../lib/otp/account.ts';
import { createBackup } from '../../lib/transfer/backup.ts';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { codeAt } from './pages/codes.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { button, field, textOf, valueOf } from './pages/query.ts';

const PASSPHRASE = 'purple otter sings at noon';
const BACKUP_PASSPHRASE = 'backup passphrase for the test';
const URIS = [
  'otpauth://totp/Widgets:tester?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Widgets',
  'otpauth://totp/Example:alice%40example.com?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ&issuer=Example',
];

/** A Twofold backup made outside the browser; the first account is bound to `origin`. */
async function backupFile(origin: string): Promise<{ dir: string; path: string }> {
  const now = Date.now();
  const accounts: StoredAccount[] = URIS.map((uri, index) => ({
    ...parseOtpauthUri(uri),
    id: `account-${index}`,
    ...(index === 0 ? { origin } : {}),
    createdAt: now,
    updatedAt: now,
  }));
  const dir = await mkdtemp(join(tmpdir(), 'twofold-ff-backup-'));
  const path = join(dir, 'twofold-backup.json');
  await writeFile(path, await createBackup(accounts, BACKUP_PASSPHRASE));
  return { dir, path };
}

describe('Firefox: restore a backup', () => {
  const suite = useFirefoxSuite();

  it('the settings page reads a Twofold backup; its accounts and site binding come back', async () => {
    const origin = new URL(suite.sandbox.url).origin;
    const { dir, path } = await backupFile(origin);
    try {
      const popup = new FirefoxPopup(await suite.firefox.openPopup());
      await popup.createVault(PASSPHRASE);

      const options = await suite.firefox.openExtensionPage('options.html');
      const input = await field(options, 'File to read (backup, export or QR code image)').waitHandle();
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
      await expect
        .poll(() => textOf(options))
        .toContain('This file is encrypted. Enter the passphrase it was exported with.');
      await field(options, 'Passphrase of this file').fill(BACKUP_PASSPHRASE);
      await button(options, 'Decrypt').click();
      await expect.poll(() => textOf(options), { timeout: 30_000 }).toContain('Twofold: 2 accounts found');
      await button(options, 'Add 2 selected accounts').click();
      await expect.poll(() => textOf(options), { timeout: 30_000 }).toContain('2 accounts added.');
      // "Sites with autofill" lists the restored binding once the page has reloaded its list.
      await expect.poll(() => textOf(options), { timeout: 15_000 }).toContain(origin);

      await popup.reload();
      const now = Date.now();
      for (const [name, uri] of [
        ['Widgets (tester)', URIS[0]!],
        ['Example (alice@example.com)', URIS[1]!],
      ] as const) {
        await expect.poll(() => popup.code(name)).toMatch(/^\d{6}$/);
        expect([codeAt(uri, now), codeAt(uri, now + 2000)]).toContain(await popup.code(name));
      }

      // The binding came back with the account: Twofold fills on its site.
      const page = await suite.firefox.newPage();
      await page.goto(new URL('/widgets/otp', suite.sandbox.url).href);
      await expect
        .poll(() => valueOf(page, 'Enter your one-time code'), { timeout: 35_000 })
        .toMatch(/^\d{6}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
