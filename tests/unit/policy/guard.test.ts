import { describe, expect, it } from 'vitest';
import { policyAnswer, policyReply } from '@/lib/background/managed-guard';
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
    ['passkey:unlock', { passkeyUnlock: 'forbidden' }],
    // Without its options no page offers a passkey, to set up or to unlock with.
    ['passkey:options', { passkeyUnlock: 'forbidden' }],
    ['clock:setEnabled', { clockCheck: 'on' }],
    ['clock:setEnabled', { clockCheck: 'off' }],
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

  it.each([{ clockCheck: 'user' }, { passkeyUnlock: 'required' }, { passkeyUnlock: 'allowed' }])(
    'the user keeps the clock switch and passkeys under %j',
    async (raw) => {
      const managed = managedBy(raw);
      await expect(
        policyAnswer(managed, 'clock:setEnabled', { enabled: false }, page),
      ).resolves.toBeUndefined();
      await expect(policyAnswer(managed, 'passkey:options', {}, page)).resolves.toBeUndefined();
    },
  );
});

describe('what the organisation asks, added to the vault state', () => {
  const unlocked = { exists: true, unlocked: true, quarantined: 0, readOnly: false };
  const locked = { ...unlocked, unlocked: false };
  const noPasskey = () => Promise.resolve(false);

  it.each([
    // [message, its data, the state it answered, policy, what is added]
    [
      'vault:unlock',
      { passphrase: 'eleven char' },
      unlocked,
      { minPassphraseLength: 12 },
      { passphraseMinLength: 12 },
    ],
    ['vault:unlock', { passphrase: 'twelve chars' }, unlocked, { minPassphraseLength: 12 }, {}],
    // A wrong passphrase never unlocks: nothing is said about the one typed.
    ['vault:unlock', { passphrase: 'eleven char' }, locked, { minPassphraseLength: 12 }, {}],
    // Only the unlock carries the passphrase: other states say nothing about its length.
    ['vault:state', {}, unlocked, { minPassphraseLength: 12 }, {}],
    ['passkey:unlock', { credentialId: 'c', kek: 'k' }, unlocked, { minPassphraseLength: 12 }, {}],
    ['vault:state', {}, unlocked, { passkeyUnlock: 'required' }, { passkeyRequired: true }],
    [
      'vault:create',
      { passphrase: 'long enough passphrase' },
      unlocked,
      { passkeyUnlock: 'required' },
      { passkeyRequired: true },
    ],
    ['vault:state', {}, locked, { passkeyUnlock: 'required' }, {}],
    ['vault:state', {}, unlocked, { passkeyUnlock: 'allowed' }, {}],
  ] as const)('%s %j answering %j under %j adds %j', async (type, data, state, raw, added) => {
    const managed = managedBy(raw);
    // The background starts reading at start-up.
    await managed.reading();
    const reply = await policyReply(managed, type, data, state, noPasskey);
    expect(reply).toEqual({ ...state, ...added });
  });

  it('a vault with a passkey is not asked for one; other answers pass untouched', async () => {
    const managed = managedBy({ passkeyUnlock: 'required', minPassphraseLength: 30 });
    await managed.reading();
    const hasOne = () => Promise.resolve(true);
    await expect(policyReply(managed, 'vault:state', {}, unlocked, hasOne)).resolves.toEqual(unlocked);
    const list = [{ id: 'a' }];
    await expect(policyReply(managed, 'accounts:list', { passphrase: 'x' }, list, noPasskey)).resolves.toBe(
      list,
    );
  });

  it.each([
    [{ passkeyUnlock: 'required' }, { passkeyRequired: true }],
    [{ passkeyUnlock: 'allowed' }, {}],
  ] as const)("the popup's start carries the state's requests under %j", async (raw, added) => {
    const managed = managedBy(raw);
    await managed.reading();
    const start = { state: unlocked, accounts: [], origin: 'https://example.org' };
    const reply = await policyReply(managed, 'popup:start', undefined, start, noPasskey);
    expect(reply).toEqual({ ...start, state: { ...unlocked, ...added } });
  });

  it("the popup's first state never waits for the managed area; once it answered, the request rides on it", async () => {
    let answer: (raw: unknown) => void = () => undefined;
    const managed = new ManagedPolicies({ read: () => new Promise((resolve) => (answer = resolve)) });
    const reading = managed.reading();
    await expect(policyReply(managed, 'vault:state', {}, unlocked, noPasskey)).resolves.toEqual(unlocked);
    answer({ passkeyUnlock: 'required' });
    await reading;
    await expect(policyReply(managed, 'vault:state', {}, unlocked, noPasskey)).resolves.toEqual({
      ...unlocked,
      passkeyRequired: true,
    });
  });
});
