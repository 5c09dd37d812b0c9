import { describe, expect, it } from 'vitest';
import { AutofillService } from '@/lib/background/autofill-service';
import { accountsFromText, CaptureService } from '@/lib/background/capture-service';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { CaptureOffer, CaptureSaveResult } from '@/lib/messaging';
import { encodeMigrationUri } from '@/lib/otp/migration';
import { parseOtpauthUri } from '@/lib/otp/uri';
import { vaultServices } from '../helpers/services';

const ORIGIN = 'https://m2m.matooma.com';
const FROM = { tabId: 3, frameId: 0, origin: ORIGIN };
const URI = 'otpauth://totp/M2Mmanager:jane.doe%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=M2Mmanager';
const NEW_SECRET = URI.replace('JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU');

async function setup(tabOrigin: string | undefined = ORIGIN) {
  const { vault, accounts, now, tick } = await vaultServices();
  const opened: number[] = [];
  const notified: CaptureSaveResult[] = [];
  const shown: CaptureOffer[] = [];
  let next = 0;
  const capture = new CaptureService({
    now,
    showInTwofold: (offer) => {
      shown.push(offer);
      return Promise.resolve();
    },
    vault,
    decode: () => [URI, 'https://example.com/help'],
    openUnlock: () => {
      opened.push(1);
      return Promise.resolve();
    },
    tabOrigin: () => Promise.resolve(tabOrigin),
    notify: (_tab, _frame, result) => {
      notified.push(result);
      return Promise.resolve();
    },
    newId: () => `offer-${next++}`,
  });
  return { vault, accounts, capture, opened, notified, shown, tick };
}

describe('accountsFromText', () => {
  it.each([
    ['a plain URL', 'https://example.com/setup', /not an authenticator code/],
    ['a malformed otpauth URI', 'otpauth://totp/x?issuer=y', /has no secret/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => accountsFromText(text)).toThrow(message);
  });

  it('reads Google Authenticator export batches', () => {
    const batch = encodeMigrationUri([
      parseOtpauthUri(URI),
      parseOtpauthUri(NEW_SECRET.replace('jane', 'john')),
    ]);
    expect(accountsFromText(batch).map((a) => a.label)).toEqual([
      'jane.doe@example.com',
      'john.doe@example.com',
    ]);
  });
});

