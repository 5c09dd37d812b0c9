/** Every account kind, and a replaced key of every kind, through a Twofold backup and back. */
import { describe, expect, it } from 'vitest';
import type { OtpAccount, PreviousKey, StoredAccount } from '../../../lib/otp';
import { generateCode } from '../../../lib/otp';
import { createBackup, importText } from '../../../lib/transfer';
import { V } from './helpers';

const CHEAP = { kdf: { memory: 64, iterations: 1, parallelism: 1 }, now: Date.UTC(2026, 0, 2) };
const PASS = 'long backup passphrase';
const T = 1_700_000_000_000;

const STEAM: OtpAccount = {
  type: 'totp',
  issuer: 'Steam',
  label: 'gabe',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
  counter: 0,
  encoder: 'steam',
};
const KINDS: Record<'TOTP' | 'HOTP' | 'Steam', OtpAccount> = { TOTP: V(1), HOTP: V(3), Steam: STEAM };

function previous(key: OtpAccount, secret: string, replacedAt: number): PreviousKey {
  const { type, algorithm, digits, period, counter, encoder } = key;
  return { type, secret, algorithm, digits, period, counter, ...(encoder ? { encoder } : {}), replacedAt };
}

/** A replaced key of every kind, each with a secret of its own. */
const PREVIOUS: PreviousKey[] = [
  previous(V(2), 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', T - 1000),
  previous({ ...V(3), counter: 17 }, 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', T - 2000),
  previous(STEAM, 'KRUGS4ZANFZSAYLOEBXGK5ZAMNXWIZJB', T - 3000),
];

describe('Twofold backup keeps every kind of key', () => {
  it.each(Object.entries(KINDS))(
    'a %s account with replaced TOTP, HOTP and Steam keys comes back the same, each key its own kind',
    async (_kind, key) => {
      const account: StoredAccount = { ...key, id: 'x', createdAt: 1, updatedAt: 2, previousKeys: PREVIOUS };
      const result = await importText(await createBackup([account], PASS, CHEAP), PASS);
      expect(result.skipped).toEqual([]);
      const [back] = result.accounts;
      expect(back).toEqual({ ...key, createdAt: 1, previousKeys: PREVIOUS });
      // The undo of a Steam key still gives Steam codes (letters), the others digits.
      const undo = (k: PreviousKey) => generateCode({ ...key, encoder: undefined, ...k }, T);
      expect(back?.previousKeys?.map(undo)).toEqual(PREVIOUS.map(undo));
      expect(undo(back!.previousKeys![2]!)).toMatch(/^[2-9B-DF-HJ-NP-TV-Y]{5}$/);
      expect(undo(back!.previousKeys![0]!)).toMatch(/^\d+$/);
    },
  );

  it('replaced keys with no encoder field (the layout older backups wrote) import as plain keys', async () => {
    const plain = PREVIOUS.slice(0, 2);
    const account: StoredAccount = { ...STEAM, id: 'x', createdAt: 1, updatedAt: 2, previousKeys: plain };
    const text = await createBackup([account], PASS, CHEAP);
    const [back] = (await importText(text, PASS)).accounts;
    expect(back?.encoder).toBe('steam');
    expect(back?.previousKeys).toEqual(plain);
    expect(back?.previousKeys?.some((k) => 'encoder' in k)).toBe(false);
  });
});
