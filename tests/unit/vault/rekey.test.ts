import { describe, expect, it } from 'vitest';
import { SessionKey } from '@/lib/background/session-key';
import { VaultHealth } from '@/lib/background/vault-health';
import { VaultService } from '@/lib/background/vault-service';
import { fromBase64, toBase64 } from '@/lib/bytes';
import { VaultStore } from '@/lib/vault/store';
import { RevisionWatermark } from '@/lib/vault/watermark';
import { addAccount, FAST_KDF, storedAccount } from '../helpers/vault-fixtures';
import { MemoryArea } from '../helpers/memory-area';

const OLD = 'the old passphrase';
const NEW = 'the brand new passphrase';

function copyOf(area: MemoryArea): MemoryArea {
  const copy = new MemoryArea();
  for (const [k, v] of area.data) copy.data.set(k, structuredClone(v));
  return copy;
}

function flipBit(stored: string, bit: number): string {
  const bytes = fromBase64(stored);
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return toBase64(bytes);
}

describe('changing the passphrase changes the data key', () => {
  it('an old copy of the vault with the old passphrase opens neither of today’s generations', async () => {
    const area = new MemoryArea();
    const store = new VaultStore(area, { kdf: FAST_KDF });
    const dek = await store.create(OLD);
    await store.update(dek, addAccount(storedAccount(1)));
    const profileBackup = copyOf(area); // what a thief copied before the change

    const fresh = await store.changePassphrase(dek, OLD, NEW);
    await store.update(fresh, addAccount(storedAccount(2)));
    expect(fresh).not.toEqual(dek);

    // The attack: the old copy and the old passphrase give the old data key...
    const oldKey = await new VaultStore(profileBackup, { kdf: FAST_KDF }).unlock(OLD);
    expect(oldKey).toEqual(dek);
    // ...which opens neither generation written since, each tried on its own.
    for (const key of ['vault.A', 'vault.B']) {
      const single = new MemoryArea();
      single.data.set(key, area.data.get(key));
      const alone = new VaultStore(single, { kdf: FAST_KDF });
      await expect(alone.read(oldKey)).rejects.toMatchObject({ code: 'DAMAGED' });
      expect((await alone.read(fresh)).payload.accounts.length).toBeGreaterThan(0);
    }
    expect((await store.read(await store.unlock(NEW))).payload.accounts).toEqual([
      storedAccount(1),
      storedAccount(2),
    ]);
    expect(area.data.size).toBe(2); // nothing was quarantined along the way
  });

  it('the service keeps working with the new key after the change', async () => {
    const session = new MemoryArea();
    const store = new VaultStore(new MemoryArea(), { kdf: FAST_KDF });
    const service = new VaultService({ store, sessionKey: new SessionKey(session) });
    await service.create(OLD);
    const before = await new SessionKey(session).get();
    await service.changePassphrase(OLD, NEW);
    expect(await new SessionKey(session).get()).not.toEqual(before);
    expect(await service.accounts()).toEqual([]);
    await service.lock();
    await expect(service.unlock(OLD)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(await service.unlock(NEW)).toMatchObject({ unlocked: true });
  });
});

function serviceOn(local: MemoryArea, session: MemoryArea) {
  const watermark = new RevisionWatermark([session, local]);
  const store = new VaultStore(local, { kdf: FAST_KDF, watermark });
  const service = new VaultService({
    store,
    sessionKey: new SessionKey(session),
    health: new VaultHealth({ store, watermark, session }),
  });
  return { store, service };
}

describe('quarantined copies', () => {
  it('are deleted only once the vault is healthy and the user acknowledged the notice', async () => {
    const local = new MemoryArea();
    const session = new MemoryArea();
    const { store, service } = serviceOn(local, session);
    await service.create(OLD);
    const dek = (await new SessionKey(session).get())!;
    await store.update(dek, addAccount(storedAccount(1)));
    local.data.set('vault.A', flipBit(local.data.get('vault.A') as string, 200));
    // While a copy is still damaged, nothing is deleted.
    await expect(service.clearQuarantine()).rejects.toMatchObject({ code: 'NOT_HEALTHY' });
    await store.update(dek, addAccount(storedAccount(2))); // the damaged copy is set aside, then replaced
    expect(await service.state()).toMatchObject({ quarantined: 1 });
    expect(await service.clearQuarantine()).toMatchObject({ quarantined: 0, unlocked: true });
    expect(await store.quarantined()).toEqual([]);
    expect((await store.read(dek)).payload.accounts).toHaveLength(2);
  });

  it('are kept while locked', async () => {
    const { service } = serviceOn(new MemoryArea(), new MemoryArea());
    await service.create(OLD);
    await service.lock();
    await expect(service.clearQuarantine()).rejects.toMatchObject({ code: 'LOCKED' });
  });
});

describe('rollback', () => {
  async function rolledBack(restartBrowser: boolean) {
    const local = new MemoryArea();
    let session = new MemoryArea();
    let { store, service } = serviceOn(local, session);
    await service.create(OLD);
    const dek = (await new SessionKey(session).get())!;
    await store.update(dek, addAccount(storedAccount(1))); // revision 2
    const oldA = local.data.get('vault.A');
    const oldB = local.data.get('vault.B');
    await store.update(dek, addAccount(storedAccount(2)));
    await store.update(dek, addAccount(storedAccount(3))); // revision 4
    await service.lock();
    // The attack: put back the older copies (the account list of revision 2).
    local.data.set('vault.A', oldA);
    local.data.set('vault.B', oldB);
    if (restartBrowser) {
      session = new MemoryArea();
      ({ store, service } = serviceOn(local, session));
    }
    return { service, unlocked: await service.unlock(OLD) };
  }

  it.each([
    ['in the same browser session', false],
    ['after a browser restart', true],
  ])('restoring older vault.A/vault.B copies is noticed on unlock (%s)', async (_name, restart) => {
    const { service, unlocked } = await rolledBack(restart);
    expect(unlocked).toMatchObject({ unlocked: true, rollback: { seen: 4, current: 2 } });
    expect(await service.accounts()).toHaveLength(1);
    // Acknowledged: the warning goes and the restored vault becomes the reference.
    expect(await service.acceptRollback()).not.toHaveProperty('rollback');
    await service.lock();
    expect(await service.unlock(OLD)).not.toHaveProperty('rollback');
  });

  it('an ordinary unlock warns of nothing', async () => {
    const { store, service } = serviceOn(new MemoryArea(), new MemoryArea());
    await service.create(OLD);
    await store.update(await service['key'](), addAccount(storedAccount(1)));
    await service.lock();
    expect(await service.unlock(OLD)).not.toHaveProperty('rollback');
  });

  it('the watermark never goes down and ignores other vaults', async () => {
    const area = new MemoryArea();
    const mark = new RevisionWatermark([area]);
    await mark.record('v1', 5);
    await mark.record('v1', 3);
    await mark.record('v2', 1);
    expect(await mark.highest('v1')).toBe(5);
    expect(await mark.highest('v2')).toBe(1);
    expect(await mark.highest('other')).toBe(0);
  });
});
