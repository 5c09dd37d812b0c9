import { describe, expect, it } from 'vitest';
import { AutofillService, pickAccount } from '@/lib/background/autofill-service';
import type { ContentSender } from '@/lib/background/router';
import { SessionKey } from '@/lib/background/session-key';
import { VaultService } from '@/lib/background/vault-service';
import type { StoredAccount } from '@/lib/otp/account';
import { generateCode } from '@/lib/otp/codes';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { VaultStore } from '@/lib/vault/store';
import { MemoryArea } from '../helpers/memory-area';

const ORIGIN = 'https://m2m.matooma.com';
const NOW = 1_750_000_000_000; // 10 s into a 30 s period
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

async function setup(tabOrigin: string | undefined, correctionMs?: number) {
  let now = NOW;
  const vault = new VaultService({
    store: new VaultStore(new MemoryArea(), { kdf: { memory: 256, iterations: 1, parallelism: 1 } }),
    sessionKey: new SessionKey(new MemoryArea()),
    now: () => now,
  });
  await vault.create('a good passphrase');
  const notified: number[][] = [];
  const service = new AutofillService({
    vault,
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    tabOrigin: () => Promise.resolve(tabOrigin),
    notifyUnlocked: (tabs) => notified.push(tabs),
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
  return { vault, service, from, notified, tick: (ms: number) => (now += ms) };
}

describe('AutofillService', () => {
  it('gives the code of the account bound to the sender origin, codes only', async () => {
    const { vault, service, from } = await setup(ORIGIN);
    const view = await vault.addUri(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const reply = await service.code(from);
    expect(reply).toEqual({
      status: 'code',
      accountId: view.id,
      code: generateCode(account('x'), NOW),
      expiresAt: NOW + 20_000,
      rememberDevice: false,
    });
  });

  it.each([
    ['another origin in the frame', { origin: 'https://m2m.matooma.com.evil.example' }, ORIGIN],
    ['a frame embedded by another site', {}, 'https://phish.example'],
    ['a tab whose URL is hidden from us', {}, undefined],
  ])('refuses %s', async (_name, senderPatch, tabOrigin) => {
    const { vault, service, from } = await setup(tabOrigin);
    await vault.addUri(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
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
      const { vault, service, from } = await setup(ORIGIN, skew);
      await vault.addUri(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
      expect(await service.code(from, undefined, next)).toMatchObject({
        status: 'code',
        code: generateCode(account('x'), codeAt),
        expiresAt,
      });
    },
  );

  it('never hands out the same code twice: the second asker waits for the next period', async () => {
    const { vault, service, from, tick } = await setup(ORIGIN);
    await vault.addUri(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    expect(await service.code(from)).toMatchObject({ status: 'code' });
    expect(await service.code(from)).toMatchObject({ status: 'wait', retryAt: NOW + 20_000 });
    tick(20_000);
    expect(await service.code(from)).toMatchObject({
      status: 'code',
      code: generateCode(account('x'), NOW + 20_000),
    });
  });

  it('with several accounts, uses the username typed in the tab, else asks which', async () => {
    const { vault, service, from } = await setup(ORIGIN);
    await vault.addUri(uri('jane.doe@example.com', 'JBSWY3DPEHPK3PXP'), ORIGIN);
    const john = await vault.addUri(uri('john.smith@example.com', 'KRSXG5CTMVRXEZLU'), ORIGIN);
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
});
