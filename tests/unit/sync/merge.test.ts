import { describe, expect, it } from 'vitest';
import { replaceKey, restorePreviousKey } from '@/lib/background/accounts';
import { deleteAccount, restoreDeleted } from '@/lib/background/deleted-accounts';
import type { PreviousKey, StoredAccount } from '@/lib/otp/account';
import {
  MAX_PREVIOUS_KEYS,
  mergeRecord,
  PREVIOUS_KEY_RETENTION_MS,
  unionPreviousKeys,
} from '@/lib/sync/merge';
import type { SyncRecord } from '@/lib/sync/record';
import { devices, settle, view, type Device } from './devices';
import { typicalAccount } from './fake-sync';

const NEW_KEY = {
  type: 'totp',
  issuer: '',
  label: '',
  secret: 'KRUGS4ZANFZSAYLOEBXGK5ZAMNXWIZJB',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
} as const;
const OTHER_KEY = { ...NEW_KEY, secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' } as const;
const MINUTE = 60_000;
const DAY = 24 * 3600_000;

async function pair() {
  const setup = await devices(2);
  const [a, b] = setup.devices as [Device, Device];
  return { ...setup, a, b };
}

function edit(device: Device, change: (a: StoredAccount) => StoredAccount): void {
  device.vault.accounts = device.vault.accounts.map(change);
}

const steam: StoredAccount = {
  ...typicalAccount(9),
  issuer: 'Steam',
  label: 'gabe',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  digits: 5,
  encoder: 'steam',
};

describe('merge by concern: a stale edit never rolls back a key', () => {
  it.each<[string, (a: StoredAccount) => StoredAccount]>([
    ['renames', (a) => ({ ...a, label: 'renamed on B' })],
    ['pins', (a) => ({ ...a, pinned: !a.pinned })],
    ['clears the website of', ({ origin: _o, ...a }) => a],
    ['sets another website on', (a) => ({ ...a, origin: 'https://other.example' })],
  ])(
    'A replaces the key, B (not yet synced) %s the account a minute later: both keep the new key and the edit',
    async (_name, change) => {
      const { network, clock, a, b, devices: all } = await pair();
      a.vault.accounts = [typicalAccount(1, clock.now)];
      await settle(network, all);
      edit(a, (x) => replaceKey(x, NEW_KEY, clock.now));
      await a.engine.run();
      clock.now += MINUTE;
      edit(b, change);
      await b.engine.run();
      await settle(network, all);
      const [merged] = a.vault.accounts;
      expect(merged?.secret).toBe(NEW_KEY.secret);
      expect(merged?.previousKeys?.map((k) => k.secret)).toEqual([typicalAccount(1).secret]);
      const expected = change(typicalAccount(1));
      expect([merged?.label, merged?.pinned, merged?.origin]).toEqual([
        expected.label,
        expected.pinned,
        expected.origin,
      ]);
      expect(view(b.vault)).toEqual(view(a.vault));
    },
  );

  it('B moving the account after A replaced its key keeps the key and the new order', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now), typicalAccount(2, clock.now)];
    await settle(network, all);
    edit(a, (x) => (x.label === 'operator1@example.com' ? replaceKey(x, NEW_KEY, clock.now) : x));
    await a.engine.run();
    clock.now += MINUTE;
    b.vault.accounts = [...b.vault.accounts].reverse();
    await b.engine.run();
    await settle(network, all);
    expect(a.vault.accounts.map((x) => [x.label, x.secret])).toEqual([
      ['operator2@example.com', typicalAccount(2).secret],
      ['operator1@example.com', NEW_KEY.secret],
    ]);
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('an undo of the replacement beats a stale rename, and the rename is kept', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    edit(a, (x) => replaceKey(x, NEW_KEY, clock.now));
    await settle(network, all);
    clock.now += MINUTE;
    edit(a, (x) => restorePreviousKey(x, clock.now)!);
    await a.engine.run();
    clock.now += MINUTE;
    edit(b, (x) => ({ ...x, label: 'renamed on B' }));
    await b.engine.run();
    await settle(network, all);
    const [merged] = b.vault.accounts;
    expect([merged?.secret, merged?.label]).toEqual([typicalAccount(1).secret, 'renamed on B']);
    expect(merged?.previousKeys?.map((k) => k.secret)).toEqual([NEW_KEY.secret]);
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('two concurrent replacements: the later key is current, the other is kept in previousKeys', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    edit(a, (x) => replaceKey(x, NEW_KEY, clock.now));
    await a.engine.run();
    clock.now += MINUTE;
    edit(b, (x) => replaceKey(x, OTHER_KEY, clock.now));
    await b.engine.run();
    await settle(network, all);
    const [merged] = a.vault.accounts;
    expect(merged?.secret).toBe(OTHER_KEY.secret);
    expect(merged?.previousKeys?.map((k) => k.secret).sort()).toEqual(
      [NEW_KEY.secret, typicalAccount(1).secret].sort(),
    );
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('previousKeys reach the other computer, so its undo offers the same key', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    edit(a, (x) => replaceKey(x, NEW_KEY, clock.now));
    await settle(network, all);
    expect(b.vault.accounts[0]?.previousKeys).toEqual(a.vault.accounts[0]?.previousKeys);
    edit(b, (x) => restorePreviousKey(x, clock.now)!);
    await settle(network, all);
    expect(a.vault.accounts[0]?.secret).toBe(typicalAccount(1).secret);
  });
});

describe('Steam accounts sync whole', () => {
  it('arrive as Steam, and a rename elsewhere keeps them Steam', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [steam];
    await settle(network, all);
    expect(b.vault.accounts[0]).toMatchObject({ encoder: 'steam', digits: 5 });
    edit(b, (x) => ({ ...x, label: 'gaben' }));
    await settle(network, all);
    expect(a.vault.accounts[0]).toMatchObject({ encoder: 'steam', digits: 5, label: 'gaben' });
  });
});

