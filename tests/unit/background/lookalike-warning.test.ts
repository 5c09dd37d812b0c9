import { describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { lookalikeWarning, pageTabOrigin } from '@/lib/background/lookalike-warning';
import { copyBlocked } from '@/components/lookalike-guard';
import { vaultServices } from '../helpers/services';

const SANDBOX = 'http://m2mmanager.localhost:4100';
/** "rn" for "m": a lookalike any detector flags. */
const LOOKALIKE = 'http://m2rnmanager.localhost:4100';
const ACCOUNTS = [
  { id: 'john', origin: SANDBOX },
  { id: 'jane', origin: SANDBOX },
  { id: 'bank', origin: 'https://bank.example' },
  { id: 'unbound' },
];

describe('lookalikeWarning', () => {
  it('names both hosts and only the imitated origin’s accounts', () => {
    expect(lookalikeWarning(ACCOUNTS, LOOKALIKE)).toEqual({
      pageHost: 'm2rnmanager.localhost:4100',
      imitatedHost: 'm2mmanager.localhost:4100',
      accountIds: ['john', 'jane'],
    });
  });

  it.each([
    ['the enrolled origin itself', SANDBOX],
    ['an unrelated site', 'https://example.org'],
    ['a page whose URL is hidden', undefined],
  ])('says nothing on %s', (_name, page) => {
    expect(lookalikeWarning(ACCOUNTS, page)).toBeUndefined();
  });

  it('says nothing when no account is bound to any site', () => {
    expect(lookalikeWarning([{ id: 'unbound' }], LOOKALIKE)).toBeUndefined();
  });
});

describe('copyBlocked', () => {
  const warning = { pageHost: 'a', imitatedHost: 'b', accountIds: ['john'] };
  it.each([
    ['an imitated account before "Copy anyway"', warning, false, 'john', true],
    ['an imitated account after "Copy anyway"', warning, true, 'john', false],
    ['another account', warning, false, 'bank', false],
    ['any account with no warning', undefined, false, 'john', false],
  ])('%s', (_name, w, chosen, id, blocked) => {
    expect(copyBlocked(w, chosen, id)).toBe(blocked);
  });
});

describe('AccountsService.lookalike', () => {
  it('warns with the accounts of the imitated origin; nothing while locked', async () => {
    const { accounts, vault } = await vaultServices();
    const view = await accounts.add('otpauth://totp/M2M:john?secret=JBSWY3DPEHPK3PXP&issuer=M2M', SANDBOX);
    expect(await accounts.lookalike(LOOKALIKE)).toEqual({
      warning: {
        pageHost: 'm2rnmanager.localhost:4100',
        imitatedHost: 'm2mmanager.localhost:4100',
        accountIds: [view.id],
      },
    });
    await vault.lock();
    expect(await accounts.lookalike(LOOKALIKE)).toEqual({});
  });
});

describe('pageTabOrigin', () => {
  const OWN = 'chrome-extension://twofold/';
  /** Tabs by window; window 1 is a browser window, window 2 Twofold's own (the unlock window). */
  function fakeBrowser(active: { windowId: number; url?: string }, lastNormal: number, behind?: string) {
    return {
      runtime: { getURL: (path: string) => `${OWN}${path.replace(/^\//, '')}` },
      tabs: {
        query: (q: { lastFocusedWindow?: boolean; windowId?: number }) =>
          Promise.resolve(
            q.lastFocusedWindow ? [active] : q.windowId === lastNormal ? [{ url: behind }] : [],
          ),
      },
      windows: { getLastFocused: () => Promise.resolve({ id: lastNormal }) },
    } as unknown as typeof extensionBrowser;
  }

  it.each([
    [
      'the toolbar popup: the active tab',
      { windowId: 1, url: `${LOOKALIKE}/login` },
      1,
      undefined,
      LOOKALIKE,
    ],
    [
      'the unlock window: the page behind it',
      { windowId: 2, url: `${OWN}popup.html?window=unlock` },
      1,
      `${LOOKALIKE}/2fa`,
      LOOKALIKE,
    ],
    [
      'Twofold opened in a tab of the browser window',
      { windowId: 1, url: `${OWN}popup.html` },
      1,
      undefined,
      undefined,
    ],
    ['a tab whose URL is hidden', { windowId: 1 }, 1, undefined, undefined],
  ])('%s', async (_name, active, lastNormal, behind, expected) => {
    expect(await pageTabOrigin(fakeBrowser(active, lastNormal, behind))).toBe(expected);
  });
});
