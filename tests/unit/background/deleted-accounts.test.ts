import { describe, expect, it } from 'vitest';
import { DELETED_RETENTION_MS, keepRemoved, restoreDeleted } from '@/lib/background/deleted-accounts';
import { PREVIOUS_KEY_RETENTION_MS } from '@/lib/sync/merge';
import { generateCode } from '@/lib/otp/codes';
import type { StoredAccount } from '@/lib/otp';
import { createBackup, readBackup } from '@/lib/transfer/backup';
import { FAST_KDF, NOW, vaultServices } from '../helpers/services';

const DAY = 24 * 3600_000;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const uri = (label: string, secret = SECRET) =>
  `otpauth://totp/Site:${encodeURIComponent(label)}?secret=${secret}&issuer=Site`;
const HOTP = 'otpauth://hotp/Bank:joe?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&counter=5';
const STEAM = 'otpauth://totp/Steam:gabe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Steam&encoder=steam';

/** Three accounts (TOTP on a site, HOTP used once, Steam); the TOTP one's key replaced once. */
async function setUp() {
  const services = await vaultServices();
  const { accounts, vault } = services;
  const totp = await accounts.add(uri('jane', 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF'), 'm2m.matooma.com');
  const hotp = await accounts.add(HOTP, undefined);
  const steam = await accounts.add(STEAM, undefined);
  await accounts.nextHotp(hotp.id);
  const replaced = { ...(await vault.accounts())[0]! };
  await vault.update((list) =>
    list.map((a) =>
      a.id === totp.id
        ? {
            ...a,
            secret: SECRET,
            previousKeys: [
              {
                type: 'totp' as const,
                secret: replaced.secret,
                algorithm: 'SHA1' as const,
                digits: 6,
                period: 30,
                counter: 0,
                replacedAt: NOW - DAY,
              },
            ],
          }
        : a,
    ),
  );
  const stored = await vault.accounts();
  return { ...services, ids: { totp: totp.id, hotp: hotp.id, steam: steam.id }, stored };
}

const byName = (list: readonly StoredAccount[], label: string) => list.find((a) => a.label === label)!;

describe('recently deleted accounts', () => {
  it('keeps them as long as a replaced key (30 days), the same constant', () => {
    expect(DELETED_RETENTION_MS).toBe(30 * DAY);
    expect(DELETED_RETENTION_MS).toBe(PREVIOUS_KEY_RETENTION_MS);
  });

  it('a delete lists the account (names and dates, never its secret) and its codes stop', async () => {
    const { accounts, ids } = await setUp();
    await accounts.remove(ids.totp);
    expect((await accounts.list()).map((a) => a.label)).toEqual(['joe', 'gabe']);
    const deleted = await accounts.listDeleted();
    expect(deleted).toEqual([
      {
        id: ids.totp,
        type: 'totp',
        issuer: 'Site',
        label: 'jane',
        origin: 'https://m2m.matooma.com',
        deletedAt: NOW,
        purgeAt: NOW + 30 * DAY,
      },
    ]);
    expect(JSON.stringify(deleted)).not.toMatch(/JBSW|KRUG/);
  });

  it.each([
    ['TOTP bound to a site, with a replaced key', 'jane'],
    ['HOTP past its first code', 'joe'],
    ['Steam Guard', 'gabe'],
  ])('restore brings %s back whole, at its place, with the same codes', async (_kind, label) => {
    const { accounts, vault, stored, tick } = await setUp();
    const before = byName(stored, label);
    await accounts.remove(before.id);
    tick(3 * DAY);
    const view = await accounts.restoreDeleted(before.id);
    const after = (await vault.accounts()).find((a) => a.id === view.id)!;
    // A new id (see docs/sync.md); every other field as it was, but the time of the change.
    expect(view.id).not.toBe(before.id);
    expect({ ...after, id: before.id, updatedAt: before.updatedAt }).toEqual(before);
    expect((await vault.accounts()).map((a) => a.label)).toEqual(stored.map((a) => a.label));
    expect(view.code).toBe(generateCode(before, NOW + 3 * DAY));
    expect(await accounts.listDeleted()).toEqual([]);
  });

  it('a restored HOTP account goes on from the counter it had (no code offered twice)', async () => {
    const { accounts, ids } = await setUp();
    const shown = (await accounts.list()).find((a) => a.id === ids.hotp)!.code;
    await accounts.remove(ids.hotp);
    expect((await accounts.restoreDeleted(ids.hotp)).code).toBe(shown);
  });

  it.each([
    ['29 days later: still restorable', 29 * DAY, 1],
    ['30 days later: purged, the secret out of the vault', 30 * DAY, 0],
  ])('%s', async (_name, later, count) => {
    const { accounts, vault, ids, local, tick } = await setUp();
    await accounts.remove(ids.steam);
    tick(later);
    expect(await accounts.listDeleted()).toHaveLength(count);
    // Any write ages the list: the deleted secret is in the vault only while it is kept.
    await accounts.update(ids.totp, { pinned: true });
    expect((await vault.payload()).deleted ?? []).toHaveLength(count);
    if (count === 0) {
      await expect(accounts.restoreDeleted(ids.steam)).rejects.toThrow(/no longer kept/);
      expect(local.snapshot()).not.toContain('GEZDGNBV'); // the vault is encrypted anyway
    }
  });

  it('"Delete now" removes it for good; a second restore or delete now says it is gone', async () => {
    const { accounts, vault, ids } = await setUp();
    await accounts.remove(ids.totp);
    await accounts.remove(ids.hotp);
    await accounts.forgetDeleted(ids.totp);
    expect((await accounts.listDeleted()).map((d) => d.id)).toEqual([ids.hotp]);
    expect(JSON.stringify(await vault.payload())).not.toContain(SECRET);
    await expect(accounts.forgetDeleted(ids.totp)).rejects.toThrow(/no longer kept/);
    await accounts.restoreDeleted(ids.hotp);
    await expect(accounts.restoreDeleted(ids.hotp)).rejects.toThrow(/no longer kept/);
  });

  it('the same key added again for the same site hides the deleted copy (restoring it would duplicate)', async () => {
    const { accounts, ids } = await setUp();
    await accounts.remove(ids.totp);
    await accounts.add(uri('jane again'), 'm2m.matooma.com');
    expect(await accounts.listDeleted()).toEqual([]);
  });

  it('newest first; restored newest first, the list is as it was', async () => {
    const { accounts, stored, ids, tick } = await setUp();
    await accounts.remove(ids.totp);
    tick(1000);
    await accounts.remove(ids.steam);
    expect((await accounts.listDeleted()).map((d) => d.label)).toEqual(['gabe', 'jane']);
    await accounts.restoreDeleted(ids.steam);
    await accounts.restoreDeleted(ids.totp);
    expect((await accounts.list()).map((a) => a.label)).toEqual(stored.map((a) => a.label));
  });

  it('accounts removed by a remote delete (sync) are kept restorable too', () => {
    const a = { id: 'a', secret: 'A' } as StoredAccount;
    const b = { id: 'b', secret: 'B' } as StoredAccount;
    const next = keepRemoved({ accounts: [a, b] }, [a, b], [b], NOW);
    expect(next).toEqual({ accounts: [b], deleted: [{ ...a, deletedAt: NOW, position: 0 }] });
    const restored = restoreDeleted(next, 'a', NOW + 1, () => 'a2');
    expect(restored?.payload).toEqual({ accounts: [{ ...a, id: 'a2', updatedAt: NOW + 1 }, b] });
  });

  it('a damaged deleted list reads as empty and costs no account', async () => {
    const { accounts, vault } = await setUp();
    await vault.updatePayload((p) => ({ ...p, deleted: 'garbage' as never }));
    expect(await accounts.listDeleted()).toEqual([]);
    expect(await accounts.list()).toHaveLength(3);
  });
});

describe('recently deleted accounts in backups', () => {
  it('are kept in a Twofold backup and come back, restorable, when it is restored', async () => {
    const first = await setUp();
    await first.accounts.remove(first.ids.totp);
    const { text, count } = await first.transfer.exportBackup('backup passphrase');
    expect(count).toBe(2);
    const second = await vaultServices();
    const preview = await second.transfer.preview(text, 'backup passphrase');
    // The preview offers the live accounts only; the deleted one is never a row.
    expect(preview.ok && preview.items.map((i) => i.label)).toEqual(['joe', 'gabe']);
    expect(JSON.stringify(preview)).not.toContain(SECRET);
    await second.transfer.commit(preview.ok ? preview.token : '', [0, 1]);
    const [deleted] = await second.accounts.listDeleted();
    expect(deleted).toMatchObject({ label: 'jane', origin: 'https://m2m.matooma.com', deletedAt: NOW });
    const view = await second.accounts.restoreDeleted(deleted!.id);
    const before = byName(first.stored, 'jane');
    expect(view.code).toBe(generateCode(before, NOW));
    const after = (await second.vault.accounts()).find((a) => a.id === view.id)!;
    expect(after.previousKeys).toEqual(before.previousKeys);
  });

  it('a backup written before deleted accounts were kept still opens, with none', async () => {
    const { stored } = await setUp();
    const old = await createBackup(stored, 'backup passphrase', { kdf: FAST_KDF, now: NOW });
    const result = await readBackup(old, 'backup passphrase');
    expect(result.accounts).toHaveLength(3);
    expect(result.deleted).toBeUndefined();
  });

  it('reads deleted entries back whole, and skips a broken one without failing the backup', async () => {
    const { stored } = await setUp();
    const [totp, hotp] = stored;
    const text = await createBackup([hotp!], 'backup passphrase', {
      kdf: FAST_KDF,
      now: NOW,
      deleted: [
        { ...totp!, deletedAt: NOW - DAY },
        { ...hotp!, id: 'broken', digits: 99, deletedAt: NOW },
      ],
    });
    const { deleted } = await readBackup(text, 'backup passphrase');
    expect(deleted).toEqual([
      expect.objectContaining({
        secret: SECRET,
        origin: 'https://m2m.matooma.com',
        previousKeys: totp!.previousKeys,
        deletedAt: NOW - DAY,
      }),
    ]);
  });

  it('a plain export (otpauth list, QR) never holds a deleted account', async () => {
    const { accounts, transfer, ids } = await setUp();
    await accounts.remove(ids.totp);
    expect(JSON.stringify(await transfer.exportAccounts())).not.toContain(SECRET);
  });
});
