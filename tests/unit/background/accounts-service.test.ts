import { describe, expect, it } from 'vitest';
import { generateCode } from '@/lib/otp/codes';
import { parseOtpauthUri } from '@/lib/otp/uri';
import { NOW, vaultServices } from '../helpers/services';

const ORIGIN = 'https://m2m.matooma.com';
const uri = (label: string, secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') =>
  `otpauth://totp/M2Mmanager:${encodeURIComponent(label)}?secret=${secret}&issuer=M2Mmanager`;
const HOTP = 'otpauth://hotp/Bank:jane?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&counter=5';

describe('AccountsService', () => {
  it('adds by URI bound to a website, and lists codes, never secrets', async () => {
    const { accounts } = await vaultServices();
    const view = await accounts.add(uri('jane.doe@example.com'), 'https://m2m.matooma.com/login');
    expect(view).toMatchObject({ issuer: 'M2Mmanager', label: 'jane.doe@example.com', origin: ORIGIN });
    expect(view.code).toBe(generateCode(parseOtpauthUri(uri('x')), NOW));
    const list = await accounts.list();
    expect(list).toEqual([view]);
    expect(JSON.stringify(list)).not.toContain('JBSWY3DP');
  });

  it('adds a bare secret as TOTP named after its website', async () => {
    const { accounts } = await vaultServices();
    expect(await accounts.add('jbsw y3dp ehpk 3pxp', 'example.com')).toMatchObject({
      type: 'totp',
      issuer: 'example.com',
      digits: 6,
      period: 30,
      origin: 'https://example.com',
    });
  });

  it.each([
    ['the same secret for the same origin', uri('jane'), 'https://m2m.matooma.com', /already in Twofold/],
    ['a URL that is no authenticator', 'https://example.com/not-otp', undefined, /otpauth|base32/],
    [
      'a website that is no address',
      uri('other', 'KRSXG5CTMVRXEZLU'),
      'not a site at all',
      /website address/,
    ],
  ])('refuses %s and stores nothing', async (_name, text, website, message) => {
    const { accounts, local } = await vaultServices();
    await accounts.add(uri('jane'), 'm2m.matooma.com');
    const before = local.snapshot();
    await expect(accounts.add(text, website)).rejects.toThrow(message);
    expect(local.snapshot()).toBe(before);
  });

  it('renames and pins, cleaning what was typed; the secret is untouched', async () => {
    const { accounts, vault } = await vaultServices();
    const { id } = await accounts.add(uri('jane'), undefined);
    const secret = (await vault.accounts())[0]!.secret;
    expect(await accounts.update(id, { issuer: '  New\u0007 name ', pinned: true })).toMatchObject({
      issuer: 'New  name',
      pinned: true,
    });
    expect((await vault.accounts())[0]!.secret).toBe(secret);
    await expect(accounts.update('gone', { label: 'x' })).rejects.toThrow(/no longer in Twofold/);
  });

  it('reorders; accounts not named keep their order after the named ones', async () => {
    const { accounts } = await vaultServices();
    const ids: string[] = [];
    for (const [i, name] of ['a', 'b', 'c', 'd'].entries()) {
      ids.push((await accounts.add(uri(name, `KRSXG5CTMVRXEZL${'ABCD'[i]}`), undefined)).id);
    }
    await accounts.reorder([ids[2]!, ids[0]!]);
    expect((await accounts.list()).map((a) => a.label)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('removes one account', async () => {
    const { accounts } = await vaultServices();
    const a = await accounts.add(uri('a'), undefined);
    await accounts.add(uri('b', 'KRSXG5CTMVRXEZLU'), undefined);
    await accounts.remove(a.id);
    expect((await accounts.list()).map((x) => x.label)).toEqual(['b']);
  });

  it('moves a HOTP counter on, and refuses a TOTP account', async () => {
    const { accounts } = await vaultServices();
    const hotp = await accounts.add(HOTP, undefined);
    const next = await accounts.nextHotp(hotp.id);
    expect(next.code).toBe(generateCode({ ...parseOtpauthUri(HOTP), counter: 6 }, NOW));
    const totp = await accounts.add(uri('t'), undefined);
    await expect(accounts.nextHotp(totp.id)).rejects.toMatchObject({ code: 'NOT_HOTP' });
  });

  it('lists accounts of one origin exactly, and sites by number of accounts', async () => {
    const { accounts } = await vaultServices();
    await accounts.add(uri('jane'), ORIGIN);
    await accounts.add(uri('john', 'KRSXG5CTMVRXEZLU'), ORIGIN);
    await accounts.add(uri('x', 'MFRGGZDFMZTWQ2LK'), 'https://a.example');
    await accounts.add(uri('y', 'MFRGGZDFMZTWQ2LL'), 'https://m2m.matooma.com:8443');
    expect((await accounts.forOrigin(ORIGIN)).map((a) => a.label)).toEqual(['jane', 'john']);
    expect(await accounts.sites()).toEqual([
      { origin: ORIGIN, count: 2, names: ['M2Mmanager (jane)', 'M2Mmanager (john)'] },
      { origin: 'https://a.example', count: 1, names: ['M2Mmanager (x)'] },
      { origin: 'https://m2m.matooma.com:8443', count: 1, names: ['M2Mmanager (y)'] },
    ]);
  });
});
