import { describe, expect, it } from 'vitest';
import { replaceKey } from '@/lib/background/accounts';
import { TOMBSTONE_RETENTION_MS } from '@/lib/sync/merge';
import { HEADER_KEY, layoutOf } from '@/lib/sync/pack';
import { SyncEngine } from '@/lib/sync/engine';
import { createHeader, previousKeys, unwrapHeader } from '@/lib/sync/header';
import { randomBytes } from '@/lib/bytes';
import { devices, FAST_KDF, PASS, settle, view } from './devices';
import { typicalAccount } from './fake-sync';

const DAY = 24 * 3600 * 1000;

async function pair() {
  const setup = await devices(2);
  const [a, b] = setup.devices as [(typeof setup.devices)[0], (typeof setup.devices)[0]];
  return { ...setup, a, b };
}

describe('sync engine between two computers', () => {
  it('brings an account added on one computer to the other, and writes nothing more after', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    expect(await a.engine.run()).toMatchObject({ status: 'ok', sent: 1, writes: 1 });
    network.deliverAll();
    expect(await b.engine.run()).toMatchObject({ received: 1, writes: 0 });
    expect(view(b.vault)).toEqual(view(a.vault));
    expect(await settle(network, all)).toBe(0);
  });

  it('a second run with nothing new writes nothing', async () => {
    const { a } = await pair();
    a.vault.accounts = [typicalAccount(1), typicalAccount(2)];
    await a.engine.run();
    expect(await a.engine.run()).toMatchObject({ sent: 0, writes: 0, received: 0 });
  });

  it('keeps both of two accounts added at once on two computers', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    b.vault.accounts = [typicalAccount(2)];
    await a.engine.run();
    await b.engine.run();
    await settle(network, all);
    expect(a.vault.accounts.map((x) => x.label).sort()).toEqual([
      'operator1@example.com',
      'operator2@example.com',
    ]);
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('a delete reaches the other computer', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1), typicalAccount(2)];
    await settle(network, all);
    b.vault.accounts = b.vault.accounts.slice(1);
    await settle(network, all);
    expect(a.vault.accounts.map((x) => x.label)).toEqual(['operator2@example.com']);
  });

  it('a rename made after a delete, on a computer that had not seen it, does not bring the account back', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await settle(network, all);
    a.vault.accounts = []; // deleted on A
    await a.engine.run();
    clock.now += 5_000;
    b.vault.accounts = [{ ...b.vault.accounts[0]!, label: 'renamed' }]; // edited later on B, offline
    await b.engine.run();
    await settle(network, all);
    expect(a.vault.accounts).toEqual([]);
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('an HOTP code used and its account deleted before a run: a revival elsewhere never offers that code again', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    const hotp = { ...typicalAccount(1, clock.now), type: 'hotp' as const, counter: 5 };
    a.vault.accounts = [hotp];
    await settle(network, all);
    // A hands out the code of counter 5 (now at 6) and deletes the account, each save noted, no run between.
    a.vault.accounts = [{ ...hotp, counter: 6 }];
    await a.engine.noteLocal(a.vault.accounts);
    a.vault.accounts = [];
    await a.engine.noteLocal(a.vault.accounts);
    // B, not yet synced, replaced the key: the account comes back for that key, with the old one as its undo.
    clock.now += 60_000;
    b.vault.accounts = b.vault.accounts.map((x) =>
      replaceKey(x, { ...x, secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', counter: 0 }, clock.now),
    );
    await b.engine.run();
    await a.engine.run();
    await settle(network, all);
    const [revived] = a.vault.accounts;
    expect(revived?.secret).toBe('MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U');
    expect(revived?.previousKeys?.map((k) => [k.secret, k.counter])).toEqual([[hotp.secret, 6]]);
    expect(view(b.vault)).toEqual(view(a.vault));
  });

  it('a delete made after an edit wins', async () => {
    const { network, clock, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await settle(network, all);
    b.vault.accounts = [{ ...b.vault.accounts[0]!, label: 'renamed' }];
    await b.engine.run();
    clock.now += 5_000;
    a.vault.accounts = [];
    await a.engine.run();
    await settle(network, all);
    expect(a.vault.accounts).toEqual([]);
    expect(b.vault.accounts).toEqual([]);
  });

  it('syncs order and pins', async () => {
    const { network, a, b, devices: all } = await pair();
    const [x, y, z] = [typicalAccount(1), typicalAccount(2), typicalAccount(3)];
    a.vault.accounts = [x, y, z];
    await settle(network, all);
    a.vault.accounts = [
      { ...a.vault.accounts[2]!, pinned: true },
      a.vault.accounts[0]!,
      a.vault.accounts[1]!,
    ];
    const report = await a.engine.run();
    expect(report.sent).toBe(1); // one account moved (and pinned): one record
    await settle(network, all);
    expect(b.vault.accounts.map((acc) => [acc.label, acc.pinned ?? false])).toEqual([
      ['operator3@example.com', true],
      ['operator1@example.com', false],
      ['operator2@example.com', false],
    ]);
  });

  it('keeps tombstones 90 days, then forgets them and refuses a replay of the deleted account', async () => {
    const { network, clock, a, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await settle(network, all);
    const oldArea = await a.area.get();
    a.vault.accounts = [];
    await settle(network, all);
    clock.now += TOMBSTONE_RETENTION_MS - DAY;
    await a.engine.run();
    expect(Object.values(a.state.state!.records)).toHaveLength(1); // still there at 89 days
    clock.now += 2 * DAY;
    await settle(network, all);
    expect(Object.values(a.state.state!.records)).toHaveLength(0);
    // Someone writes the old (genuine) account record back into the area.
    const itemKey = [...layoutOf(oldArea).keys()][0]!;
    await a.area.set({ [itemKey]: oldArea[itemKey] });
    const report = await a.engine.run();
    expect(report.notices).toContainEqual(expect.objectContaining({ kind: 'replayed' }));
    expect(a.vault.accounts).toEqual([]);
  });

  it.each([
    ['account', false],
    ['tombstone', true],
  ])('ignores a replayed older %s record with a notice', async (_kind, deleted) => {
    const { network, clock, a, b, devices: all } = await pair();
    const account = typicalAccount(1);
    a.vault.accounts = [account];
    await settle(network, all);
    if (deleted) {
      a.vault.accounts = [];
      await settle(network, all);
    }
    const old = await a.area.get(); // holds the account, or its tombstone
    clock.now += 1000;
    b.vault.accounts = [{ ...account, label: 'newer' }]; // edited (or brought back) later
    await settle(network, all);
    const before = structuredClone(b.vault.accounts);
    // Someone writes the earlier, genuine items back into B's sync area.
    for (const [key, value] of Object.entries(old)) b.area.data.set(key, value);
    const report = await b.engine.run();
    expect(report.notices).toContainEqual({ kind: 'replayed', id: account.id });
    expect(b.vault.accounts).toEqual(before);
  });

  it.each([
    ['account', false],
    ['tombstone', true],
  ])('ignores a tampered %s record with a notice and never applies it', async (_kind, deleted) => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1), typicalAccount(2)];
    await settle(network, all);
    if (deleted) {
      a.vault.accounts = a.vault.accounts.slice(1);
      await settle(network, all);
    }
    const before = structuredClone(b.vault.accounts);
    const [key, texts] = [...layoutOf(await b.area.get())][0]!;
    const damaged = texts.map((t) =>
      t.replace(/.{6}$/, (tail) => (tail[0] === 'A' ? 'B' : 'A') + tail.slice(1)),
    );
    b.area.data.set(key, damaged.join(','));
    const report = await b.engine.run();
    expect(report.notices.filter((n) => n.kind === 'unauthentic').length).toBe(texts.length);
    expect(b.vault.accounts).toEqual(before);
    // And the area is repaired from what B knows.
    network.deliverAll();
    await settle(network, all);
    expect(view(a.vault)).toEqual(view(b.vault));
  });

  it('ignores a record swapped from one id to another', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1), typicalAccount(2)];
    await settle(network, all);
    a.vault.accounts = [{ ...a.vault.accounts[0]!, label: 'edited' }, a.vault.accounts[1]!];
    await a.engine.run(); // the edit is in A's area, not yet delivered
    const [key, texts] = [...layoutOf(await a.area.get())][0]!;
    const edited = texts.find((t) => t.startsWith(texts[0]!.split('.')[0]!))!;
    const otherId = texts.find((t) => t !== edited)!.split('.')[0]!;
    const swapped = `${otherId}.${edited.split('.').slice(1).join('.')}`;
    b.area.data.set(key, [...texts.filter((t) => t !== edited), swapped].join(','));
    const before = structuredClone(b.vault.accounts);
    const report = await b.engine.run();
    expect(report.notices).toContainEqual(expect.objectContaining({ kind: 'unauthentic' }));
    expect(b.vault.accounts).toEqual(before);
  });

  it('refuses a header replaced by a forged one, and a replayed older header', async () => {
    const { a, header, dek } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await a.engine.run();
    const forged = { ...header, rev: 2 };
    await a.area.set({ [HEADER_KEY]: forged });
    const report = await a.engine.run();
    expect(report.notices).toContainEqual({ kind: 'unauthentic' });
    expect((await a.area.get())[HEADER_KEY]).toEqual(header);

    // A passphrase change elsewhere (same key, new wrap, next revision) is adopted quietly...
    const changed = await createHeader({
      dek,
      passphrase: `${PASS}!`,
      vaultId: header.vaultId,
      epoch: 1,
      rev: 2,
      kdf: FAST_KDF,
    });
    await a.area.set({ [HEADER_KEY]: changed });
    expect((await a.engine.run()).notices).toEqual([]);
    expect(a.state.state!.header).toEqual(changed);
    // ...and the header it replaced, written back, is a replay: refused, the newer one restored.
    await a.area.set({ [HEADER_KEY]: header });
    expect((await a.engine.run()).notices).toContainEqual({ kind: 'replayed' });
    expect((await a.area.get())[HEADER_KEY]).toEqual(changed);
  });

  it('stops (and says the key changed) when another computer re-keyed the vault', async () => {
    const { a, header } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await a.engine.run();
    const rekeyed = await createHeader({
      dek: new Uint8Array(32).fill(7),
      passphrase: `${PASS}!`,
      vaultId: header.vaultId,
      epoch: 2,
      rev: 2,
      kdf: FAST_KDF,
    });
    await a.area.set({ [HEADER_KEY]: rekeyed });
    const accounts = structuredClone(a.vault.accounts);
    expect(await a.engine.run()).toMatchObject({ status: 'key-changed', writes: 0 });
    expect(a.vault.accounts).toEqual(accounts);
  });

  it('a vault changed while sync merges is retried, never overwritten', async () => {
    const { network, a, b, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await a.engine.run();
    network.deliverAll();
    const replace = b.vault.replace.bind(b.vault);
    let raced = false;
    b.vault.replace = async (expected, next) => {
      if (!raced) {
        raced = true;
        b.vault.accounts = [...b.vault.accounts, typicalAccount(2)]; // a save lands meanwhile
      }
      return replace(expected, next);
    };
    await b.engine.run();
    await settle(network, all);
    expect(b.vault.accounts.map((x) => x.label).sort()).toEqual([
      'operator1@example.com',
      'operator2@example.com',
    ]);
    expect(view(a.vault)).toEqual(view(b.vault));
  });

  it('a new data key and passphrase on one computer reach the other, which then opens with the new passphrase', async () => {
    const { network, clock, a, b, header, dek, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1), typicalAccount(2)];
    await settle(network, all);
    // A changes its passphrase, which brings a new data key.
    const newDek = randomBytes(32);
    const newHeader = await createHeader({
      dek: newDek,
      passphrase: 'a brand new passphrase',
      vaultId: header.vaultId,
      epoch: 2,
      rev: 2,
      kdf: FAST_KDF,
      previousDeks: [dek],
    });
    a.state.state = { ...a.state.state!, header: newHeader };
    const aEngine = new SyncEngine({
      area: a.area,
      vault: a.vault,
      state: a.state,
      dek: newDek,
      now: () => clock.now,
    });
    expect((await aEngine.run()).notices).toEqual([]);
    network.deliverAll();
    // B, still on the old key, stops and says why; nothing of its vault changes.
    const before = structuredClone(b.vault.accounts);
    expect(await b.engine.run()).toMatchObject({ status: 'key-changed', writes: 0 });
    expect(b.vault.accounts).toEqual(before);
    // B unlocks with the new passphrase: the header gives the new key and the old one.
    const stored = (await b.area.get())[HEADER_KEY] as typeof newHeader;
    const unwrapped = await unwrapHeader(stored, 'a brand new passphrase');
    expect(unwrapped).toEqual(newDek);
    expect(await previousKeys(stored, unwrapped!)).toEqual([dek]);
    expect(await unwrapHeader(stored, PASS)).toBeUndefined();
    b.state.state = { ...b.state.state!, header: stored };
    b.vault.accounts = [...b.vault.accounts, typicalAccount(3)]; // made while it was stopped
    const bEngine = new SyncEngine({
      area: b.area,
      vault: b.vault,
      state: b.state,
      dek: newDek,
      now: () => clock.now,
    });
    expect((await bEngine.run()).notices).toEqual([]);
    network.deliverAll();
    await aEngine.run();
    expect(view(a.vault)).toEqual(view(b.vault));
    expect(a.vault.accounts).toHaveLength(3);
  });

  it('two passphrase changes at once on two computers settle: one header wins, the other computer stops', async () => {
    const { network, clock, a, b, header, dek, devices: all } = await pair();
    a.vault.accounts = [typicalAccount(1)];
    await settle(network, all);
    // Both change the passphrase (and draw a new key) before either change reaches the other.
    const engines = [];
    for (const device of [a, b]) {
      const fresh = randomBytes(32);
      const next = await createHeader({
        dek: fresh,
        passphrase: `${device.name} passphrase`,
        vaultId: header.vaultId,
        epoch: 2,
        rev: 2,
        kdf: FAST_KDF,
        previousDeks: [dek],
      });
      device.state.state = { ...device.state.state!, header: next };
      const engine = new SyncEngine({
        area: device.area,
        vault: device.vault,
        state: device.state,
        dek: fresh,
        now: () => clock.now,
      });
      engines.push({ device, engine });
      await engine.run();
    }
    // No endless rewriting of the header: within a few rounds nobody writes any more.
    let statuses: string[] = [];
    for (let round = 0; round < 6; round++) {
      network.deliverAll();
      const reports = await Promise.all(engines.map(({ engine }) => engine.run()));
      statuses = reports.map((r) => r.status);
      if (reports.every((r) => r.writes === 0) && network.inFlight.length === 0) break;
    }
    expect(network.inFlight).toEqual([]);
    expect(statuses.sort()).toEqual(['key-changed', 'ok']);
    const headers = await Promise.all([a, b].map(async (d) => (await d.area.get())[HEADER_KEY]));
    expect(headers[0]).toEqual(headers[1]);
  });
});

