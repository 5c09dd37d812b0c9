import { describe, expect, it, vi } from 'vitest';
import * as hashWasm from 'hash-wasm';
import { SessionKey } from '@/lib/background/session-key';
import { SyncService } from '@/lib/background/sync-service';
import { AccountsService } from '@/lib/background/accounts-service';
import { PasskeyService } from '@/lib/background/passkey-service';
import { VaultHealth } from '@/lib/background/vault-health';
import { VaultService } from '@/lib/background/vault-service';
import { toBase64 } from '@/lib/bytes';
import { unwrapHeader, type SyncHeader } from '@/lib/sync/header';
import { HEADER_KEY, isSyncKey } from '@/lib/sync/pack';
import { loadSettings, saveSettings } from '@/lib/settings';
import { derivePasskeyKek } from '@/lib/vault/passkey-slot';
import { VaultStore } from '@/lib/vault/store';
import { RevisionWatermark, WATERMARK_KEY, whileOn } from '@/lib/vault/watermark';
import { BROKEN_KINDS, brokenAccount } from '../helpers/broken-accounts';
import { MemoryArea } from '../helpers/memory-area';
import { FakeSyncNetwork, type FakeSyncArea } from './fake-sync';
import { FAST_KDF } from './devices';

vi.mock('hash-wasm', async (original) => {
  const real = await original<typeof hashWasm>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});

const URI = (label: string) =>
  `otpauth://totp/M2Mmanager:${label}?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=M2Mmanager`;
const NEVER = { setTimeout: () => 0, clearTimeout: () => undefined };

/**
 * One computer: its own local and session storage, its own copy of the sync space, wired as
 * lib/background/main.ts wires them (the rollback watermark included).
 */
function computer(area: FakeSyncArea, local = new MemoryArea(), session = new MemoryArea()) {
  const sessionKey = new SessionKey(session);
  const watermark = new RevisionWatermark([session, local]);
  const store = new VaultStore(local, {
    kdf: FAST_KDF,
    watermark,
    onWrite: (accounts) => sync.onVaultWrite(accounts),
  });
  const sync: SyncService = new SyncService({
    area,
    local,
    store,
    sessionKey,
    kdf: FAST_KDF,
    timers: NEVER,
    watermark: new RevisionWatermark([area]),
  });
  const everyWatermark = new RevisionWatermark([session, local, whileOn(area, () => sync.isOn())]);
  const vault = new VaultService({
    store,
    sessionKey,
    health: new VaultHealth({ store, watermark: everyWatermark, session }),
    unlockFallback: (p) => sync.unlockFallback(p),
    onPassphraseChanged: (next, before) => sync.onPassphraseChanged(next, before),
  });
  const labels = async () => (await vault.accounts()).map((a) => a.label).sort();
  const accounts = new AccountsService(vault);
  const passkeys = new PasskeyService({ store, sessionKey, vault });
  return { sync, vault, accounts, labels, passkeys, sessionKey, local, store, area };
}

/** The page's half of a passkey ceremony: a fixed PRF output per credential -> its KEK. */
async function passkeyKek(passkeys: PasskeyService, credentialId: string): Promise<string> {
  const { vaultId } = await passkeys.options();
  return toBase64(await derivePasskeyKek(new Uint8Array(32).fill(7), credentialId, vaultId));
}

async function twoComputers() {
  const network = new FakeSyncNetwork();
  const one = computer(network.area());
  const two = computer(network.area());
  await one.vault.create('office passphrase');
  await one.accounts.add(URI('jane@example.com'), 'https://m2mmanager.matooma.com');
  expect(await one.sync.status()).toMatchObject({ enabled: false, syncedVault: false });
  await one.sync.enable('office passphrase');
  network.deliverAll();
  return { network, one, two };
}

