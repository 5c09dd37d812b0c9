/**
 * One account that cannot make a code never breaks the others: the popup list, autofill, the
 * encrypted backup and the plain exports use every other account and name the broken one.
 */
import { describe, expect, it } from 'vitest';
import { AutofillService } from '@/lib/background/autofill-service';
import type { ContentSender } from '@/lib/background/router';
import type { StoredAccount } from '@/lib/otp/account';
import { codeProblem, generateCode } from '@/lib/otp/codes';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { exportOtpauthList, importText, splitExportable } from '@/lib/transfer';
import { BROKEN_KINDS, brokenAccount } from '../helpers/broken-accounts';
import { NOW, vaultServices } from '../helpers/services';
import { storedAccount } from '../helpers/vault-fixtures';

const ORIGIN = 'https://m2m.matooma.com';
const BACKUP_PASSPHRASE = 'backup passphrase';
const bound = (a: StoredAccount): StoredAccount => ({ ...a, origin: ORIGIN });

/** A vault holding two sound accounts around one broken one, all bound to ORIGIN. */
async function vaultWithBroken(patch: Record<string, unknown>) {
  const services = await vaultServices();
  const good = [bound(storedAccount(1)), bound({ ...storedAccount(3), secret: 'KRSXG5CTMVRXEZLU' })];
  const broken = bound(brokenAccount(2, patch));
  await services.vault.update(() => [good[0]!, broken, good[1]!]);
  return { ...services, good, broken };
}

function autofill(services: Awaited<ReturnType<typeof vaultServices>>) {
  return new AutofillService({
    vault: services.vault,
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    tabOrigin: () => Promise.resolve(ORIGIN),
    notifyUnlocked: () => undefined,
    now: services.now,
  });
}
const FROM: ContentSender = { kind: 'content-script', origin: ORIGIN, tabId: 7, frameId: 0, url: ORIGIN };

describe.each(BROKEN_KINDS)('an account with %s', (_kind, patch, code) => {
  it('is named as a problem, never as a failure of any other account', () => {
    expect(codeProblem(brokenAccount(2, patch))).toMatchObject({ code });
    expect(codeProblem(storedAccount(1))).toBeUndefined();
  });

  it('shows in the list as an error row with its name and code; the others keep their codes', async () => {
    const { accounts, good } = await vaultWithBroken(patch);
    const list = await accounts.list();
    expect(list.map((v) => v.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(list[0]).toMatchObject({ code: generateCode(good[0]!, NOW), expiresAt: NOW + 20_000 });
    expect(list[2]).toMatchObject({ code: generateCode(good[1]!, NOW) });
    expect(list[1]).toMatchObject({ issuer: 'Broken', label: 'user2@example.com', problem: { code } });
    expect(list[1]).not.toHaveProperty('code');
    expect(JSON.stringify(list)).not.toMatch(/JBSWY3DP|KRSXG5CT/);
  });

  it('can be deleted, leaving the others', async () => {
    const { accounts } = await vaultWithBroken(patch);
    // Deleting starts from the list the popup shows: it must load with the broken account in it.
    expect((await accounts.list())[1]).toMatchObject({ id: 'id-2', problem: { code } });
    await accounts.remove('id-2');
    const list = await accounts.list();
    expect(list.map((v) => v.id)).toEqual(['id-1', 'id-3']);
    expect(list.every((v) => v.code !== undefined)).toBe(true);
  });

  it("is skipped by autofill: the site's other accounts are chosen and filled", async () => {
    const services = await vaultWithBroken(patch);
    const service = autofill(services);
    const reply = await service.code(FROM);
    expect(reply).toMatchObject({ status: 'choose' });
    expect(reply.status === 'choose' && reply.choices.map((c) => c.id)).toEqual(['id-1', 'id-3']);
    expect(await service.code(FROM, { accountId: 'id-3' })).toMatchObject({
      status: 'code',
      code: generateCode(services.good[1]!, NOW),
    });
    // A stale chooser (or a page) naming the broken account gets nothing, and no error.
    expect(await service.code(FROM, { accountId: 'id-2', userAction: true })).toEqual({ status: 'none' });
  });

  it('is skipped by autofill when it is the only other account of the site', async () => {
    const services = await vaultServices();
    const good = bound(storedAccount(1));
    await services.vault.update(() => [bound(brokenAccount(2, patch)), good]);
    expect(await autofill(services).code(FROM)).toMatchObject({
      status: 'code',
      accountId: 'id-1',
      code: generateCode(good, NOW),
    });
  });

  it('is left out of the plain exports, named with why; the others are exported', async () => {
    const { transfer } = await vaultWithBroken(patch);
    const { usable, leftOut } = splitExportable(await transfer.exportAccounts());
    expect(usable.map((a) => a.id)).toEqual(['id-1', 'id-3']);
    expect(leftOut).toMatchObject([{ name: 'Broken (user2@example.com)', code }]);
    const uris = exportOtpauthList(usable).trim().split('\n');
    expect(uris).toHaveLength(2);
    expect((await importText(uris.join('\n'))).accounts.map((a) => a.label)).toEqual([
      'user1@example.com',
      'user3@example.com',
    ]);
  });
});

describe('the encrypted backup', () => {
  // One backup for every kind at once: the backup KDF is the real one, so each costs seconds.
  it('leaves out every account that cannot make a code, named with why, and backs up the others', async () => {
    const services = await vaultServices();
    const broken = BROKEN_KINDS.map(([, patch], i) => brokenAccount(10 + i, patch));
    await services.vault.update(() => [storedAccount(1), ...broken, storedAccount(2)]);
    const { text, count, leftOut } = await services.transfer.exportBackup(BACKUP_PASSPHRASE);
    expect(count).toBe(2);
    expect(leftOut).toEqual(
      BROKEN_KINDS.map(([, , code], i) => ({
        name: `Broken (user${10 + i}@example.com)`,
        code,
        params: expect.any(Array) as unknown,
      })),
    );
    const restored = await importText(text, BACKUP_PASSPHRASE);
    expect(restored.accounts.map((a) => a.label)).toEqual(['user1@example.com', 'user2@example.com']);
  });
});

describe('a replaced key that cannot make a code', () => {
  it('is not written to the backup, and does not cost the backup of its account', async () => {
    const services = await vaultServices();
    const account: StoredAccount = {
      ...storedAccount(1),
      previousKeys: [
        {
          type: 'totp',
          secret: 'KRSXG5CTMVRXEZLU',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          replacedAt: 5,
        },
        {
          type: 'totp',
          secret: 'KRSXG5CTMVRXEZLU',
          algorithm: 'SHA1',
          digits: 5,
          period: 30,
          counter: 0,
          replacedAt: 4,
        },
      ],
    };
    await services.vault.update(() => [account]);
    const { text, count, leftOut } = await services.transfer.exportBackup(BACKUP_PASSPHRASE);
    expect({ count, leftOut }).toEqual({ count: 1, leftOut: [] });
    const [restored] = (await importText(text, BACKUP_PASSPHRASE)).accounts;
    expect(restored?.previousKeys?.map((k) => k.replacedAt)).toEqual([5]);
  });
});
