import { describe, expect, it } from 'vitest';
import { areaChanges, HEADER_KEY, pack } from '@/lib/sync/pack';
import { itemBytes, SYNC_QUOTA } from '@/lib/sync/quota';
import { encodeId } from '@/lib/sync/record';
import { devices, longestChainHeader } from './devices';
import { typicalAccount } from './fake-sync';

/** Record texts of a given size, with ids the packer can read. */
function records(count: number, size = 200): Map<string, string> {
  return new Map(
    Array.from({ length: count }, (_, i) => {
      const id = `id-${i}`;
      const prefix = `${encodeId(id)}.AAAAAAAAAAA.a`;
      return [id, prefix + 'x'.repeat(size - prefix.length)];
    }),
  );
}

describe('packing records into sync items', () => {
  it('keeps every item and the total under the quotas', () => {
    const result = pack(records(400), {}, 300);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const [key, value] of Object.entries(result.items)) {
      expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    }
    expect(result.bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    expect(Object.values(result.items).join(',').split(',')).toHaveLength(400);
  });

  it('changes only the item holding a changed record', () => {
    const before = records(300);
    const first = pack(before, {}, 300);
    if (!first.ok) throw new Error('did not fit');
    const after = new Map(before);
    after.set(
      'id-123',
      before.get('id-123')!.replace(/x+$/, (x) => 'y'.repeat(x.length)),
    );
    const second = pack(after, first.items, 300);
    if (!second.ok) throw new Error('did not fit');
    const { set, remove } = areaChanges(first.items, second.items);
    expect(Object.keys(set)).toHaveLength(1);
    expect(remove).toEqual([]);
  });

  it('says clearly how much is needed when the records do not fit', () => {
    const result = pack(records(600), {}, 300);
    expect(result).toMatchObject({ ok: false, reason: 'total', limit: SYNC_QUOTA.totalBytes });
    expect(result.bytes).toBeGreaterThan(SYNC_QUOTA.totalBytes);
  });

  it('removes items that became empty, and leaves keys that are not sync items alone', () => {
    const first = pack(records(100), {}, 300);
    if (!first.ok) throw new Error('did not fit');
    const second = pack(records(1), first.items, 300);
    if (!second.ok) throw new Error('did not fit');
    const { remove } = areaChanges(
      { ...first.items, other: 1, [HEADER_KEY]: {} },
      { ...second.items, [HEADER_KEY]: {} },
    );
    expect(remove.length).toBeGreaterThan(0);
    expect(remove).not.toContain('other');
  });
});

describe('500 typical accounts', () => {
  it('fit in the browser sync space, sealed, with the header', async () => {
    const {
      devices: [device],
    } = await devices(1);
    device!.vault.accounts = Array.from({ length: 500 }, (_, i) => typicalAccount(i));
    const report = await device!.engine.run();
    expect(report.status).toBe('ok');
    expect(report.bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    expect(device!.area.bytes()).toBe(report.bytes);
    expect(report.writes).toBe(1);
  });

  it('still fit with a header carrying the longest chain of previous keys', async () => {
    const {
      dek,
      header,
      devices: [device],
    } = await devices(1);
    const chained = await longestChainHeader(dek, header.vaultId);
    device!.state.state = { ...device!.state.state!, header: chained };
    device!.vault.accounts = Array.from({ length: 500 }, (_, i) => typicalAccount(i));
    const report = await device!.engine.run();
    expect(report.status).toBe('ok');
    expect(itemBytes(HEADER_KEY, chained) - itemBytes(HEADER_KEY, header)).toBeLessThan(800);
    expect(device!.area.bytes()).toBe(report.bytes);
    expect(report.bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
  });

  it('beyond what fits: status full, nothing written, the vault untouched', async () => {
    const {
      devices: [device],
    } = await devices(1);
    const accounts = Array.from({ length: 700 }, (_, i) => typicalAccount(i));
    device!.vault.accounts = structuredClone(accounts);
    const report = await device!.engine.run();
    expect(report).toMatchObject({ status: 'full', writes: 0, limit: SYNC_QUOTA.totalBytes });
    expect(report.bytes).toBeGreaterThan(SYNC_QUOTA.totalBytes);
    expect(device!.area.data.size).toBe(0);
    expect(device!.vault.accounts).toEqual(accounts);
  });

  it('one account too large for an item: status too-large, nothing written, the vault untouched', async () => {
    const {
      devices: [device],
    } = await devices(1);
    const accounts = [typicalAccount(1), { ...typicalAccount(2), label: 'x'.repeat(9_000) }];
    device!.vault.accounts = structuredClone(accounts);
    const report = await device!.engine.run();
    expect(report).toMatchObject({ status: 'too-large', writes: 0, limit: SYNC_QUOTA.itemBytes });
    expect(device!.area.data.size).toBe(0);
    expect(device!.vault.accounts).toEqual(accounts);
  });
});