describe('HOTP counters never go back', () => {
  it('both computers used codes before syncing: the higher counter wins', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [{ ...typicalAccount(1), type: 'hotp', counter: 10 }];
    await settle(network, all);
    edit(a, (x) => ({ ...x, counter: 13 }));
    edit(b, (x) => ({ ...x, counter: 11, label: 'renamed on B' }));
    await b.engine.run(); // B's write is the newer record
    await a.engine.run();
    await settle(network, all);
    expect(a.vault.accounts[0]).toMatchObject({ counter: 13, label: 'renamed on B' });
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('an undo on one computer while the other undid back: the current key keeps the counter it reached as a replaced key', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    const hotp = { ...NEW_KEY, type: 'hotp', counter: 7 } as const;
    a.vault.accounts = [{ ...typicalAccount(1, clock.now), type: 'hotp', counter: 1 }];
    await settle(network, all);
    edit(a, (x) => replaceKey(x, hotp, clock.now));
    await settle(network, all);
    // A undoes, uses the old key up to 4, then undoes again (the new key current, the old one at 4)…
    clock.now += MINUTE;
    edit(a, (x) => ({ ...restorePreviousKey(x, clock.now)!, counter: 4 }));
    edit(a, (x) => restorePreviousKey(x, clock.now)!);
    // …while B, not synced, undoes once: the old key current at 1, later than A's writes.
    clock.now += MINUTE;
    edit(b, (x) => restorePreviousKey(x, clock.now)!);
    await a.engine.run();
    await b.engine.run();
    await settle(network, all);
    const [merged] = a.vault.accounts;
    expect(merged).toMatchObject({ secret: typicalAccount(1).secret, counter: 4 });
    expect(view(b.vault)).toEqual(view(a.vault));
  });
});

