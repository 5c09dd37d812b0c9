/**
 * Every stored format a release ever wrote opens in this build: one folder per release under
 * tests/fixtures/stored/, made by that release itself (the upgrade e2e test with
 * TWOFOLD_STORED_FIXTURES=1 writes its storage.local and storage.sync). Test passphrase and
 * test secrets only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '@/lib/settings';
import { generateCode, parseOtpauthUri } from '@/lib/otp';
import type { StoredAccount } from '@/lib/otp/account';
import { decodeEnvelope, encodeEnvelope, FORMAT_VERSION } from '@/lib/vault/envelope';
import { isPasskeySlot } from '@/lib/vault/passkey-slot';
import { VaultStore } from '@/lib/vault/store';
import { RevisionWatermark } from '@/lib/vault/watermark';
import { SyncEngine, type SyncState } from '@/lib/sync/engine';
import { parseHeader, unwrapHeader } from '@/lib/sync/header';
import { HEADER_KEY, layoutOf } from '@/lib/sync/pack';
import { openRecord } from '@/lib/sync/record';
import { importAesKey } from '@/lib/vault/aead';
import { MemoryArea } from '../helpers/memory-area';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'stored');

interface About {
  release: { version: string; commit: string };
  passphrase: string;
  accounts: { uri: string; website?: string }[];
  hotpCounter: number;
  settings: Record<string, unknown>;
  passkeys: string[];
}

const RELEASES = readdirSync(ROOT).map((version) => {
  const read = (name: string) => JSON.parse(readFileSync(join(ROOT, version, name), 'utf8')) as unknown;
  return {
    version,
    about: read('about.json') as About,
    local: read('local.json') as Record<string, unknown>,
    sync: read('sync.json') as Record<string, unknown>,
  };
});

function areaOf(items: Record<string, unknown>): MemoryArea {
  const area = new MemoryArea();
  for (const [key, value] of Object.entries(items)) area.data.set(key, structuredClone(value));
  return area;
}

/** Start, middle and end of periods, years apart: the same code from the stored account and its URI. */
const TIMES = [0, 1_700_000_000_000, 1_796_472_256_731, 2_000_000_029_999];

function expectSameAccounts(stored: readonly StoredAccount[], about: About): void {
  expect(stored).toHaveLength(about.accounts.length);
  for (const { uri, website } of about.accounts) {
    const parsed = parseOtpauthUri(uri);
    const account = stored.find((a) => a.issuer === parsed.issuer);
    expect(account, parsed.issuer).toBeDefined();
    expect(account).toMatchObject({
      label: parsed.label,
      type: parsed.type,
      algorithm: parsed.algorithm,
      digits: parsed.digits,
      ...(website ? { origin: website } : {}),
    });
    const expected = parsed.type === 'hotp' ? { ...parsed, counter: about.hotpCounter } : parsed;
    for (const t of TIMES)
      expect(generateCode(account!, t), `${parsed.issuer} at ${t}`).toBe(generateCode(expected, t));
  }
}

const codeParts = (a: StoredAccount) => [
  a.id,
  a.issuer,
  a.label,
  a.type,
  a.secret,
  a.algorithm,
  a.digits,
  a.period,
  a.counter,
  a.encoder,
  a.origin,
];
/** What every release's sync record carries (0.1.0's left out the Steam encoder). */
const syncedParts = (a: StoredAccount) => ({
  issuer: a.issuer,
  label: a.label,
  type: a.type,
  secret: a.secret,
  algorithm: a.algorithm,
  period: a.period,
  counter: a.counter,
  origin: a.origin,
});
const byIssuer = (x: { issuer: string }, y: { issuer: string }) => x.issuer.localeCompare(y.issuer);

