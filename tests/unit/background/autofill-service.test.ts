import { describe, expect, it } from 'vitest';
import { AccountsService } from '@/lib/background/accounts-service';
import { AutofillChoices } from '@/lib/background/autofill-choices';
import { AutofillService, pickAccount } from '@/lib/background/autofill-service';
import type { ContentSender } from '@/lib/background/router';
import type { StoredAccount } from '@/lib/otp/account';
import { generateCode } from '@/lib/otp/codes';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { MemoryArea } from '../helpers/memory-area';
import { NOW, vaultServices } from '../helpers/services';

const ORIGIN = 'https://m2m.matooma.com';
const uri = (label: string, secret: string) =>
  `otpauth://totp/M2Mmanager:${encodeURIComponent(label)}?secret=${secret}&issuer=M2Mmanager`;

function account(label: string): StoredAccount {
  return {
    id: label,
    type: 'totp',
    issuer: 'M2Mmanager',
    label,
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('pickAccount', () => {
  const jane = account('jane.doe@example.com');
  const john = account('john.smith@example.com');
  it.each([
    ['one account, no username', [jane], undefined, jane],
    ['two accounts, no username', [jane, john], undefined, undefined],
    ['exact username', [jane, john], 'john.smith@example.com', john],
    ['username in another case', [jane, john], 'JANE.DOE@example.com', jane],
    ['local part only', [jane, john], 'john.smith', john],
    ['unknown username', [jane, john], 'alex@example.com', undefined],
  ])('%s', (_name, accounts, username, expected) => {
    expect(pickAccount(accounts, username)).toBe(expected);
  });
});

async function setup(tabOrigin: string | undefined, withChoices = false, correctionMs?: number) {
  const { vault, accounts, now, tick } = await vaultServices();
  const notified: number[][] = [];
  const service = new AutofillService({
    vault,
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    tabOrigin: () => Promise.resolve(tabOrigin),
    notifyUnlocked: (tabs) => notified.push(tabs),
    now,
    ...(withChoices ? { choices: new AutofillChoices(new MemoryArea()) } : {}),
    ...(correctionMs === undefined
      ? {}
      : {
          clock: {
            beforeFill: () => Promise.resolve(),
            correction: (origin: string) => Promise.resolve(origin === ORIGIN ? correctionMs : 0),
          },
        }),
  });
  const from: ContentSender = {
    kind: 'content-script',
    origin: ORIGIN,
    tabId: 7,
    frameId: 0,
    url: `${ORIGIN}/login`,
  };
  return { vault, accounts, service, from, notified, tick, now };
}

describe('AutofillService', () => {
  it('gives the code of the account bound to the sender origin, codes only', async () => {
    const { accounts, service, from } = await setup(ORIGIN);
    const view = await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const reply = await service.code(from);
    expect(reply).toEqual({
      status: 'code',
      accountId: view.id,
      origin: ORIGIN,
      code: generateCode(account('x'), NOW),
      expiresAt: NOW + 20_000,
      rememberDevice: false,
      issuer: 'M2Mmanager',
      label: 'jane.doe@example.com',
    });
  });

  it.each([
    ['another origin in the frame', { origin: 'https://m2m.matooma.com.evil.example' }, ORIGIN],
    ['a frame embedded by another site', {}, 'https://phish.example'],
    ['a tab whose URL is hidden from us', {}, undefined],
  ])('refuses %s', async (_name, senderPatch, tabOrigin) => {
    const { accounts, service, from } = await setup(tabOrigin);
    await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    expect(await service.code({ ...from, ...senderPatch })).toEqual({ status: 'none' });
  });

  it.each([
    // [skew (site minus computer), asked for the next code, code at, expiry on the local clock]
    [90_000, false, NOW + 90_000, NOW + 20_000],
    [-47_000, false, NOW - 47_000, NOW + 7_000],
    [0, true, NOW + 30_000, NOW + 50_000],
    [90_000, true, NOW + 120_000, NOW + 50_000],
  ])(
    "skew %i ms, next %s: the code is the site clock's, the expiry ours",
    async (skew, next, codeAt, expiresAt) => {
      const { accounts, service, from } = await setup(ORIGIN, false, skew);
      await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
      expect(await service.code(from, { next })).toMatchObject({
        status: 'code',
        code: generateCode(account('x'), codeAt),
        expiresAt,
      });
    },
  );

  it('offers the same code until the page submits it; then the next asker waits for the next period', async () => {
    const { accounts, service, from, tick } = await setup(ORIGIN);
    const view = await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const first = await service.code(from);
    // A reload before submit gets the same code at once.
    expect(await service.code(from)).toEqual(first);
    await service.submitted(from, view.id);
    expect(await service.code(from)).toMatchObject({ status: 'wait', retryAt: NOW + 20_000 });
    tick(20_000);
    expect(await service.code(from)).toMatchObject({
      status: 'code',
      code: generateCode(account('x'), NOW + 20_000),
    });
  });

  describe('a code the user copied from the popup is used', () => {
    /** The popup's service, wired to autofill as the background wires it. */
    async function withPopup(skewMs?: number) {
      const parts = await setup(ORIGIN, false, skewMs);
      const popup = new AccountsService(
        parts.vault,
        parts.now,
        () => Promise.resolve((origin) => (origin === ORIGIN ? (skewMs ?? 0) : 0)),
        undefined,
        (id, code) => parts.service.noteCodeCopied(id, code),
      );
      return { ...parts, popup };
    }

    it.each([
      ['on this clock', undefined],
      ["on the site's clock, 15 s ahead", 15_000],
    ])('TOTP, %s: autofill waits for the next period instead of offering it again', async (_, skew) => {
      const { popup, service, from, tick } = await withPopup(skew);
      const view = await popup.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
      const [shownView] = await popup.list();
      const shown = shownView?.code;
      await popup.used(view.id);
      // The card's "Next code in N s": the end of the period the popup showed.
      const reply = await service.code(from);
      expect(reply).toEqual({ status: 'wait', accountId: view.id, retryAt: shownView?.expiresAt });
      tick((shownView?.expiresAt ?? NOW) - NOW);
      const next = await service.code(from);
      expect(next).toMatchObject({ status: 'code' });
      expect(next.status === 'code' && next.code).not.toBe(shown);
    });

    it('TOTP: without a copy the same code is offered at once', async () => {
      const { popup, service, from } = await withPopup();
      await popup.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
      const shown = (await popup.list())[0]?.code;
      expect(await service.code(from)).toMatchObject({ status: 'code', code: shown });
    });

    it('HOTP: a copy spends nothing (the counter moves with "Next code" or a submitted fill)', async () => {
      const { popup, service, from, vault } = await withPopup();
      const view = await popup.add(
        'otpauth://hotp/Site:jane?secret=JBSWY3DPEHPK3PXP&issuer=Site&counter=5',
        ORIGIN,
      );
      await popup.used(view.id);
      const hotp5 = generateCode({ ...account('x'), type: 'hotp', counter: 5 }, NOW);
      expect(await service.code(from, { userAction: true })).toMatchObject({ status: 'code', code: hotp5 });
      expect((await vault.accounts())[0]?.counter).toBe(5);
    });
  });

  it('ignores a submission from another origin', async () => {
    const { accounts, service, from } = await setup(ORIGIN);
    const view = await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    await service.code(from);
    await service.submitted({ ...from, origin: 'https://evil.example' }, view.id);
    expect(await service.code(from)).toMatchObject({ status: 'code' });
  });

  it('HOTP: no code without a user action; the same code until submitted; the counter moves once per code', async () => {
    const { vault, accounts, service, from } = await setup(ORIGIN);
    const view = await accounts.add(
      'otpauth://hotp/Site:jane?secret=JBSWY3DPEHPK3PXP&issuer=Site&counter=5',
      ORIGIN,
    );
    const hotp = (counter: number) => generateCode({ ...account('x'), type: 'hotp', counter }, NOW);
    expect(await service.code(from)).toEqual({ status: 'action', accountId: view.id });
    const given = await service.code(from, { userAction: true });
    expect(given).toMatchObject({ status: 'code', code: hotp(5) });
    expect(await service.code(from, { userAction: true })).toMatchObject({ code: hotp(5) });
    // A page that claims many submissions moves the counter once for the one code it was given.
    await Promise.all([service.submitted(from, view.id), service.submitted(from, view.id)]);
    await service.submitted(from, view.id);
    expect(await service.code(from, { userAction: true })).toMatchObject({ code: hotp(6) });
    const stored = (await vault.accounts())[0];
    expect(stored?.counter).toBe(6);
  });

  it('remembers the chooser answer per username per site', async () => {
    const { accounts, service, from } = await setup(ORIGIN, true);
    const jane = await accounts.add(uri('jane', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    await accounts.add(uri('john', 'KRSXG5CTMVRXEZLU'), ORIGIN);
    service.rememberUsername(from, 'boss@example.com');
    expect(await service.code(from)).toMatchObject({ status: 'choose' });
    await service.code(from, { accountId: jane.id, remember: true });
    expect(await service.code(from)).toMatchObject({ status: 'code', accountId: jane.id });
    service.rememberUsername(from, 'other@example.com');
    expect(await service.code(from)).toMatchObject({ status: 'choose' });
  });

  it('with several accounts, uses the username typed in the tab, else asks which', async () => {
    const { accounts, service, from } = await setup(ORIGIN);
    await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const john = await accounts.add(uri('john.smith@example.com', 'KRSXG5CTMVRXEZLU'), ORIGIN);
    const choose = await service.code(from);
    expect(choose).toMatchObject({ status: 'choose' });
    expect(JSON.stringify(choose)).not.toMatch(/JBSW|KRSX/);
    service.rememberUsername(from, 'john.smith@example.com');
    expect(await service.code(from)).toMatchObject({ status: 'code', accountId: john.id });
  });

  it('when locked, says so and tells the tab once the vault is unlocked', async () => {
    const { vault, service, from, notified } = await setup(ORIGIN);
    await vault.lock();
    expect(await service.code(from)).toEqual({ status: 'locked' });
    await vault.unlock('a good passphrase');
    expect(notified).toEqual([[7]]);
  });

  it('before any vault exists there is nothing to unlock: no card asks to', async () => {
    const { vault } = await vaultServices({ create: false });
    const service = new AutofillService({
      vault,
      settings: () => Promise.resolve(DEFAULT_SETTINGS),
      tabOrigin: () => Promise.resolve(ORIGIN),
      notifyUnlocked: () => undefined,
    });
    const from: ContentSender = { kind: 'content-script', origin: ORIGIN, tabId: 7, frameId: 0, url: ORIGIN };
    expect(await service.code(from)).toEqual({ status: 'none' });
  });
});

describe('AutofillService on a page imitating an enrolled site', () => {
  /** One letter pair swapped for a lookalike ("rn" for "m"): any detector flags it. */
  const LOOKALIKE = 'https://m2m.rnatooma.com';

  it.each([
    ['the page finding its code field', {}],
    ['the fill shortcut or the context menu', { userAction: true }],
  ])('%s: no code, the card names both hosts', async (_name, request) => {
    const { accounts, service, from } = await setup(LOOKALIKE);
    await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const reply = await service.code({ ...from, origin: LOOKALIKE, url: `${LOOKALIKE}/login` }, request);
    expect(reply).toEqual({
      status: 'lookalike',
      pageHost: 'm2m.rnatooma.com',
      imitatedHost: 'm2m.matooma.com',
    });
  });

  it("a lookalike page with accounts of its own gets its own code, never the imitated site's", async () => {
    const { accounts, service, from } = await setup(LOOKALIKE);
    await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const own = await accounts.add(uri('own@example.com', 'GEZDGNBVGY3TQOJQ'), LOOKALIKE);
    const reply = await service.code({ ...from, origin: LOOKALIKE, url: `${LOOKALIKE}/login` });
    expect(reply).toMatchObject({ status: 'code', accountId: own.id, origin: LOOKALIKE });
  });

  it('an unrelated site with no account gets nothing, and no warning', async () => {
    const other = 'https://example.org';
    const { accounts, service, from } = await setup(other);
    await accounts.add(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    expect(await service.code({ ...from, origin: other, url: `${other}/` })).toEqual({ status: 'none' });
  });
});