describe('a key let go by the 30-day rule, held by a computer that was away', () => {
  const hotpKey = (n: number) =>
    ({ ...NEW_KEY, type: 'hotp', secret: `${'K'.repeat(31)}${'ABCDEFGHIJ'[n]}`, counter: 0 }) as const;
  const held = (x: StoredAccount) => [x, ...(x.previousKeys ?? [])].map((k) => k.secret);

  /**
   * A and B hold an HOTP account at 10; B goes away. A uses a code (11), then replaces the key
   * six times, 40 days apart, syncing each time (as on every save): beyond the 5 newest and 30
   * days, A lets the first key go.
   */
  async function letGoWhileBAway() {
    const setup = await pair();
    const { network, clock, a, devices: all } = setup;
    const first = { ...typicalAccount(1, clock.now), type: 'hotp', counter: 10 } as const;
    a.vault.accounts = [first];
    await settle(network, all);
    edit(a, (x) => ({ ...x, counter: 11 }));
    await a.engine.run();
    for (let n = 0; n <= MAX_PREVIOUS_KEYS; n++) {
      clock.now += 40 * DAY;
      edit(a, (x) => replaceKey(x, hotpKey(n), clock.now));
      await a.engine.run();
    }
    expect(held(a.vault.accounts[0]!)).not.toContain(first.secret);
    const kept = held(a.vault.accounts[0]!);
    return { ...setup, first, kept };
  }

  it('stays let go when B comes back, and every key A kept stays', async () => {
    const { network, a, b, devices: all, first, kept } = await letGoWhileBAway();
    edit(b, (x) => ({ ...x, label: 'renamed while away' }));
    await b.engine.run();
    await settle(network, all);
    expect(view(b.vault)).toEqual(view(a.vault));
    const merged = a.vault.accounts[0]!;
    expect(merged.label).toBe('renamed while away');
    // Brought back, it would take one of the 5 places kept whatever their age and push out the
    // oldest of them (replaced only 4 replacements ago): a key lost.
    expect(held(merged)).toEqual(kept);
    expect(held(merged)).not.toContain(first.secret);
  });

  it('comes back when B made it current after it was let go, with the counter A reached', async () => {
    const { network, clock, a, b, devices: all, first } = await letGoWhileBAway();
    // While away, B replaces the key and undoes the replacement: the first key current again
    // (its key version unchanged, older than A's), after A let it go.
    clock.now += DAY;
    edit(b, (x) => replaceKey(x, OTHER_KEY, clock.now));
    edit(b, (x) => restorePreviousKey(x, clock.now)!);
    await b.engine.run();
    await settle(network, all);
    expect(view(b.vault)).toEqual(view(a.vault));
    const merged = a.vault.accounts[0]!;
    expect(merged.secret).toBe(hotpKey(MAX_PREVIOUS_KEYS).secret);
    // B knew 10; A had used a code at 11 before letting it go: 11, so that code is not offered again.
    expect(merged.previousKeys?.find((k) => k.secret === first.secret)).toMatchObject({ counter: 11 });
    expect(held(merged)).toContain(OTHER_KEY.secret);
  });

  it('is remembered by digest, counter and date only, on both computers', async () => {
    const { network, a, devices: all, first } = await letGoWhileBAway();
    await settle(network, all);
    const newest = Math.max(...a.vault.accounts[0]!.previousKeys!.map((k) => k.replacedAt));
    for (const device of all) {
      const entry = Object.values(device.state.state!.records)[0]!;
      expect(entry.lg).toHaveLength(1);
      expect(entry.lg![0]).toMatchObject({ counter: 11, at: newest });
      expect(entry.lg![0]!.digest).toMatch(/^[\w-]{11}$/);
      expect(JSON.stringify(device.state.state)).not.toContain(first.secret);
    }
  });
});

describe('delete meets edit, key replacement meets delete', () => {
  it('a key replaced on a computer that had not seen the delete brings the account back, with that key', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    edit(b, (x) => replaceKey(x, NEW_KEY, clock.now)); // B replaces first…
    await b.engine.run();
    clock.now += MINUTE;
    a.vault.accounts = []; // …A, not yet synced, deletes later
    await a.engine.run();
    await settle(network, all);
    expect(a.vault.accounts.map((x) => x.secret)).toEqual([NEW_KEY.secret]);
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('a key replaced after the delete (offline) brings the account back too', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    a.vault.accounts = [];
    await a.engine.run();
    clock.now += MINUTE;
    edit(b, (x) => replaceKey(x, NEW_KEY, clock.now));
    await b.engine.run();
    await settle(network, all);
    expect(a.vault.accounts.map((x) => x.secret)).toEqual([NEW_KEY.secret]);
  });

  it.each<[string, (a: StoredAccount) => StoredAccount]>([
    ['a pin', (a) => ({ ...a, pinned: true })],
    ['an HOTP use', (a) => ({ ...a, counter: a.counter + 1 })],
    ['a website change', (a) => ({ ...a, origin: 'https://other.example' })],
  ])('%s made after the delete does not bring it back', async (_name, change) => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    a.vault.accounts = [];
    await a.engine.run();
    clock.now += MINUTE;
    edit(b, change);
    await b.engine.run();
    await settle(network, all);
    expect([a.vault.accounts, b.vault.accounts]).toEqual([[], []]);
  });

  it('a delete made after a replacement it has seen wins', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1, clock.now)];
    await settle(network, all);
    edit(b, (x) => replaceKey(x, NEW_KEY, clock.now));
    await settle(network, all);
    clock.now += MINUTE;
    a.vault.accounts = [];
    await settle(network, all);
    expect([a.vault.accounts, b.vault.accounts]).toEqual([[], []]);
  });
});

