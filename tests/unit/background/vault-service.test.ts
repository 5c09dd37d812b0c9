import { describe, expect, it } from 'vitest';
import { SessionKey } from '@/lib/background/session-key';
import { toBase64 } from '@/lib/bytes';
import { TwofoldError } from '@/lib/errors';
import type { StoredAccount } from '@/lib/otp/account';
import { parseOtpauthUri } from '@/lib/otp/uri';
import { PASSPHRASE, vaultServices } from '../helpers/services';

const URI =
  'otpauth://totp/M2Mmanager:jane.doe%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=M2Mmanager';

function stored(id: string, label = id): StoredAccount {
  return { ...parseOtpauthUri(URI), id, label, createdAt: 0, updatedAt: 0 };
}

describe('VaultService', () => {
  it('state follows create, lock and unlock', async () => {
    const { vault } = await vaultServices({ create: false });
    expect(await vault.state()).toEqual({ exists: false, unlocked: false, quarantined: 0, readOnly: false });
    expect(await vault.create(PASSPHRASE)).toMatchObject({ exists: true, unlocked: true });
    expect(await vault.isUnlocked()).toBe(true);
    expect(await vault.lock()).toMatchObject({ exists: true, unlocked: false });
    expect(await vault.isUnlocked()).toBe(false);
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ unlocked: true });
  });

  it('a wrong passphrase is refused with a code and leaves it locked', async () => {
    const { vault } = await vaultServices();
    await vault.lock();
    await expect(vault.unlock('not the passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(await vault.isUnlocked()).toBe(false);
  });

  it('tells the unlock listeners, and only on unlock', async () => {
    const { vault } = await vaultServices();
    let heard = 0;
    vault.onUnlock(() => heard++);
    await vault.lock();
    expect(heard).toBe(0);
    await vault.unlock(PASSPHRASE);
    expect(heard).toBe(1);
  });

  it('tells the unlock listeners when a vault is created: work that waited for a vault resumes', async () => {
    const { vault } = await vaultServices({ create: false });
    let heard = 0;
    vault.onUnlock(() => heard++);
    expect(await vault.exists()).toBe(false);
    await vault.create(PASSPHRASE);
    expect(heard).toBe(1);
    expect(await vault.exists()).toBe(true);
  });

  it('drops a session key that no longer opens the vault', async () => {
    const { vault, session } = await vaultServices();
    await new SessionKey(session).set(new Uint8Array(32).fill(7));
    expect(await vault.state()).toMatchObject({ unlocked: false });
    expect(await new SessionKey(session).get()).toBeUndefined();
  });

  it('reads and writes through one path, and every write is activity', async () => {
    const { vault, activity } = await vaultServices();
    const before = activity();
    const saved = await vault.update((accounts) => [...accounts, stored('a'), stored('b')]);
    expect(saved.map((a) => a.id)).toEqual(['a', 'b']);
    expect((await vault.accounts()).map((a) => a.id)).toEqual(['a', 'b']);
    expect(activity()).toBe(before + 1);
  });

  it('updateAccount changes one account, or says it did not', async () => {
    const { vault } = await vaultServices();
    await vault.update(() => [stored('a'), stored('b')]);
    expect(await vault.updateAccount('b', (a) => ({ ...a, label: 'renamed' }))).toMatchObject({
      label: 'renamed',
    });
    expect(await vault.updateAccount('b', () => undefined)).toBeUndefined();
    expect(await vault.updateAccount('missing', (a) => a)).toBeUndefined();
    expect((await vault.accounts()).map((a) => a.label)).toEqual(['a', 'renamed']);
  });

  it.each([
    ['read', (v: Awaited<ReturnType<typeof vaultServices>>['vault']) => v.accounts()],
    ['write', (v: Awaited<ReturnType<typeof vaultServices>>['vault']) => v.update((a) => a)],
    [
      'change the passphrase',
      (v: Awaited<ReturnType<typeof vaultServices>>['vault']) =>
        v.changePassphrase(PASSPHRASE, 'another good one'),
    ],
  ])('will not %s while locked', async (_name, act) => {
    const { vault } = await vaultServices();
    await vault.lock();
    const error: unknown = await act(vault).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwofoldError);
    expect(error).toMatchObject({ code: 'LOCKED' });
  });

  it('changes the passphrase: the new one unlocks, the old one no longer does', async () => {
    const { vault } = await vaultServices();
    await vault.update(() => [stored('a')]);
    await vault.changePassphrase(PASSPHRASE, 'another good passphrase');
    await vault.lock();
    await expect(vault.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await vault.unlock('another good passphrase');
    expect(await vault.accounts()).toHaveLength(1);
  });

  it('after lock, no stored value holds the data key or a secret in clear', async () => {
    const { local, session, vault } = await vaultServices();
    const dek = await new SessionKey(session).get();
    await vault.update(() => [stored('a')]);
    await vault.lock();
    const secret = parseOtpauthUri(URI).secret;
    const needles = [
      secret,
      secret.toLowerCase(),
      toBase64(dek!),
      Buffer.from(dek!).toString('hex'),
      PASSPHRASE,
    ];
    const values = [...local.data.values(), ...session.data.values()].map((v) => JSON.stringify(v));
    expect(session.data.size).toBe(0);
    for (const value of values) for (const needle of needles) expect(value).not.toContain(needle);
  });
});