describe('CaptureService', () => {
  it('offers names only, saves bound to the origin, and returns the first code', async () => {
    const { accounts, capture } = await setup();
    const offer = await capture.offer([URI, 'https://example.com'], FROM);
    expect(offer).toEqual({
      offerId: 'offer-0',
      accounts: [{ issuer: 'M2Mmanager', label: 'jane.doe@example.com', status: 'new' }],
      locked: false,
      origin: ORIGIN,
    });
    const saved = await capture.save(offer.offerId, FROM);
    expect(saved).toMatchObject({ status: 'saved', origin: ORIGIN });
    expect(saved.status === 'saved' && saved.code).toMatch(/^\d{6}$/);
    expect((await accounts.list())[0]).toMatchObject({ origin: ORIGIN, label: 'jane.doe@example.com' });
  });

  it.each([
    ['another tab', { tabId: 4 }],
    ['another frame', { frameId: 2 }],
    ['another origin', { origin: 'https://phish.example' }],
  ])('an offer cannot be saved from %s', async (_name, patch) => {
    const { accounts, capture } = await setup();
    const offer = await capture.offer([URI], FROM);
    expect(await capture.save(offer.offerId, { ...FROM, ...patch })).toEqual({ status: 'expired' });
    expect(await accounts.list()).toHaveLength(0);
  });

  it('decodes pixels handed over by a content script and offers only the authenticator code', async () => {
    const { capture } = await setup();
    const rgba = Buffer.from(new Uint8Array(2 * 2 * 4)).toString('base64');
    const reply = await capture.offerPixels({ width: 2, height: 2, rgba }, FROM);
    expect(reply).toMatchObject({ texts: 2, offer: { accounts: [{ label: 'jane.doe@example.com' }] } });
    expect(JSON.stringify(reply)).not.toContain('JBSWY3DP');
    expect(await capture.offerPixels({ width: 3, height: 2, rgba }, FROM)).toEqual({ texts: 0 });
  });

  it('never saves the same secret twice for one origin', async () => {
    const { accounts, capture } = await setup();
    await capture.save((await capture.offer([URI], FROM)).offerId, FROM);
    const again = await capture.offer([URI], FROM);
    expect(again.accounts[0]?.status).toBe('duplicate');
    await capture.save(again.offerId, FROM);
    expect(await accounts.list()).toHaveLength(1);
  });

  // A page that shows a QR code with a saved account's names but its own key must not replace it.
  it('a page never replaces a saved key: the conflict is held back for review in Twofold', async () => {
    const { accounts, capture, vault, shown } = await setup();
    await capture.save((await capture.offer([URI], FROM)).offerId, FROM);
    const before = await vault.accounts();
    const hostile = await capture.offer([NEW_SECRET], FROM);
    expect(hostile.accounts[0]?.status).toBe('conflict');
    const result = await capture.save(hostile.offerId, FROM);
    expect(result).toMatchObject({
      status: 'saved',
      saved: [],
      review: { accounts: [{ status: 'conflict' }] },
    });
    expect(result.status === 'saved' && result.code).toBeFalsy();
    expect(await vault.accounts()).toEqual(before);

    const reviewId = result.status === 'saved' ? result.review!.offerId : '';
    await capture.review(reviewId, { ...FROM, tabId: 99 });
    expect(shown).toHaveLength(0);
    await capture.review(reviewId, FROM);
    expect(shown).toMatchObject([{ offerId: reviewId, accounts: [{ status: 'conflict' }] }]);
    expect(await accounts.list()).toHaveLength(1);
  });

  it('in Twofold the user may replace: same id, new key, the old key kept and restorable', async () => {
    const { accounts, capture, vault } = await setup();
    await capture.save((await capture.offer([URI], FROM)).offerId, FROM);
    const [old] = await accounts.list();
    const offer = await capture.offer([NEW_SECRET], FROM);
    expect(await capture.saveFromPopup(offer.offerId, { replace: true, confirmFrame: false })).toMatchObject({
      status: 'saved',
    });
    const [after] = await accounts.list();
    expect(after?.id).toBe(old!.id);
    expect(after?.keyReplacedAt).toBeTypeOf('number');
    expect(after!.code).not.toBe(old!.code);
    expect((await vault.accounts())[0]!.previousKeys).toMatchObject([{ secret: 'JBSWY3DPEHPK3PXP' }]);
    expect((await accounts.restoreKey(old!.id)).code).toBe(old!.code);
  });

  it('a capture expires after 15 minutes, also when the user clicks save late', async () => {
    const { accounts, capture, tick } = await setup();
    const offer = await capture.offer([URI], FROM);
    tick(15 * 60_000 + 1);
    expect(await capture.save(offer.offerId, FROM)).toEqual({ status: 'expired' });
    expect(await accounts.list()).toHaveLength(0);
  });

  it("one tab's offers cannot evict another tab's waiting capture", async () => {
    const { accounts, capture, vault } = await setup();
    await vault.lock();
    const waiting = await capture.offer([URI], FROM);
    await capture.save(waiting.offerId, FROM);
    const noisy = { ...FROM, tabId: 8 };
    for (let i = 0; i < 50; i++) await capture.offer([NEW_SECRET], noisy);
    await vault.unlock('a good passphrase');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await accounts.list()).toHaveLength(1);
  });

  it('a save that waited for the unlock is judged again: a conflict is held back, not saved', async () => {
    const { accounts, capture, vault, notified } = await setup();
    await accounts.add(URI, ORIGIN);
    await vault.lock();
    // While locked nothing can be compared: the card could only say "Save".
    const offer = await capture.offer([NEW_SECRET], FROM);
    expect(offer).toMatchObject({ locked: true, accounts: [{ status: 'new' }] });
    expect(await capture.save(offer.offerId, FROM)).toEqual({ status: 'locked' });
    await vault.unlock('a good passphrase');
    await expect.poll(() => notified.length).toBe(1);
    expect(notified[0]).toMatchObject({
      status: 'saved',
      saved: [],
      review: { accounts: [{ status: 'conflict' }] },
    });
    expect((await vault.accounts()).map((a) => a.secret)).toEqual(['JBSWY3DPEHPK3PXP']);
  });

  it('before any vault exists: the card says "set up", and creating the vault saves and fills', async () => {
    const { vault } = await vaultServices({ create: false });
    const notified: CaptureSaveResult[] = [];
    const opened: (number | undefined)[] = [];
    const capture = new CaptureService({
      vault,
      decode: () => [],
      openUnlock: (tab) => {
        opened.push(tab);
        return Promise.resolve();
      },
      tabOrigin: () => Promise.resolve(ORIGIN),
      showInTwofold: () => Promise.resolve(),
      notify: (_tab, _frame, result) => {
        notified.push(result);
        return Promise.resolve();
      },
    });
    const offer = await capture.offer([URI], FROM);
    expect(offer.locked).toBe(true);
    expect(await capture.save(offer.offerId, FROM)).toEqual({ status: 'locked', setUp: true });
    expect(opened).toEqual([FROM.tabId]);
    await vault.create('a good passphrase');
    await expect.poll(() => notified.length).toBe(1);
    expect(notified[0]).toMatchObject({ status: 'saved', origin: ORIGIN });
    expect(notified[0] && 'code' in notified[0] ? notified[0].code : '').toMatch(/^\d{6}$/);
    expect((await vault.accounts()).map((a) => a.origin)).toEqual([ORIGIN]);
  });

  it('holds a capture while locked, opens the unlock window, and saves it at unlock', async () => {
    const { vault, accounts, capture, opened, notified } = await setup();
    await vault.lock();
    const offer = await capture.offer([URI], FROM);
    expect(offer.locked).toBe(true);
    expect(await capture.save(offer.offerId, FROM)).toEqual({ status: 'locked' });
    expect(opened).toHaveLength(1);
    await vault.unlock('a good passphrase');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notified).toMatchObject([{ status: 'saved', origin: ORIGIN }]);
    expect(await accounts.list()).toHaveLength(1);
  });
});