describe('SyncService', () => {
  it('is off by default and turning it on needs this computer’s own passphrase', async () => {
    const network = new FakeSyncNetwork();
    const one = computer(network.area());
    await one.vault.create('office passphrase');
    await expect(one.sync.enable('not the passphrase')).rejects.toThrow(/Wrong passphrase/);
    expect(await one.sync.status()).toMatchObject({ enabled: false });
  });

  it('an empty computer uses the synced vault: its passphrase unlocks it, the accounts arrive', async () => {
    const { two } = await twoComputers();
    expect(await two.sync.status()).toMatchObject({ enabled: false, syncedVault: true });
    await expect(two.sync.enable('wrong passphrase')).rejects.toThrow(
      /not the passphrase of your synced vault/,
    );
    const status = await two.sync.enable('office passphrase');
    expect(status).toMatchObject({ enabled: true, accounts: 1 });
    expect(status.lastReceivedAt).toBeDefined();
    expect(await two.labels()).toEqual(['jane@example.com']);
    await two.vault.lock();
    await two.vault.unlock('office passphrase');
    expect(await two.labels()).toEqual(['jane@example.com']);
  });

  it('a computer with accounts merges them, nothing lost, and then opens with the synced passphrase', async () => {
    const { network, one, two } = await twoComputers();
    await two.vault.create('laptop passphrase');
    await two.accounts.add(URI('laptop@example.com'), undefined);
    await two.sync.enable('office passphrase');
    expect(await two.labels()).toEqual(['jane@example.com', 'laptop@example.com']);
    network.deliverAll();
    await one.sync.runNow();
    expect(await one.labels()).toEqual(['jane@example.com', 'laptop@example.com']);
    await two.vault.lock();
    await expect(two.vault.unlock('laptop passphrase')).rejects.toThrow(/Wrong passphrase/);
    await two.vault.unlock('office passphrase');
    expect(await two.labels()).toEqual(['jane@example.com', 'laptop@example.com']);
  });

  it('after "Unlock and merge", this computer’s passkey still unlocks the merged vault', async () => {
    const { one, two } = await twoComputers();
    await two.vault.create('laptop passphrase');
    await two.accounts.add(URI('laptop@example.com'), undefined);
    const { prfSalt } = await two.passkeys.options();
    await two.passkeys.add({
      credentialId: 'cred-1',
      name: 'This laptop',
      prfSalt,
      kek: await passkeyKek(two.passkeys, 'cred-1'),
    });
    await two.sync.enable('office passphrase');
    const synced = await two.sessionKey.get();
    await two.vault.lock();
    await two.passkeys.unlock('cred-1', await passkeyKek(two.passkeys, 'cred-1'));
    expect(await two.sessionKey.get()).toEqual(synced);
    expect(await two.labels()).toEqual(['jane@example.com', 'laptop@example.com']);
    expect(await one.labels()).toEqual(['jane@example.com']);
  });

  it('a passphrase change reaches the other computer, which then unlocks with the new one', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    await one.vault.changePassphrase('office passphrase', 'new office passphrase');
    await one.sync.runNow();
    network.deliverAll();
    await two.sync.runNow();
    await two.vault.lock();
    // Its own passphrase still opens what it has; sync says the passphrase changed elsewhere.
    await two.vault.unlock('office passphrase');
    await two.sync.runNow();
    expect((await two.sync.status()).problem).toBe('keyChanged');
    await two.vault.lock();
    await two.vault.unlock('new office passphrase');
    expect(await two.labels()).toEqual(['jane@example.com']);
    await two.vault.lock();
    await expect(two.vault.unlock('office passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await two.vault.unlock('new office passphrase');
    // And from then on its own vault opens with it, sync or not.
    await two.sync.disable();
    await two.vault.lock();
    await two.vault.unlock('new office passphrase');
  });

  it('a new data key from another computer keeps this computer’s passkey working', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    const { prfSalt } = await two.passkeys.options();
    const kek = () => passkeyKek(two.passkeys, 'cred-1');
    await two.passkeys.add({ credentialId: 'cred-1', name: 'This laptop', prfSalt, kek: await kek() });
    await one.vault.changePassphrase('office passphrase', 'new office passphrase');
    await one.sync.runNow();
    network.deliverAll();
    await two.vault.lock();
    await two.vault.unlock('new office passphrase');
    const newest = await two.sessionKey.get();
    await two.vault.lock();
    await two.passkeys.unlock('cred-1', await kek());
    expect(await two.sessionKey.get()).toEqual(newest);
    expect(await two.labels()).toEqual(['jane@example.com']);
  });

  it('a computer offline through three key changes unlocks with the newest passphrase, no re-join', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    await two.accounts.add(URI('laptop@example.com'), undefined);
    await two.sync.runNow();
    network.deliverAll();
    await one.sync.runNow();
    await two.vault.lock();
    // The laptop is off: the office changes the passphrase (and data key) three times.
    const passphrases = ['office passphrase', 'second passphrase', 'third passphrase', 'fourth passphrase'];
    for (let i = 1; i < passphrases.length; i++) {
      await one.vault.changePassphrase(passphrases[i - 1]!, passphrases[i]!);
      await one.sync.runNow();
    }
    await one.accounts.add(URI('office-later@example.com').replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await one.sync.runNow();
    network.deliverAll();
    // Back on: its own (oldest) passphrase still opens what it has; the intermediate ones open nothing.
    await two.vault.unlock('office passphrase');
    await two.vault.lock();
    for (const stale of passphrases.slice(1, -1)) {
      await expect(two.vault.unlock(stale)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    }
    await two.vault.unlock('fourth passphrase');
    await two.sync.runNow();
    const all = ['jane@example.com', 'laptop@example.com', 'office-later@example.com'];
    expect(await two.labels()).toEqual(all);
    expect(await two.sync.status()).toMatchObject({ enabled: true, ignored: 0 });
    expect((await two.sync.status()).problem).toBeUndefined();
    // Its own vault now opens with the newest passphrase, sync or not.
    await two.sync.disable();
    await two.vault.lock();
    await two.vault.unlock('fourth passphrase');
    expect(await two.labels()).toEqual(all);
  });

  it('two passphrase changes at once: one wins, the other computer re-joins it and loses nothing', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    await two.accounts.add(URI('laptop@example.com').replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await two.sync.runNow();
    network.deliverAll();
    await one.sync.runNow();
    await one.vault.changePassphrase('office passphrase', 'office changed it');
    await two.vault.changePassphrase('office passphrase', 'laptop changed it');
    for (let round = 0; round < 4; round++) {
      await one.sync.runNow();
      await two.sync.runNow();
      network.deliverAll();
    }
    expect(network.inFlight).toEqual([]);
    const problems = [(await one.sync.status()).problem, (await two.sync.status()).problem];
    expect(problems.filter((p) => p === 'keyChanged')).toHaveLength(1);
    const [winner, loser, passphrase] =
      problems[0] === 'keyChanged' ? [two, one, 'laptop changed it'] : [one, two, 'office changed it'];
    await loser.sync.disable();
    await loser.sync.enable(passphrase);
    network.deliverAll();
    await winner.sync.runNow();
    const all = ['jane@example.com', 'laptop@example.com'];
    expect(await loser.labels()).toEqual(all);
    expect(await winner.labels()).toEqual(all);
    await loser.vault.lock();
    await loser.vault.unlock(passphrase);
    expect((await loser.sync.status()).problem).toBeUndefined();
  });

  it('edits flow both ways after the vault write path pokes sync', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    await two.accounts.add(URI('second@example.com'), undefined);
    await two.sync.runNow();
    network.deliverAll();
    await one.sync.runNow();
    expect(await one.labels()).toEqual(['jane@example.com', 'second@example.com']);
    const status = await one.sync.status();
    expect(status.percent).toBeGreaterThan(0);
    expect(status.percent).toBeLessThan(2);
  });

  it('a sync space a newer Twofold wrote: not joined, not replaced, and the settings page says why', async () => {
    const { network, one, two } = await twoComputers();
    const header = one.area.data.get(HEADER_KEY) as SyncHeader;
    for (const area of network.areas) area.data.set(HEADER_KEY, { ...header, v: 2 });
    const before = JSON.stringify([...two.area.data]);
    await two.vault.create('laptop passphrase');
    await expect(two.sync.enable('office passphrase')).rejects.toThrow(/newer version of Twofold/);
    await expect(two.sync.enable('laptop passphrase', { replace: true })).rejects.toThrow(
      /newer version of Twofold/,
    );
    expect(JSON.stringify([...two.area.data])).toBe(before);
    expect(await two.sync.status()).toMatchObject({ enabled: false });
    // A computer already syncing stops, and says so.
    await one.accounts.add(URI('after@example.com'), undefined);
    await one.sync.runNow();
    expect((await one.sync.status()).problem).toBe('newerVersion');
    expect(one.area.data.get(HEADER_KEY)).toMatchObject({ v: 2 });
  });

  it('an HOTP code used and its account deleted before a run: the tombstone holds the counter that code used', async () => {
    const { one } = await twoComputers();
    const hotp = await one.accounts.add(
      'otpauth://hotp/M2Mmanager:h?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=M2Mmanager&counter=5',
      undefined,
    );
    await one.sync.runNow();
    await one.accounts.nextHotp(hotp.id); // the code of counter 5 handed out, no run yet
    await one.accounts.remove(hotp.id);
    await one.sync.runNow();
    const { 'sync.state': state } = (await one.local.get(['sync.state'])) as {
      'sync.state': { records: Record<string, { fp?: string; k?: string[] }> };
    };
    const tombstone = state.records[hotp.id];
    expect(tombstone?.fp).toBeUndefined();
    expect(tombstone?.k?.map((k) => k.split('.')[1])).toEqual(['6']);
  });

  it('an account too large to sync says so, keeps the space figure, and loses nothing here', async () => {
    const { network, one } = await twoComputers();
    const before = await one.sync.status();
    await one.accounts.add(URI('x'.repeat(9_000)).replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await one.sync.runNow();
    const status = await one.sync.status();
    expect(status).toMatchObject({ problem: 'tooLarge', bytes: before.bytes, percent: before.percent });
    expect(await one.labels()).toHaveLength(2);
    // No record written; only the rollback watermark follows the vault's revision.
    const written = network.inFlight.flatMap((m) => m.changes.map((c) => c.key));
    expect(written.filter((key) => key !== WATERMARK_KEY)).toEqual([]);
    // Shortened: sync resumes and the problem goes.
    const [big] = (await one.vault.accounts()).filter((a) => a.label.length > 100);
    await one.vault.updateAccount(big!.id, (a) => ({ ...a, label: 'short' }));
    await one.sync.runNow();
    expect((await one.sync.status()).problem).toBeUndefined();
    expect(network.inFlight.length).toBeGreaterThan(0);
  });

  it('per-computer settings stay on each computer; the sync space holds only the header and records', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    await saveSettings(one.local, { autoLockMinutes: 5, clipboardClearSeconds: 0 });
    await saveSettings(two.local, { autoLockMinutes: 60, clipboardClearSeconds: 45 });
    await one.accounts.add(URI('after@example.com').replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await one.sync.runNow();
    network.deliverAll();
    await two.sync.runNow();
    network.deliverAll();
    await one.sync.runNow();
    expect(await two.labels()).toContain('after@example.com');
    expect(await loadSettings(one.local)).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: 0 });
    expect(await loadSettings(two.local)).toMatchObject({ autoLockMinutes: 60, clipboardClearSeconds: 45 });
    for (const area of network.areas) {
      const keys = Object.keys(await area.get());
      expect(keys.length).toBeGreaterThan(1);
      // Besides the header and records: only the rollback watermark (vault ids and revisions).
      expect(keys.filter((key) => !isSyncKey(key))).toEqual([WATERMARK_KEY]);
    }
  });

  it('a restarted service worker waits out the back-off the previous one remembered', async () => {
    const { network, one } = await twoComputers();
    const now = Date.UTC(2026, 0, 1);
    await one.local.set({ 'sync.budget': { writes: [], blockedUntil: now + 50_000, backoffMs: 60_000 } });
    const delays: number[] = [];
    const restarted = new SyncService({
      area: network.areas[0]!,
      local: one.local,
      store: new VaultStore(one.local, { kdf: FAST_KDF }),
      sessionKey: one.sessionKey,
      kdf: FAST_KDF,
      now: () => now,
      timers: { setTimeout: (_f, ms) => delays.push(ms), clearTimeout: () => undefined },
    });
    restarted.onRemoteChange();
    await restarted.status();
    await Promise.resolve();
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(50_000);
  });
});

