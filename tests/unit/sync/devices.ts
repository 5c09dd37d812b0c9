import { SyncEngine, type SyncState } from '@/lib/sync/engine';
import { createHeader, MAX_PREVIOUS_KEYS, type SyncHeader } from '@/lib/sync/header';
import { newDeviceId } from '@/lib/sync/hlc';
import { randomBytes } from '@/lib/bytes';
import { FakeSyncNetwork, MemoryState, MemoryVault, type FakeSyncArea } from './fake-sync';

import { FAST_KDF } from '../helpers/vault-fixtures';

export { FAST_KDF };
export const PASS = 'correct horse battery staple';

export interface Device {
  name: string;
  area: FakeSyncArea;
  vault: MemoryVault;
  state: MemoryState;
  engine: SyncEngine;
}

/**
 * N devices sharing one synced vault (one data key, one header), joined by a fake network.
 * `lastWriteWins`: a late message never overwrites a later write, as on the browser's sync server
 * (without it, a copy may keep an older write for good, and no sync engine could converge).
 */
export async function devices(count: number, clock = { now: Date.UTC(2026, 0, 1) }, lastWriteWins = false) {
  const network = new FakeSyncNetwork(clock, lastWriteWins);
  const dek = randomBytes(32);
  const header: SyncHeader = await createHeader({
    dek,
    passphrase: PASS,
    vaultId: 'vault-1',
    epoch: 1,
    rev: 1,
    kdf: FAST_KDF,
  });
  const list: Device[] = [];
  for (let i = 0; i < count; i++) {
    const area = network.area();
    const vault = new MemoryVault();
    const state = new MemoryState(freshState(header));
    const engine = new SyncEngine({ area, vault, state, dek, now: () => clock.now });
    list.push({ name: `device ${i + 1}`, area, vault, state, engine });
  }
  return { network, dek, header, devices: list, clock };
}

export function freshState(header: SyncHeader): SyncState {
  return { device: newDeviceId(), header, records: {}, purged: [] };
}

/** Delivers everything and runs every device until nobody writes any more. */
export async function settle(network: FakeSyncNetwork, list: Device[]): Promise<number> {
  for (let round = 0; round < 20; round++) {
    network.deliverAll();
    let writes = 0;
    for (const device of list) writes += (await device.engine.run()).writes;
    if (writes === 0 && network.inFlight.length === 0) return round;
  }
  throw new Error('did not settle');
}

/** The vault as compared across devices: what sync carries, in order. */
export function view(vault: MemoryVault) {
  return vault.accounts.map(({ updatedAt: _u, ...rest }) => rest);
}

/** The same vault's header after the most key changes it remembers: the largest header there is. */
export function longestChainHeader(dek: Uint8Array<ArrayBuffer>, vaultId: string): Promise<SyncHeader> {
  return createHeader({
    dek,
    passphrase: PASS,
    vaultId,
    epoch: MAX_PREVIOUS_KEYS + 1,
    rev: MAX_PREVIOUS_KEYS + 1,
    kdf: FAST_KDF,
    previousDeks: Array.from({ length: MAX_PREVIOUS_KEYS }, () => randomBytes(32)),
  });
}
