import { describe, expect, it, vi } from 'vitest';
import { popupStart, type PopupStartDeps } from '@/lib/background/popup-start';
import { DEFAULT_SETTINGS } from '@/lib/settings';
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
});
