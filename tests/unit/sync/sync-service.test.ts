import { describe, expect, it } from 'vitest';
import { SessionKey } from '@/lib/background/session-key';
import { SyncService } from '@/lib/background/sync-service';
import { AccountsService } from '@/lib/background/accounts-service';
import { PasskeyService } from '@/lib/background/passkey-service';
import { VaultService } from '@/lib/background/vault-service';
import { toBase64 } from '@/lib/bytes';
import { isSyncKey } from '@/lib/sync/pack';
import { loadSettings, saveSettings } from '@/lib/settings';
import { derivePasskeyKek } from '@/lib/vault/passkey-slot';
import { VaultStore } from '@/lib/vault/store';
import { MemoryArea } from '../helpers/memory-area';
import { FakeSyncNetwork, type FakeSyncArea } from './fake-sync';
import { FAST_KDF } from './devices';

const URI = (label: string) =>
  `otpauth://totp/M2Mmanager:${label}?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=M2Mmanager`;
const NEVER = { setTimeout: () => 0, clearTimeout: () => undefined };

/** One computer: its own local and session storage, its own copy of the sync space. */
function computer(area: FakeSyncArea) {
  const local = new MemoryArea();
  const sessionKey = new SessionKey(new MemoryArea());
  const store = new VaultStore(local, { kdf: FAST_KDF });
  const sync = new SyncService({ area, local, store, sessionKey, kdf: FAST_KDF, timers: NEVER });
  const vault = new VaultService({
    store,
    sessionKey,
    unlockFallback: (p) => sync.unlockFallback(p),
    afterUnlock: (dek) => sync.afterUnlock(dek),
    onPassphraseChanged: (next, before) => sync.onPassphraseChanged(next, before),
  });
  const labels = async () => (await vault.accounts()).map((a) => a.label).sort();
  const accounts = new AccountsService(vault);
  const passkeys = new PasskeyService({ store, sessionKey, vault });
  return { sync, vault, accounts, labels, passkeys, sessionKey, local };
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
    await expect(two.vault.unlock('office passphrase')).rejects.toThrow(/changed on another computer/);
    await two.vault.unlock('new office passphrase');
    expect(await two.labels()).toEqual(['jane@example.com']);
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
    // Back on: its own (oldest) passphrase is refused, the intermediate ones open nothing.
    await expect(two.vault.unlock('office passphrase')).rejects.toThrow(/changed on another computer/);
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

  it('an account too large to sync says so, keeps the space figure, and loses nothing here', async () => {
    const { network, one } = await twoComputers();
    const before = await one.sync.status();
    await one.accounts.add(URI('x'.repeat(9_000)).replace('JBSWY3DP', 'KRSXG5CT'), undefined);
    await one.sync.runNow();
    const status = await one.sync.status();
    expect(status).toMatchObject({ problem: 'tooLarge', bytes: before.bytes, percent: before.percent });
    expect(await one.labels()).toHaveLength(2);
    expect(network.inFlight).toEqual([]);
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
      expect(keys.filter((key) => !isSyncKey(key))).toEqual([]);
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
