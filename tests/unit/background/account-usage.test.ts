import { describe, expect, it } from 'vitest';
import { AccountUsage } from '@/lib/background/account-usage';
import { AccountsService } from '@/lib/background/accounts-service';
import { AutofillService } from '@/lib/background/autofill-service';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { MemoryArea } from '../helpers/memory-area';
import { NOW, vaultServices } from '../helpers/services';

const ORIGIN = 'https://m2m.matooma.com';
const uri = (label: string, secret: string) => `otpauth://totp/Shop:${label}?secret=${secret}&issuer=Shop`;
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ'];

async function setup() {
  const services = await vaultServices();
  const usageArea = new MemoryArea();
  const usage = new AccountUsage(usageArea, services.now);
  const accounts = new AccountsService(services.vault, services.now, undefined, usage);
  return { ...services, usage, usageArea, accounts };
}

describe('AccountUsage', () => {
  it('remembers the last use of each account; two uses at once both count', async () => {
    let now = 1000;
    const usage = new AccountUsage(new MemoryArea(() => Math.random() * 3), () => now++);
    await Promise.all([usage.noteUsed('a'), usage.noteUsed('b'), usage.noteUsed('a')]);
    const times = await usage.all();
    expect(Object.keys(times).sort()).toEqual(['a', 'b']);
    expect(times.a).toBeGreaterThan(times.b!);
    await usage.forget('a');
    expect(Object.keys(await usage.all())).toEqual(['b']);
  });

  it('keeps a bounded number of entries, dropping the oldest', async () => {
    const area = new MemoryArea();
    await area.set({
      'accounts.lastUsed': Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`id${i}`, i])),
    });
    const usage = new AccountUsage(area, () => 5000);
    await usage.noteUsed('new');
    const times = await usage.all();
    expect(Object.keys(times)).toHaveLength(2000);
    expect(times.id0).toBeUndefined();
    expect(times.new).toBe(5000);
  });

  it('ignores what is not a time', async () => {
    const area = new MemoryArea();
    await area.set({ 'accounts.lastUsed': { a: 'yesterday', b: 7 } });
    expect(await new AccountUsage(area).all()).toEqual({ b: 7 });
  });
});

describe('last use through the services', () => {
  it('a copy in the popup is listed as the last use, outside the vault, with no secret', async () => {
    const { accounts, usageArea, local, tick } = await setup();
    const shop = await accounts.add(uri('a', SECRETS[0]!), undefined);
    const other = await accounts.add(uri('b', SECRETS[1]!), undefined);
    const vaultBefore = local.snapshot();
    tick(5000);
    await accounts.used(shop.id);
    expect(local.snapshot()).toBe(vaultBefore);
    const list = await accounts.list();
    expect(list.find((a) => a.id === shop.id)?.lastUsedAt).toBe(NOW + 5000);
    expect(list.find((a) => a.id === other.id)).not.toHaveProperty('lastUsedAt');
    const stored = usageArea.snapshot();
    expect(stored).not.toContain(SECRETS[0]);
    expect(stored).not.toContain('Shop');
  });

  it('refuses an account that is not in the vault, and forgets a deleted one', async () => {
    const { accounts, usage } = await setup();
    await expect(accounts.used('nope')).rejects.toThrow(/no longer in Twofold/);
    expect(await usage.all()).toEqual({});
    const { id } = await accounts.add(uri('a', SECRETS[0]!), undefined);
    await accounts.used(id);
    await accounts.remove(id);
    expect(await usage.all()).toEqual({});
  });

  it('a code filled on its site counts as a use', async () => {
    const { vault, accounts, usage, now } = await setup();
    const { id } = await accounts.add(uri('a', SECRETS[0]!), ORIGIN);
    const autofill = new AutofillService({
      vault,
      settings: () => Promise.resolve(DEFAULT_SETTINGS),
      tabOrigin: () => Promise.resolve(ORIGIN),
      notifyUnlocked: () => undefined,
      now,
      usage,
    });
    const from = { kind: 'content-script', origin: ORIGIN, tabId: 1, frameId: 0, url: ORIGIN } as const;
    expect((await autofill.code(from)).status).toBe('code');
    await expect.poll(async () => (await usage.all())[id]).toBe(NOW);
  });
});