/** Damage no sync record can carry: the codec refuses to write it. */
const UNCARRIABLE = [
  ['an unknown algorithm', { algorithm: 'MD5' }],
  ['an unknown encoder', { encoder: 'yandex' }],
  ['a negative HOTP counter', { type: 'hotp', counter: -1 }],
] as const;

describe('an account no record can carry never stops sync for the others', () => {
  it.each(UNCARRIABLE)(
    'added with %s: the others reach the other computer; it stays here, in its place, untouched',
    async (_kind, patch) => {
      const { network, a, b, devices: all } = await pair();
      const [first, second] = [typicalAccount(1), typicalAccount(3)];
      const bad = { ...typicalAccount(2), ...patch } as unknown as ReturnType<typeof typicalAccount>;
      a.vault.accounts = [first, bad, second];
      expect(await a.engine.run()).toMatchObject({ status: 'ok', sent: 2 });
      await settle(network, all);
      expect(b.vault.accounts.map((x) => x.id)).toEqual([first.id, second.id]);
      expect(a.vault.accounts).toEqual([first, bad, second]);

      // Deleted here, it leaves without a trace; the others stay everywhere.
      a.vault.accounts = [first, second];
      await settle(network, all);
      expect(view(a.vault)).toEqual(view(b.vault));
      expect(b.vault.accounts.map((x) => x.id)).toEqual([first.id, second.id]);
    },
  );

  it.each(UNCARRIABLE)(
    'synced, then damaged here with %s: not taken for a delete, nor overwritten; the other computer keeps the last good copy',
    async (_kind, patch) => {
      const { network, a, b, devices: all } = await pair();
      a.vault.accounts = [typicalAccount(1), typicalAccount(2)];
      await settle(network, all);
      const good = a.vault.accounts[1]!;
      const damaged = { ...good, ...patch } as unknown as typeof good;
      a.vault.accounts = [a.vault.accounts[0]!, damaged];
      // A rename of the first account still goes through.
      a.vault.accounts = [{ ...a.vault.accounts[0]!, label: 'renamed' }, damaged];
      await settle(network, all);
      expect(a.vault.accounts[1]).toEqual(damaged);
      expect(b.vault.accounts.map((x) => x.label)).toEqual(['renamed', good.label]);
      expect(b.vault.accounts[1]).toMatchObject({
        secret: good.secret,
        algorithm: good.algorithm,
        counter: good.counter,
      });

      // Deleted where it is damaged, the delete reaches the other computer.
      a.vault.accounts = [a.vault.accounts[0]!];
      await settle(network, all);
      expect(view(b.vault)).toEqual(view(a.vault));
      expect(b.vault.accounts.map((x) => x.label)).toEqual(['renamed']);
    },
  );
});