describe('CaptureService.saveFromPopup', () => {
  it.each([
    ['the tab still shows the origin: the page gets the code', ORIGIN, true],
    ['the tab navigated away: the page gets no code', 'https://elsewhere.example', false],
  ])('%s; the popup never does', async (_name, tabOrigin, pageGetsCode) => {
    const { accounts, capture, notified } = await setup(tabOrigin);
    const offer = await capture.offer([URI], FROM);
    const forPopup = await capture.saveFromPopup(offer.offerId, { replace: false, confirmFrame: false });
    expect(forPopup).toEqual({
      status: 'saved',
      origin: ORIGIN,
      saved: [expect.objectContaining({ status: 'new' })],
    });
    expect(notified).toHaveLength(1);
    expect('code' in notified[0]!).toBe(pageGetsCode);
    expect(await accounts.list()).toHaveLength(1);
    expect(await capture.saveFromPopup(offer.offerId, { replace: false, confirmFrame: false })).toEqual({
      status: 'expired',
    });
  });
});

describe("a code found only inside another site's frame", () => {
  it('is never saved from the page, and from Twofold only once the user confirms', async () => {
    const { accounts, capture } = await setup();
    const offer = await capture.offer([URI], FROM, 'https://ads.example');
    expect(offer).toMatchObject({ origin: ORIGIN, foundIn: 'https://ads.example' });
    expect(await capture.save(offer.offerId, FROM)).toEqual({ status: 'expired' });
    expect(await capture.saveFromPopup(offer.offerId, { replace: false, confirmFrame: false })).toEqual({
      status: 'unconfirmed',
    });
    expect(await accounts.list()).toHaveLength(0);
    expect(await capture.saveFromPopup(offer.offerId, { replace: false, confirmFrame: true })).toMatchObject({
      status: 'saved',
      origin: ORIGIN,
    });
    expect(await accounts.list()).toHaveLength(1);
  });
});

describe('the first code of a save is used only once a field took it', () => {
  /** Capture and autofill wired as the background wires them. */
  async function wired() {
    const { vault, now } = await vaultServices();
    const autofill = new AutofillService({
      vault,
      settings: () => Promise.resolve(DEFAULT_SETTINGS),
      tabOrigin: () => Promise.resolve(ORIGIN),
      notifyUnlocked: () => undefined,
      now,
    });
    const capture = new CaptureService({
      vault,
      now,
      decode: () => [URI],
      openUnlock: () => Promise.resolve(),
      tabOrigin: () => Promise.resolve(ORIGIN),
      showInTwofold: () => Promise.resolve(),
      notify: () => Promise.resolve(),
      onCodeGiven: (accountId, code) => autofill.noteCodeUsed(accountId, code),
    });
    return { autofill, capture };
  }

  it.each([
    // [case, who says a field took the code (or nobody), the next login gets]
    ['a page with no field for it (a QR on its own)', undefined, 'code'],
    ['a field took it', FROM, 'wait'],
    ['another frame says so', { ...FROM, frameId: 2 }, 'code'],
    ['another tab says so', { ...FROM, tabId: 9 }, 'code'],
  ] as const)('%s: the next login gets a %s', async (_name, filledFrom, status) => {
    const { autofill, capture } = await wired();
    const saved = await capture.save((await capture.offer([URI], FROM)).offerId, FROM);
    expect(saved.status).toBe('saved');
    if (filledFrom) capture.filled(filledFrom);
    const login = await autofill.code({ ...FROM, tabId: 5, kind: 'content-script', url: `${ORIGIN}/login` });
    expect(login.status).toBe(status);
    if (login.status === 'code') expect(login.code).toBe(saved.status === 'saved' && saved.code);
  });
});