/** Whoever can write the sync space copies the header with a new epoch (and revision). */
async function forgeHeader(
  area: FakeSyncArea,
  change: (h: SyncHeader) => Partial<SyncHeader>,
): Promise<SyncHeader> {
  const genuine = (await area.get())[HEADER_KEY] as SyncHeader;
  const forged = { ...genuine, ...change(genuine) };
  await area.set({ [HEADER_KEY]: forged });
  return forged;
}

describe('SyncService: no lockout through the sync space', () => {
  it.each<[string, (h: SyncHeader) => Partial<SyncHeader>]>([
    ['epoch + 1 and revision + 1', (h) => ({ epoch: h.epoch + 1, rev: h.rev + 1 })],
    ['epoch + 1, same revision', (h) => ({ epoch: h.epoch + 1 })],
  ])(
    'a forged header (%s) never blocks this computer’s passphrase, and "Turn on sync" replaces it',
    async (_name, change) => {
      const { network, one, two } = await twoComputers();
      await two.sync.enable('office passphrase');
      network.deliverAll();
      const forged = await forgeHeader(network.areas[1]!, change);
      network.deliverAll();
      for (const computer of [one, two]) {
        await computer.vault.lock();
        await computer.vault.unlock('office passphrase');
        expect(await computer.labels()).toEqual(['jane@example.com']);
        await computer.sync.runNow();
        expect((await computer.sync.status()).problem).toBe('keyChanged');
      }
      // No passphrase opens the forged header.
      await expect(one.sync.useNewPassphrase('office passphrase')).rejects.toMatchObject({
        code: 'SYNC_WRONG_PASSPHRASE',
      });
      await one.sync.disable();
      // Turning sync on again: a warning first, nothing changed...
      expect(await one.sync.enable('office passphrase')).toMatchObject({
        enabled: false,
        replaceOffered: true,
      });
      expect((await one.area.get())[HEADER_KEY]).toEqual(forged);
      await expect(
        one.sync.enable('not this computer’s passphrase', { replace: true }),
      ).rejects.toMatchObject({
        code: 'SYNC_WRONG_PASSPHRASE',
      });
      // ...then this computer's vault takes its place.
      const status = await one.sync.enable('office passphrase', { replace: true });
      expect(status).toMatchObject({ enabled: true, accounts: 1 });
      expect(status.problem).toBeUndefined();
      const replaced = (await one.area.get())[HEADER_KEY] as SyncHeader;
      expect(replaced.vaultId).not.toBe(forged.vaultId);
      expect(await unwrapHeader(replaced, 'office passphrase')).toBeDefined();
      // The other computer is told, and joins the replacement with the same passphrase.
      network.deliverAll();
      await two.sync.runNow();
      expect((await two.sync.status()).problem).toBe('otherVault');
      await two.sync.disable();
      await two.sync.enable('office passphrase');
      expect(await two.labels()).toEqual(['jane@example.com']);
      expect((await two.sync.status()).problem).toBeUndefined();
    },
  );

  it('a genuine key change elsewhere: the old passphrase still unlocks here, and the settings take the new one', async () => {
    const { network, one, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    await one.vault.changePassphrase('office passphrase', 'new office passphrase');
    await one.accounts.add(URI('after@example.com').replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await one.sync.runNow();
    network.deliverAll();
    await two.vault.lock();
    await two.vault.unlock('office passphrase');
    await two.sync.runNow();
    expect((await two.sync.status()).problem).toBe('keyChanged');
    expect(await two.labels()).toEqual(['jane@example.com']);
    await expect(two.sync.useNewPassphrase('a wrong passphrase')).rejects.toMatchObject({
      code: 'SYNC_WRONG_PASSPHRASE',
    });
    const status = await two.sync.useNewPassphrase('new office passphrase');
    expect(status).toMatchObject({ enabled: true });
    expect(status.problem).toBeUndefined();
    expect(await two.labels()).toEqual(['after@example.com', 'jane@example.com']);
    await two.vault.lock();
    await expect(two.vault.unlock('office passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await two.vault.unlock('new office passphrase');
  });

  it.each([
    ['no newer header in the sync space: only this vault’s own derivation', false, 1],
    ['a newer header in the sync space: one more derivation, for it', true, 2],
  ])('a mistyped passphrase with %s', async (_name, newer, derivations) => {
    const { network, two } = await twoComputers();
    await two.sync.enable('office passphrase');
    if (newer) await forgeHeader(two.area, (h) => ({ rev: h.rev + 1, epoch: h.epoch + 1 }));
    network.deliverAll();
    await two.vault.lock();
    vi.mocked(hashWasm.argon2id).mockClear();
    await expect(two.vault.unlock('a mistyped passphrase')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(hashWasm.argon2id).toHaveBeenCalledTimes(derivations);
  });

  it('a header asking for a 1 GiB × 20 key derivation is refused without deriving it', async () => {
    const { network, one, two } = await twoComputers();
    const huge = (h: SyncHeader) => ({
      rev: h.rev + 1,
      kdf: { ...h.kdf, memory: 1024 * 1024, iterations: 20 },
    });
    await forgeHeader(one.area, huge);
    network.deliverAll();
    vi.mocked(hashWasm.argon2id).mockClear();
    // A fresh computer: nothing to open.
    await expect(two.sync.enable('office passphrase')).rejects.toMatchObject({ code: 'SYNC_DAMAGED' });
    // A syncing one: its own passphrase opens its vault (one derivation of its own slot)...
    await one.vault.lock();
    await one.vault.unlock('office passphrase');
    expect(hashWasm.argon2id).toHaveBeenCalledTimes(1);
    // ...a mistyped one costs that one derivation too, never the header's.
    await one.vault.lock();
    vi.mocked(hashWasm.argon2id).mockClear();
    await expect(one.vault.unlock('a mistyped passphrase')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(hashWasm.argon2id).toHaveBeenCalledTimes(1);
    for (const call of vi.mocked(hashWasm.argon2id).mock.calls)
      expect(call[0].memorySize).toBe(FAST_KDF.memory);
  });
});

describe('SyncService: the rollback watermark in the sync space', () => {
  it('is kept in storage.sync while sync is on, and leaves it when sync is turned off', async () => {
    const { one } = await twoComputers();
    await one.accounts.add(URI('second@example.com').replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await one.sync.runNow();
    const { vaultId, revision } = await one.store.read((await one.sessionKey.get())!);
    expect((await one.area.get())[WATERMARK_KEY]).toEqual({ [vaultId]: revision });
    await one.sync.disable();
    expect((await one.area.get())[WATERMARK_KEY]).toBeUndefined();
    await one.accounts.add(URI('third@example.com').replace('JBSWY3DP', 'MFRGGZDF'), undefined);
    await one.sync.runNow();
    expect((await one.area.get())[WATERMARK_KEY]).toBeUndefined();
  });

  it('a restore of the whole profile (storage.local) while the browser is closed is noticed on unlock', async () => {
    const { network, one } = await twoComputers();
    await one.sync.runNow();
    const before = new Map(one.local.data);
    await one.accounts.add(URI('second@example.com'), undefined);
    await one.sync.runNow();
    network.deliverAll();
    // The browser restarts (session storage gone) on a profile restored from the earlier copy.
    one.local.data.clear();
    for (const [key, value] of before) one.local.data.set(key, value);
    const restarted = computer(one.area, one.local, new MemoryArea());
    const state = await restarted.vault.unlock('office passphrase');
    expect(state.rollback).toMatchObject({ current: expect.any(Number) as unknown });
    expect(state.rollback!.seen).toBeGreaterThan(state.rollback!.current);
  });

  it('without sync, the same restore goes unnoticed (the known limit sync lifts)', async () => {
    const network = new FakeSyncNetwork();
    const one = computer(network.area());
    await one.vault.create('office passphrase');
    const before = new Map(one.local.data);
    await one.accounts.add(URI('second@example.com'), undefined);
    expect((await one.area.get())[WATERMARK_KEY]).toBeUndefined();
    one.local.data.clear();
    for (const [key, value] of before) one.local.data.set(key, value);
    const restarted = computer(one.area, one.local, new MemoryArea());
    expect((await restarted.vault.unlock('office passphrase')).rollback).toBeUndefined();
  });
});

describe('SyncService: recently deleted accounts', () => {
  it.each([
    ['on the computer that deleted it', 'one'],
    ['on the computer the delete reached', 'two'],
  ] as const)(
    'a delete reaches the other computer as a tombstone and stays restorable there; a restore %s reaches both, and its tombstone never removes it',
    async (_where, restorer) => {
      const { network, one, two } = await twoComputers();
      await two.sync.enable('office passphrase');
      const [jane] = await one.vault.accounts();
      await one.accounts.remove(jane!.id);
      await one.sync.runNow();
      network.deliverAll();
      await two.sync.runNow();
      expect(await two.labels()).toEqual([]);
      // The computer that applied the remote delete held the secret: it keeps it restorable too.
      for (const side of [one, two]) {
        expect(await side.accounts.listDeleted()).toMatchObject([
          { id: jane!.id, label: 'jane@example.com' },
        ]);
      }

      const computers = { one, two };
      const restored = await computers[restorer].accounts.restoreDeleted(jane!.id);
      expect(restored.id).not.toBe(jane!.id);
      // Both ways, twice: the old id's tombstone is everywhere, and the account stays.
      for (let round = 0; round < 2; round++) {
        await computers[restorer].sync.runNow();
        network.deliverAll();
        await computers[restorer === 'one' ? 'two' : 'one'].sync.runNow();
        network.deliverAll();
      }
      for (const side of [one, two]) {
        const [back, ...others] = await side.vault.accounts();
        expect(others).toEqual([]);
        expect(back).toMatchObject({ id: restored.id, secret: jane!.secret, origin: jane!.origin });
        // Held again by a live account: no longer offered for restore on either computer.
        expect(await side.accounts.listDeleted()).toEqual([]);
      }
    },
  );
});

/** The damaged kinds a sync record can carry (the codec writes their fields as they are). */
const CARRIED = BROKEN_KINDS.filter(([kind]) =>
  [
    'a 5-digit TOTP that is not Steam',
    '9 digits',
    'an empty secret',
    'a secret that is not base32',
    'a secret of an impossible length',
    'a period of 0',
    'a Steam account with 6 digits',
  ].includes(kind),
);

describe('SyncService: an account that cannot make a code arrives through sync', () => {
  it.each(CARRIED)(
    '%s: the list still shows every other account, the bad one as an error row with its name, and it can be deleted',
    async (_kind, patch, code) => {
      const { network, one, two } = await twoComputers();
      await two.vault.create('office passphrase');
      await two.accounts.add(URI('local@example.com').replace('JBSWY3DP', 'KRSXG5CT'), undefined);
      await two.sync.enable('office passphrase');
      network.deliverAll();
      await one.sync.runNow();
      // Written on the first computer (a damaged copy, an older build): it travels as a record.
      await one.vault.update((list) => [...list, { ...brokenAccount(7, patch), id: 'broken-7' }]);
      await one.sync.runNow();
      network.deliverAll();
      await two.sync.runNow();

      // The background's list, as the popup asks for it: it loads, with every account.
      const list = await two.accounts.list();
      expect(list.map((v) => v.label).sort()).toEqual([
        'jane@example.com',
        'local@example.com',
        'user7@example.com',
      ]);
      for (const view of list.filter((v) => v.id !== 'broken-7')) expect(view.code).toMatch(/^\d{6}$/);
      const broken = list.find((v) => v.id === 'broken-7');
      expect(broken).toMatchObject({ issuer: 'Broken', label: 'user7@example.com', problem: { code } });
      expect(broken).not.toHaveProperty('code');

      // Deleted there, it goes; the others stay, and the delete reaches the first computer.
      await two.accounts.remove('broken-7');
      expect((await two.accounts.list()).map((v) => v.label).sort()).toEqual([
        'jane@example.com',
        'local@example.com',
      ]);
      await two.sync.runNow();
      network.deliverAll();
      await one.sync.runNow();
      expect(await one.labels()).toEqual(['jane@example.com', 'local@example.com']);
    },
  );
});
