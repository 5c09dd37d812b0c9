import { describe, expect, it, vi } from 'vitest';
import { decodeEnvelope, encodeEnvelope, FORMAT_VERSION, type Envelope } from '@/lib/vault/envelope';
import { EnvelopeMemo } from '@/lib/vault/envelope-memo';

async function copy(revision: number): Promise<string> {
  const header = { v: FORMAT_VERSION, vaultId: 'vault-1', revision, slots: [] };
  return encodeEnvelope(header, new Uint8Array(12), new Uint8Array(32).fill(revision));
}

/** A memo over the real decoder, counting its calls. */
function counted() {
  const decode = vi.fn((raw: unknown) => decodeEnvelope(raw));
  return { memo: new EnvelopeMemo(decode), decode };
}

describe('EnvelopeMemo', () => {
  it('decodes an unchanged copy once and gives the same envelope back', async () => {
    const { memo, decode } = counted();
    const raw = await copy(1);
    const first = await memo.decodeAt('vault.A', raw);
    // Another string with the same text, as each storage read gives.
    const again = await memo.decodeAt('vault.A', (' ' + raw).slice(1));
    expect(again).toBe(first);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(first.header.revision).toBe(1);
  });

  it.each([
    ['a new copy under the same key', 'vault.A', 2],
    ['the same copy under another key', 'vault.B', 1],
  ] as const)('decodes again: %s', async (_name, key, revision) => {
    const { memo, decode } = counted();
    await memo.decodeAt('vault.A', await copy(1));
    const next = await memo.decodeAt(key, await copy(revision));
    expect(next.header.revision).toBe(revision);
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it('never remembers a copy that fails, nor keeps the one it replaced', async () => {
    const { memo, decode } = counted();
    const good = await copy(1);
    await memo.decodeAt('vault.A', good);
    const damaged = 'A' + good.slice(1, -4) + 'AAAA';
    await expect(memo.decodeAt('vault.A', damaged)).rejects.toThrow();
    await expect(memo.decodeAt('vault.A', damaged)).rejects.toThrow();
    await expect(memo.decodeAt('vault.A', undefined)).rejects.toThrow();
    expect((await memo.decodeAt('vault.A', good)).header.revision).toBe(1);
    expect(decode).toHaveBeenCalledTimes(5);
  });

  it.each<[string, (envelope: Envelope) => void]>([
    ['its header', (e) => (e.header.revision = 9)],
    ['its slots', (e) => e.header.slots.push({} as never)],
    ['the envelope', (e) => (e.header = { ...e.header })],
  ])('gives an envelope no reader can change: %s', async (_name, change) => {
    const envelope = await new EnvelopeMemo().decodeAt('vault.A', await copy(1));
    expect(() => change(envelope)).toThrow(TypeError);
  });
});
