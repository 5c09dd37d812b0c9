import { describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { lookalikeWarning, pageTabOrigin } from '@/lib/background/lookalike-warning';
import { copyDecision } from '@/components/lookalike-guard';
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

describe('copyDecision', () => {
  const warning = { pageHost: 'a', imitatedHost: 'b', accountIds: ['john'] };
  it.each([
    ['an imitated account before "Copy anyway"', warning, false, 'john', 'blocked'],
    ['an imitated account after "Copy anyway"', warning, true, 'john', 'copy'],
    ['another account', warning, false, 'bank', 'copy'],
    ['any account on a page that imitates nothing', null, false, 'john', 'copy'],
    ['any account before the check answered', undefined, false, 'john', 'wait'],
    ['another account before the check answered', undefined, false, 'bank', 'wait'],
    ['even after "Copy anyway", before the check answered', undefined, true, 'john', 'wait'],
  ] as const)('%s', (_name, w, chosen, id, decision) => {
    expect(copyDecision(w, chosen, id)).toBe(decision);
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
  /** The active tab of the focused window, and the active tab of every window. */
  function fakeBrowser(
    active: { windowId: number; url?: string },
    others: { windowId: number; url?: string; lastAccessed: number }[],
  ) {
    return {
      runtime: { getURL: (path: string) => `${OWN}${path.replace(/^\//, '')}` },
      tabs: {
        query: (q: { lastFocusedWindow?: boolean }) =>
          Promise.resolve(q.lastFocusedWindow ? [active] : [{ ...active, lastAccessed: 9 }, ...others]),
      },
    } as unknown as typeof extensionBrowser;
  }

  const OTHER_WINDOWS = [
    { windowId: 3, url: 'https://older.example/', lastAccessed: 1 },
    { windowId: 1, url: `${LOOKALIKE}/2fa`, lastAccessed: 5 },
  ];
  it.each([
    ['the toolbar popup: the active tab', { windowId: 1, url: `${LOOKALIKE}/login` }, [], LOOKALIKE],
    [
      'the unlock window: the page of the browser window used last',
      { windowId: 2, url: `${OWN}popup.html?window=unlock` },
      OTHER_WINDOWS,
      LOOKALIKE,
    ],
    [
      'Twofold opened in a tab, with no other window',
      { windowId: 1, url: `${OWN}popup.html` },
      [],
      undefined,
    ],
    ['a tab whose URL is hidden', { windowId: 1 }, OTHER_WINDOWS, undefined],
  ])('%s', async (_name, active, others, expected) => {
    expect(await pageTabOrigin(fakeBrowser(active, others))).toBe(expected);
  });
});
