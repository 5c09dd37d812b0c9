import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, type AccountBody } from '@/lib/sync/codec';
import {
  createHeader,
  MAX_PREVIOUS_KEYS,
  previousKeys,
  unwrapHeader,
  verifyHeader,
  type SyncHeader,
} from '@/lib/sync/header';
import { decodeId, encodeId, importAesKey, openRecord, sealRecord, type SyncRecord } from '@/lib/sync/record';
import { randomBytes } from '@/lib/bytes';
import { typicalAccount } from './fake-sync';
import { FAST_KDF, PASS } from './devices';

const context = { vaultId: 'vault-1', epoch: 1 };
const version = { wall: Date.UTC(2026, 10, 28), count: 0, device: 'AbCd' };

function body(overrides: Partial<AccountBody['account']> = {}, rank = 3): AccountBody {
  const { id: _id, updatedAt: _u, ...account } = typicalAccount(1);
  return { account: { ...account, ...overrides }, rank };
}

describe('account body codec', () => {
  it.each<[string, Partial<AccountBody['account']>]>([
    ['typical', {}],
    ['no site', { origin: undefined }],
    ['http site with port', { origin: 'http://m2mmanager.localhost:4100' }],
    ['HOTP, SHA512, 8 digits', { type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 123456 }],
    ['60 s period', { period: 60 }],
    ['explicitly unpinned', { pinned: false }],
    ['odd-length secret', { secret: 'MFRGG' }],
    ['non-base32 secret kept as text', { secret: 'not-base32!' }],
    ['unicode names', { issuer: 'Société Générale', label: 'zoë@exemple.fr' }],
  ])('round-trips a %s account', (_name, overrides) => {
    const original = body(overrides);
    if (overrides.origin === undefined && 'origin' in overrides) delete original.account.origin;
    expect(decodeBody(encodeBody(original))).toEqual(original);
  });

  it('takes under 100 bytes for a typical account', () => {
    expect(encodeBody(body()).length).toBeLessThan(100);
  });

  it.each([
    ['a truncated body', (b: Uint8Array) => b.slice(0, b.length - 3)],
    ['trailing bytes', (b: Uint8Array) => Uint8Array.from([...b, 1, 2])],
    ['an unknown version', (b: Uint8Array) => Uint8Array.from([9, ...b.slice(1)])],
  ])('refuses %s', (_name, damage) => {
    expect(() => decodeBody(damage(encodeBody(body())))).toThrow();
  });
});

describe('record ids', () => {
  it.each(['5f0c2a1e-8b3d-4c7a-9e21-00000000002a', 'id-7', 'ÄÖÜ'])('round-trips %j', (id) => {
    expect(decodeId(encodeId(id))).toBe(id);
  });

  it('stores a UUID in 23 characters', () => {
    expect(encodeId('5f0c2a1e-8b3d-4c7a-9e21-00000000002a')).toHaveLength(23);
  });
});

describe('sealed records', () => {
  const account: SyncRecord = { id: 'acc-1', version, body: body() };
  const tombstone: SyncRecord = { id: 'acc-2', version };

  it.each([
    ['account', account],
    ['tombstone', tombstone],
  ])('round-trips an %s record', async (_kind, record) => {
    const key = await importAesKey(randomBytes(32));
    const text = await sealRecord(key, context, record);
    expect(await openRecord(key, context, text)).toEqual({ ok: true, record });
  });

  it('shows nothing of the account in clear', async () => {
    const key = await importAesKey(randomBytes(32));
    const text = await sealRecord(key, context, account);
    for (const secretish of ['M2Mmanager', 'operator1', 'JBSWY3DP', 'matooma'])
      expect(text).not.toContain(secretish);
  });

  // Every way someone with write access to the sync area could alter a genuine record.
  const attacks: [string, SyncRecord, (text: string, other: string) => string][] = [
    ['a flipped ciphertext bit (account)', account, (t) => flipLast(t)],
    ['a flipped ciphertext bit (tombstone)', tombstone, (t) => flipLast(t)],
    [
      'an account swapped to another id',
      account,
      (t, other) => `${other.split('.')[0]}.${t.split('.').slice(1).join('.')}`,
    ],
    [
      'a tombstone swapped to another id',
      tombstone,
      (t, other) => `${other.split('.')[0]}.${t.split('.').slice(1).join('.')}`,
    ],
    ['an account given a newer version', account, (t) => withVersion(t, 'AZWxe2jAbCd5')],
    ['a tombstone given a newer version', tombstone, (t) => withVersion(t, 'AZWxe2jAbCd5')],
    ['an account turned into a tombstone', account, (t) => t.replace('.a', '.t')],
    ['a tombstone turned into an account', tombstone, (t) => t.replace('.t', '.a')],
  ];

  it.each(attacks)('refuses %s', async (_name, record, attack) => {
    const key = await importAesKey(randomBytes(32));
    const text = await sealRecord(key, context, record);
    const other = await sealRecord(key, context, { id: 'acc-9', version, body: body({ label: 'other' }) });
    const result = await openRecord(key, context, attack(text, other));
    expect(result.ok).toBe(false);
  });

  it.each([
    ['another vault', { vaultId: 'vault-2', epoch: 1 }],
    ['another key epoch', { vaultId: 'vault-1', epoch: 2 }],
  ])('refuses a record of %s', async (_name, otherContext) => {
    const key = await importAesKey(randomBytes(32));
    const text = await sealRecord(key, otherContext, account);
    expect((await openRecord(key, context, text)).ok).toBe(false);
  });

  it('refuses a record sealed with another key', async () => {
    const text = await sealRecord(await importAesKey(randomBytes(32)), context, account);
    expect(await openRecord(await importAesKey(randomBytes(32)), context, text)).toMatchObject({
      ok: false,
      reason: 'unauthentic',
    });
  });
});

