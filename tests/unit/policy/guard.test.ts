import { describe, expect, it } from 'vitest';
import { policyAnswer } from '@/lib/background/managed-guard';
import { ManagedPolicies } from '@/lib/background/managed-policies';
import { isTwofoldError } from '@/lib/errors';

const page = { kind: 'extension-page' };
const managedBy = (raw: unknown) => new ManagedPolicies({ read: () => Promise.resolve(raw) });

describe('the policies in front of the background handlers', () => {
  it.each([
    ['sync:enable', { sync: 'forbidden' }],
    ['sync:useNewPassphrase', { sync: 'forbidden' }],
    ['export:accounts', { plainExport: 'forbidden' }],
    ['import:preview', { import: 'forbidden' }],
    ['import:commit', { import: 'forbidden' }],
    ['passkey:add', { passkeyUnlock: 'forbidden' }],
  ] as const)('%s is refused under %j, and allowed without it', async (type, raw) => {
    const refused = await policyAnswer(managedBy(raw), type, {}, page).catch((error: unknown) => error);
    expect(isTwofoldError(refused, 'POLICY_FORBIDDEN')).toBe(true);
    await expect(policyAnswer(managedBy({}), type, {}, page)).resolves.toBeUndefined();
  });

  it.each([
    ['vault:create', { passphrase: 'eleven char' }],
    ['vault:changePassphrase', { current: 'whatever-it-was', next: 'eleven char' }],
  ] as const)('%s refuses a passphrase under minPassphraseLength, with the minimum', async (type, data) => {
    const managed = managedBy({ minPassphraseLength: 12 });
    const refused = await policyAnswer(managed, type, data, page).catch((error: unknown) => error);
    expect(isTwofoldError(refused, 'POLICY_PASSPHRASE_TOO_SHORT')).toBe(true);
    expect((refused as Error).message).toContain('12');
    const longer = { ...data, passphrase: 'twelve chars', next: 'twelve chars' };
    await expect(policyAnswer(managed, type, longer, page)).resolves.toBeUndefined();
  });

  it('a content script on a blocked site gets no code and no capture; elsewhere it is untouched', async () => {
    const managed = managedBy({ blockedSites: ['https://bank.example'] });
    const blocked = { kind: 'content-script', origin: 'https://bank.example' };
    await expect(policyAnswer(managed, 'autofill:code', {}, blocked)).resolves.toEqual({
      value: { status: 'none' },
    });
    const capture = await policyAnswer(managed, 'capture:save', {}, blocked).catch((error: unknown) => error);
    expect(isTwofoldError(capture, 'POLICY_BLOCKED_SITE')).toBe(true);
    const other = { kind: 'content-script', origin: 'https://other.example' };
    await expect(policyAnswer(managed, 'autofill:code', {}, other)).resolves.toBeUndefined();
  });

  it.each([
    ['a read that throws (no schema)', () => Promise.reject(new Error('Managed storage manifest not found'))],
    ['an empty managed area', () => Promise.resolve({})],
  ])('%s means no policy, and start-up goes on', async (_what, read) => {
    const managed = new ManagedPolicies({ read });
    await expect(managed.reading()).resolves.toEqual({ policies: {}, invalid: [] });
  });

  it('reads again when the managed area changes, and tells its listeners', async () => {
    let raw: unknown = { sync: 'allowed' };
    const managed = new ManagedPolicies({ read: () => Promise.resolve(raw) });
    const seen: unknown[] = [];
    managed.onChange((reading) => seen.push(reading.policies));
    expect((await managed.policies()).sync).toBe('allowed');
    raw = { sync: 'forbidden' };
    await managed.changed();
    expect((await managed.policies()).sync).toBe('forbidden');
    expect(seen).toEqual([{ sync: 'forbidden' }]);
  });
});