describe('a restore of a deleted account meets its tombstone', () => {
  it('restored under a new id, it survives its own tombstone and a concurrent rename on both computers', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    const account = typicalAccount(1, clock.now);
    a.vault.accounts = [account];
    await settle(network, all);
    const deleted = deleteAccount({ accounts: a.vault.accounts }, account.id, clock.now)!;
    a.vault.accounts = deleted.accounts;
    await a.engine.run();
    edit(b, (x) => ({ ...x, label: 'renamed before the delete arrived' }));
    await b.engine.run();
    await settle(network, all);
    expect([a.vault.accounts, b.vault.accounts]).toEqual([[], []]); // delete beats edit
    clock.now += MINUTE;
    const restored = restoreDeleted(deleted, account.id, clock.now, () => 'restored-id')!;
    a.vault.accounts = restored.payload.accounts;
    await settle(network, all);
    await settle(network, all);
    for (const device of [a, b]) {
      expect(device.vault.accounts.map((x) => [x.id, x.secret, x.label])).toEqual([
        ['restored-id', account.secret, account.label],
      ]);
    }
  });

  it('brought back under its old id, its tombstone removes it again (why a restore takes a new id)', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    const account = typicalAccount(1, clock.now);
    a.vault.accounts = [account];
    await settle(network, all);
    a.vault.accounts = [];
    await settle(network, all);
    clock.now += MINUTE;
    b.vault.accounts = [{ ...account, updatedAt: clock.now }];
    await settle(network, all);
    expect([a.vault.accounts, b.vault.accounts]).toEqual([[], []]);
  });
});

describe('previousKeys union', () => {
  const key = (n: number, replacedAt: number): PreviousKey => ({
    type: 'totp',
    secret: `${'A'.repeat(15)}${'BCDEFGH'[n]}`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    replacedAt,
  });
  const now = Date.UTC(2026, 5, 1);

  it('is newest first, one entry per key at its latest replacement, without the current key', () => {
    const current = key(0, 0);
    expect(
      unionPreviousKeys(current, [key(1, now - 10), key(2, now), key(1, now - 5), key(0, now + 1)]),
    ).toEqual([key(2, now), key(1, now - 5)]);
  });

  it(`keeps the ${MAX_PREVIOUS_KEYS} newest, and beyond them every key replaced within 30 days of the newest`, () => {
    const recent = Array.from({ length: 7 }, (_, i) => key(i % 7, now - i * DAY)).map((k, i) => ({
      ...k,
      secret: `${'C'.repeat(14)}${'BCDEFGH'[i]}A`,
    }));
    const old = { ...key(1, now - PREVIOUS_KEY_RETENTION_MS - DAY), secret: 'Z'.repeat(16) };
    const kept = unionPreviousKeys(key(0, 0), [...recent, old]);
    expect(kept).toHaveLength(7);
    expect(kept.map((k) => k.secret)).not.toContain(old.secret);
    expect(unionPreviousKeys(key(0, 0), [recent[0]!, old])).toHaveLength(2);
  });
});

describe('a key that loses a concurrent replacement', () => {
  const DAY_MS = 24 * 3600_000;
  const now = Date.UTC(2026, 5, 1);
  const material = (n: number) => ({
    type: 'totp' as const,
    secret: `${'Q'.repeat(15)}${'BCDEFGHIJKLMN'[n]}`,
    algorithm: 'SHA1' as const,
    digits: 6,
    period: 30,
    counter: 0,
  });
  const record = (
    key: number,
    keyWall: number,
    previous: [number, number][],
    wall: number,
    device: string,
  ): SyncRecord => ({
    id: 'acc',
    version: { wall, count: 0, device },
    body: {
      rank: 0,
      account: {
        ...material(key),
        issuer: 'Site',
        label: 'me',
        createdAt: 0,
        previousKeys: previous.map(([n, replacedAt]) => ({ ...material(n), replacedAt })),
      },
      versions: { key: { wall: keyWall, count: 0, device } },
    },
  });

  it('undone back to on one computer (its key version unchanged, old) stays, beside five replaced keys older than 30 days', async () => {
    // A: key 0 since day 0; replaced by 1 and undone back just now (key version still day 0).
    const a = record(0, now - 60 * DAY_MS, [[1, now]], now, 'AAAA');
    // B: five replacements long ago, then key 7 a minute ago.
    const b = record(
      7,
      now - 60_000,
      [2, 3, 4, 5, 6].map((n, i) => [n, now - (40 + i) * DAY_MS]),
      now - 60_000,
      'BBBB',
    );
    const { record: merged } = await mergeRecord(a, b);
    const account = merged.body!.account;
    expect(account.secret).toBe(material(7).secret);
    expect(account.previousKeys?.map((k) => k.secret)).toContain(material(0).secret);
  });
});