describe.each(RELEASES)('what release $version stored', ({ about, local, sync }) => {
  it('opens with its passphrase: the same accounts, codes and passkeys, nothing damaged', async () => {
    const store = new VaultStore(areaOf(local));
    const dek = await store.unlock(about.passphrase);
    const snapshot = await store.read(dek);
    expect(snapshot).toMatchObject({ readOnly: false, damaged: [] });
    expectSameAccounts(snapshot.payload.accounts, about);
    expect(snapshot.slots.filter(isPasskeySlot).map((s) => s.name)).toEqual(about.passkeys);
  });

  it('is not taken for a rollback by the revision watermark it wrote', async () => {
    const area = areaOf(local);
    const store = new VaultStore(area);
    const snapshot = await store.read(await store.unlock(about.passphrase));
    const highest = await new RevisionWatermark([area]).highest(snapshot.vaultId);
    expect(highest).toBeGreaterThan(0);
    expect(highest).toBeLessThanOrEqual(snapshot.revision);
  });

  it('keeps its settings', async () => {
    expect(await loadSettings(areaOf(local))).toMatchObject(about.settings);
  });

  it('its synced vault opens with the same passphrase and holds the same accounts', async () => {
    const store = new VaultStore(areaOf(local));
    const dek = await store.unlock(about.passphrase);
    const header = parseHeader(sync[HEADER_KEY]);
    expect(await unwrapHeader(header, about.passphrase)).toEqual(dek);
    const key = await importAesKey(dek);
    const context = { vaultId: header.vaultId, epoch: header.epoch };
    const accounts: StoredAccount[] = [];
    for (const texts of layoutOf(sync).values()) {
      for (const text of texts) {
        const opened = await openRecord(key, context, text);
        expect(opened.ok).toBe(true);
        if (opened.ok && opened.record.body) accounts.push(opened.record.body.account as StoredAccount);
      }
    }
    expect(accounts.map(syncedParts).sort(byIssuer)).toEqual(
      (await store.read(dek)).payload.accounts.map(syncedParts).sort(byIssuer),
    );
  });

  it('sync goes on from where it was: nothing refused, every account’s code unchanged', async () => {
    const localArea = areaOf(local);
    const store = new VaultStore(localArea);
    const dek = await store.unlock(about.passphrase);
    let accounts = (await store.read(dek)).payload.accounts;
    const before = structuredClone(accounts);
    const engine = new SyncEngine({
      area: areaOf(sync),
      vault: {
        read: () => Promise.resolve(structuredClone(accounts)),
        replace: (_expected, next) => {
          accounts = next;
          return Promise.resolve(true);
        },
      },
      state: {
        load: async () => (await localArea.get(['sync.state']))['sync.state'] as SyncState,
        save: (state) => localArea.set({ 'sync.state': state }),
      },
      dek,
      now: () => 1_796_500_000_000,
    });
    const report = await engine.run();
    expect(report).toMatchObject({ status: 'ok', notices: [] });
    // What makes the codes is unchanged. (0.1.0's sync records did not carry the Steam encoder:
    // merging one adds the same key, without it, to the account's previous keys.)
    expect(accounts.map(codeParts)).toEqual(before.map(codeParts));
    expectSameAccounts(accounts, about);
  });
});

describe.each(RELEASES)('release $version’s vault, with a copy from a newer format', ({ about, local }) => {
  it('opens read-only with a clear message and is never written over', async () => {
    const area = areaOf(local);
    // The newest generation rewritten as a later Twofold would: a format version above ours.
    const copies = await Promise.all(
      (['vault.A', 'vault.B'] as const).map(async (k) => ({ k, e: await decodeEnvelope(area.data.get(k)) })),
    );
    const newest = copies.sort((x, y) => y.e.header.revision - x.e.header.revision)[0]!;
    area.data.set(
      newest.k,
      await encodeEnvelope(
        { ...newest.e.header, v: FORMAT_VERSION + 1, revision: newest.e.header.revision + 1 },
        newest.e.iv,
        newest.e.ciphertext,
      ),
    );
    const before = area.snapshot();
    const store = new VaultStore(area);
    const dek = await store.unlock(about.passphrase);
    const snapshot = await store.read(dek);
    expect(snapshot.readOnly).toBe(true);
    expectSameAccounts(snapshot.payload.accounts, about);
    await expect(store.update(dek, (p) => p)).rejects.toThrow(/newer version of Twofold/);
    expect(area.snapshot()).toBe(before);
  });

  it('a copy only a newer format wrote is refused with a clear message, and kept', async () => {
    const area = areaOf(local);
    for (const k of ['vault.A', 'vault.B']) {
      const e = await decodeEnvelope(area.data.get(k));
      area.data.set(k, await encodeEnvelope({ ...e.header, v: FORMAT_VERSION + 1 }, e.iv, e.ciphertext));
    }
    const before = area.snapshot();
    const store = new VaultStore(area);
    await expect(store.unlock(about.passphrase)).rejects.toThrow(/newer version of Twofold/);
    await expect(store.create(about.passphrase)).rejects.toThrow();
    expect(area.snapshot()).toBe(before);
  });

  it('settings a newer build added are kept when this build saves its own', async () => {
    const area = areaOf({ ...local, settings: { ...(local.settings as object), fromTheFuture: 'kept' } });
    await saveSettings(area, { autoLockMinutes: 9 });
    expect(area.data.get('settings')).toMatchObject({
      ...about.settings,
      autoLockMinutes: 9,
      fromTheFuture: 'kept',
    });
  });
});