describe('sync header', () => {
  async function header(extra: { previousDeks?: Uint8Array<ArrayBuffer>[] } = {}) {
    const dek = randomBytes(32);
    const h = await createHeader({
      dek,
      passphrase: PASS,
      vaultId: 'vault-1',
      epoch: 2,
      rev: 3,
      kdf: FAST_KDF,
      ...extra,
    });
    return { dek, h };
  }

  it('opens with the passphrase and verifies with the key', async () => {
    const { dek, h } = await header();
    expect(await unwrapHeader(h, PASS)).toEqual(dek);
    expect(await unwrapHeader(h, 'wrong passphrase')).toBeUndefined();
    expect(await verifyHeader(h, dek)).toBe(true);
    expect(await verifyHeader(h, randomBytes(32))).toBe(false);
  });

  it('carries the previous keys for a computer that still has one of them', async () => {
    const old = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const { dek, h } = await header({ previousDeks: old });
    expect(await previousKeys(h, dek)).toEqual(old);
    // Only the new key reveals them: an older key opens nothing of the chain.
    expect(await previousKeys(h, old[0]!)).toEqual([]);
    expect(await previousKeys({ ...h, previous: flipLast(h.previous!) }, dek)).toEqual([]);
  });

  it('keeps at most MAX_PREVIOUS_KEYS previous keys, newest first', async () => {
    const old = Array.from({ length: MAX_PREVIOUS_KEYS + 3 }, () => randomBytes(32));
    const { dek, h } = await header({ previousDeks: old });
    expect(await previousKeys(h, dek)).toEqual(old.slice(0, MAX_PREVIOUS_KEYS));
  });

  it.each<[string, (h: SyncHeader) => SyncHeader]>([
    ['vault id', (h) => ({ ...h, vaultId: 'vault-2' })],
    ['epoch', (h) => ({ ...h, epoch: 3 })],
    ['revision (replay of an older header as newer)', (h) => ({ ...h, rev: 9 })],
    ['salt', (h) => ({ ...h, kdf: { ...h.kdf, salt: 'AAAAAAAAAAAAAAAAAAAAAA' } })],
    ['KDF cost', (h) => ({ ...h, kdf: { ...h.kdf, iterations: 2 } })],
    ['wrapped key', (h) => ({ ...h, wrapped: flipLast(h.wrapped) })],
    ['chain of previous keys', (h) => ({ ...h, previous: flipLast(h.previous!) })],
    ['chain of previous keys (dropped)', ({ previous: _p, ...h }) => h],
  ])('refuses a header whose %s was changed', async (_name, change) => {
    const { dek, h } = await header({ previousDeks: [randomBytes(32)] });
    const forged = change(h);
    expect(await verifyHeader(forged, dek)).toBe(false);
    expect(await unwrapHeader(forged, PASS)).toBeUndefined();
  });
});

/** Changes one whole base64url character near the end (inside the tag, never padding bits). */
function flipLast(text: string): string {
  const at = text.length - 6;
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

function withVersion(text: string, version: string): string {
  const [id, , sealed] = text.split('.');
  return `${id}.${version}.${sealed}`;
}

describe('account body ranks', () => {
  it.each([0, 1, 7, 123456, 2.5, -1, 1e-9])('round-trips rank %d', (rank) => {
    expect(decodeBody(encodeBody(body({}, rank))).rank).toBe(rank);
  });
});
