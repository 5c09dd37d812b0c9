import { describe, expect, it, vi } from 'vitest';
import { AccountsService } from '@/lib/background/accounts-service';
import { AccountUsage } from '@/lib/background/account-usage';
import { popupStart, type PopupStartDeps } from '@/lib/background/popup-start';
import { sortAccounts } from '@/lib/order/account-sort';
import { FIRST_SCREEN_ROWS, lastUsedOf } from '@/lib/order/first-screen';
import { DEFAULT_SETTINGS, type AccountSort } from '@/lib/settings';
import { MemoryArea } from '../helpers/memory-area';
import { vaultServices } from '../helpers/services';

const SANDBOX = 'http://m2mmanager.localhost:4100';
const LOOKALIKE = 'http://m2rnmanager.localhost:4100';
const URI = 'otpauth://totp/M2M:john?secret=JBSWY3DPEHPK3PXP&issuer=M2M';

async function started(page: string | undefined, { lock = false } = {}) {
  const services = await vaultServices();
  const view = await services.accounts.add(URI, SANDBOX);
  await services.accounts.add('otpauth://totp/Bank:jane?secret=GEZDGNBVGY3TQOJQ&issuer=Bank', undefined);
  if (lock) await services.vault.lock();
  const reads = vi.spyOn(services.local, 'get');
  const decryptions = vi.spyOn(crypto.subtle, 'decrypt');
  const deps: PopupStartDeps = {
    vault: services.vault,
    accounts: services.accounts,
    settings: () => Promise.resolve({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 20 }),
    policies: () => Promise.resolve({ maxClipboardClearSeconds: 10 }),
    activeOrigin: () => Promise.resolve(page),
    pageOrigin: () => Promise.resolve(page),
  };
  const start = await popupStart(deps);
  return {
    start,
    services,
    view,
    reads: reads.mock.calls.length,
    decryptions: decryptions.mock.calls.length,
  };
}

describe('popup:start', () => {
  it('answers the state, the codes, the verdict, settings and policies from one read and one decryption', async () => {
    const { start, services, view, reads, decryptions } = await started(LOOKALIKE);
    // Two saved copies (A and B): only the newer is decrypted.
    expect(reads).toBe(1);
    expect(decryptions).toBe(1);
    expect(start.state).toEqual(await services.vault.state());
    expect(start.accounts).toEqual(await services.accounts.list());
    expect(start.partial).toBeUndefined();
    expect(start.origin).toBe(LOOKALIKE);
    expect(start.lookalike).toEqual({
      pageHost: 'm2rnmanager.localhost:4100',
      imitatedHost: 'm2mmanager.localhost:4100',
      accountIds: [view.id],
    });
    expect(start.settings?.clipboardClearSeconds).toBe(20);
    expect(start.policies).toEqual({ maxClipboardClearSeconds: 10 });
  });

  it.each([
    ['the enrolled site itself', SANDBOX],
    ['a page whose URL is hidden', undefined],
  ])('says the check answered (null) on %s', async (_name, page) => {
    const { start } = await started(page);
    expect(start.lookalike).toBeNull();
    expect(start.accounts).toHaveLength(2);
  });

  it('while locked: the state alone, no account, no verdict, and no wait for the policies', async () => {
    const services = await vaultServices();
    await services.vault.lock();
    const start = await popupStart({
      vault: services.vault,
      accounts: services.accounts,
      settings: () => Promise.resolve(DEFAULT_SETTINGS),
      // The managed area that never answers (a fresh profile can take seconds).
      policies: () => new Promise(() => undefined),
      activeOrigin: () => Promise.resolve(SANDBOX),
      pageOrigin: () => Promise.resolve(LOOKALIKE),
    });
    expect(start).toEqual({ state: await services.vault.state(), origin: SANDBOX });
  });

  it.each<[AccountSort, string | undefined]>([
    ['manual', undefined],
    ['manual', SANDBOX],
    ['name', SANDBOX],
    ['recent', undefined],
  ])(
    'with more accounts than one screen: that screen alone, in the popup’s order (%s, page %s)',
    async (sort, page) => {
      const services = await vaultServices();
      const ids: string[] = [];
      for (let i = 0; i < FIRST_SCREEN_ROWS + 6; i++) {
        const issuer = `Service ${(i * 7) % 30}`; // names out of the stored order
        const secret = `GEZDGNBVGY3TQOJ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i]}`;
        const uri = `otpauth://totp/${encodeURIComponent(issuer)}:u${i}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
        ids.push((await services.accounts.add(uri, i === 25 ? SANDBOX : undefined)).id);
      }
      await services.accounts.update(ids[27]!, { pinned: true });
      const usage = new AccountUsage(new MemoryArea(), services.now);
      for (const at of [3, 29, 10]) {
        services.tick(1_000);
        await usage.noteUsed(ids[at]!);
      }
      const accounts = new AccountsService(services.vault, services.now, undefined, usage);
      const start = await popupStart({
        vault: services.vault,
        accounts,
        settings: () => Promise.resolve({ ...DEFAULT_SETTINGS, accountSort: sort }),
        policies: () => Promise.resolve({}),
        activeOrigin: () => Promise.resolve(page),
        pageOrigin: () => Promise.resolve(page),
      });
      const all = await accounts.list();
      expect(start.partial).toBe(true);
      // The very rows (codes included) the popup shows first once it holds the whole list.
      expect(start.accounts).toEqual(
        sortAccounts(all, sort, page, lastUsedOf(all)).slice(0, FIRST_SCREEN_ROWS),
      );
      expect(start.accounts).not.toEqual(all.slice(0, FIRST_SCREEN_ROWS));
    },
  );
});
