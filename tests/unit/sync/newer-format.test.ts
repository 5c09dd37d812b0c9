/**
 * A sync space written by a newer Twofold (a header or record format above this build's): this
 * build reads none of it, writes nothing over it, and says so.
 */
import { describe, expect, it } from 'vitest';
import { CODEC_VERSION } from '@/lib/sync/codec';
import { HEADER_VERSION } from '@/lib/sync/header';
import { HEADER_KEY, layoutOf } from '@/lib/sync/pack';
import { recordAad, type Kind } from '@/lib/sync/record';
import { importAesKey, IV_BYTES, open, seal } from '@/lib/vault/aead';
import { fromB64u, toB64u } from '@/lib/sync/bytes';
import { devices } from './devices';
import { typicalAccount } from './fake-sync';

/** Device 1 has synced two accounts; device 2 is this build, about to run. */
async function syncedSpace() {
  const setup = await devices(2);
  const [one, two] = setup.devices as [(typeof setup.devices)[0], (typeof setup.devices)[0]];
  one.vault.accounts = [typicalAccount(1), typicalAccount(2)];
  await one.engine.run();
  setup.network.deliverAll();
  two.vault.accounts = [typicalAccount(3)];
  return { ...setup, one, two };
}

/** The same record text, its first plaintext byte (the format version) raised as a newer build would. */
async function asNewerFormat(dek: Uint8Array<ArrayBuffer>, text: string, vaultId: string): Promise<string> {
  const [id, version, sealed] = text.split('.') as [string, string, string];
  const kind = sealed[0] as Kind;
  const bytes = fromB64u(sealed.slice(1));
  const key = await importAesKey(dek);
  const aad = recordAad({ vaultId, epoch: 1 }, kind, id, version);
  const plain = (await open(key, bytes.slice(0, IV_BYTES), bytes.slice(IV_BYTES), aad))!;
  plain[0] = kind === 't' ? 3 : (plain[0]! & 0xf0) | (CODEC_VERSION + 1);
  const iv = bytes.slice(0, IV_BYTES);
  const out = new Uint8Array([...iv, ...(await seal(key, iv, plain, aad))]);
  return `${id}.${version}.${kind}${toB64u(out)}`;
}

describe('a sync space written by a newer format', () => {
  it.each([
    ['its header', 'header'],
    ['one of its records', 'record'],
  ] as const)('%s: nothing read or written, the status says so', async (_name, what) => {
    const { two, dek, header } = await syncedSpace();
    if (what === 'header') {
      two.area.data.set(HEADER_KEY, { ...header, v: HEADER_VERSION + 1, layout: 'unknown to us' });
    } else {
      const [key, texts] = [...layoutOf(Object.fromEntries(two.area.data))][0]!;
      const newer = await asNewerFormat(dek, texts[0]!, header.vaultId);
      // Record items hold their sealed texts separated by commas (lib/sync/pack.ts).
      two.area.data.set(key, [newer, ...texts.slice(1)].join(','));
    }
    const before = JSON.stringify([...two.area.data]);
    const vaultBefore = structuredClone(two.vault.accounts);
    const report = await two.engine.run();
    expect(report).toMatchObject({ status: 'newer-version', sent: 0, received: 0, writes: 0 });
    expect(JSON.stringify([...two.area.data])).toBe(before);
    expect(two.vault.accounts).toEqual(vaultBefore);
  });

  it('a record this build knows still syncs (the check is on the format, not on every record)', async () => {
    const { two } = await syncedSpace();
    expect(await two.engine.run()).toMatchObject({ status: 'ok', received: 2 });
  });
});
