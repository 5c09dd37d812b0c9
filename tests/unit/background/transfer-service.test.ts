import { describe, expect, it } from 'vitest';
import { PASSPHRASE, vaultServices } from '../helpers/services';

const ORIGIN = 'https://m2m.matooma.com';
const uri = (label: string, secret: string) =>
  `otpauth://totp/Site:${encodeURIComponent(label)}?secret=${secret}&issuer=Site`;
const LIST = [
  uri('a', 'JBSWY3DPEHPK3PXP'),
  uri('b', 'KRSXG5CTMVRXEZLU'),
  'otpauth://totp/x?issuer=nosecret',
].join('\n');

describe('TransferService', () => {
  it('previews names and statuses, never secrets, and writes nothing', async () => {
    const { accounts, transfer, local } = await vaultServices();
    await accounts.add(uri('a', 'JBSWY3DPEHPK3PXP'), undefined);
    const before = local.snapshot();
    const preview = await transfer.preview(LIST);
    expect(preview).toMatchObject({
      ok: true,
      format: 'otpauth-list',
      items: [
        { index: 0, label: 'a', status: 'duplicate' },
        { index: 1, label: 'b', status: 'new' },
      ],
      skipped: [{ line: 3 }],
    });
    expect(JSON.stringify(preview)).not.toMatch(/JBSW|KRSX/);
    expect(local.snapshot()).toBe(before);
  });

  it('commits only the chosen items and never a duplicate', async () => {
    const { accounts, transfer } = await vaultServices();
    await accounts.add(uri('a', 'JBSWY3DPEHPK3PXP'), undefined);
    const token = async () => {
      const preview = await transfer.preview(LIST);
      return preview.ok ? preview.token : '';
    };
    expect(await transfer.commit(await token(), [0, 1])).toEqual({ ok: true, added: 1 });
    expect((await accounts.list()).map((a) => a.label)).toEqual(['a', 'b']);
    expect(await transfer.commit(await token(), [])).toEqual({ ok: true, added: 0 });
  });

  it('a backup keeps bindings and pins, and restores on an empty vault', async () => {
    const first = await vaultServices();
    const bound = await first.accounts.add(uri('a', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    await first.accounts.update(bound.id, { pinned: true });
    const { text, count } = await first.transfer.exportBackup('backup passphrase');
    expect(count).toBe(1);
    expect(text).not.toContain('JBSWY3DP');

    const second = await vaultServices();
    expect(await second.transfer.preview(text)).toMatchObject({
      ok: false,
      code: 'IMPORT_BACKUP_NEEDS_PASSPHRASE',
    });
    expect(await second.transfer.preview(text, 'wrong')).toMatchObject({
      ok: false,
      code: 'IMPORT_BACKUP_WRONG_PASSPHRASE',
    });
    const preview = await second.transfer.preview(text, 'backup passphrase');
    expect(await second.transfer.commit(preview.ok ? preview.token : '', [0])).toEqual({
      ok: true,
      added: 1,
    });
    expect(await second.accounts.list()).toMatchObject([
      { label: 'a', origin: ORIGIN, pinned: true, code: bound.code },
    ]);
  });

  it('exports every account with its secret, for the explicit plain export only', async () => {
    const { accounts, transfer } = await vaultServices();
    await accounts.add(uri('a', 'JBSWY3DPEHPK3PXP'), undefined);
    expect(await transfer.exportAccounts()).toMatchObject([{ label: 'a', secret: 'JBSWY3DPEHPK3PXP' }]);
  });

  it('says LOCKED as a failure while locked, for preview and commit', async () => {
    const { vault, transfer } = await vaultServices();
    await vault.lock();
    expect(await transfer.preview(LIST)).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(await transfer.commit('no-such-token', [0])).toMatchObject({ ok: false, code: 'IMPORT_EXPIRED' });
    await vault.unlock(PASSPHRASE);
  });
});
