import type { StoredAccount } from '@/lib/otp/account';
import type { LocalVault, StateStore, SyncArea, SyncState } from '@/lib/sync/engine';
import { canonicalJson, itemBytes, SYNC_QUOTA } from '@/lib/sync/quota';

type Change = { key: string; value?: unknown; seq?: number };

/**
 * A stand-in for the browser's sync: each device has its own copy of the sync area, which
 * enforces Chrome's quotas (bytes, per-item bytes, items, writes per minute and per hour) and
 * throws Chrome's error messages; what a device writes travels to the others as messages the
 * test delivers whenever it likes: late, out of order, twice.
 */
export class FakeSyncNetwork {
  readonly areas: FakeSyncArea[] = [];
  /** Messages not yet delivered (a delivered one may be kept to be delivered again). */
  readonly inFlight: { to: FakeSyncArea; changes: Change[] }[] = [];

  private seq = 0;

  /**
   * `lastWriteWins`: like the browser's sync server, a late message never overwrites a later
   * write of the same item (otherwise a copy may keep an older write for good).
   */
  constructor(
    readonly clock: { now: number } = { now: Date.UTC(2026, 0, 1) },
    readonly lastWriteWins = false,
  ) {}

  area(): FakeSyncArea {
    const area = new FakeSyncArea(this);
    this.areas.push(area);
    return area;
  }

  broadcast(from: FakeSyncArea, changes: Change[]): void {
    const seq = ++this.seq;
    if (this.lastWriteWins) for (const change of changes) from.seqs.set(change.key, seq);
    const stamped = changes.map((c) => ({ ...c, seq }));
    for (const to of this.areas) if (to !== from) this.inFlight.push({ to, changes: stamped });
  }

  /** Delivers message `index`; `again` keeps a copy in flight to deliver it twice. */
  deliver(index: number, again = false): FakeSyncArea | undefined {
    const message = this.inFlight[index];
    if (!message) return undefined;
    if (!again) this.inFlight.splice(index, 1);
    message.to.receive(message.changes);
    return message.to;
  }

  deliverAll(): void {
    while (this.inFlight.length) this.deliver(0);
  }
}

export class FakeSyncArea implements SyncArea {
  readonly data = new Map<string, unknown>();
  readonly writes: number[] = [];
  readonly listeners: ((changes: Change[]) => void)[] = [];
  /** The write each item holds (with `lastWriteWins`). */
  readonly seqs = new Map<string, number>();

  constructor(private readonly network: FakeSyncNetwork) {}

  async get(): Promise<Record<string, unknown>> {
    await Promise.resolve(); // async like the browser's storage
    return Object.fromEntries([...this.data].map(([k, v]) => [k, structuredClone(v)]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await Promise.resolve(); // async like the browser's storage
    this.countWrite();
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.itemBytes)
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, sortedKeys(value));
    }
    if (next.size > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    if (this.bytes(next) > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [key, value] of next) this.data.set(key, value);
    this.network.broadcast(
      this,
      Object.keys(items).map((key) => ({ key, value: this.data.get(key) })),
    );
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.resolve(); // async like the browser's storage
    this.countWrite();
    for (const key of keys) this.data.delete(key);
    this.network.broadcast(
      this,
      keys.map((key) => ({ key })),
    );
  }

  receive(changes: Change[]): void {
    if (this.network.lastWriteWins) {
      changes = changes.filter((c) => c.seq === undefined || c.seq > (this.seqs.get(c.key) ?? 0));
      for (const c of changes) if (c.seq !== undefined) this.seqs.set(c.key, c.seq);
    }
    for (const { key, value } of changes) {
      if (value === undefined) this.data.delete(key);
      else this.data.set(key, structuredClone(value));
    }
    this.listeners.forEach((listener) => listener(changes));
  }

  bytes(data: Map<string, unknown> = this.data): number {
    return [...data].reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  }

  private countWrite(): void {
    const now = this.network.clock.now;
    const minute = this.writes.filter((t) => t > now - 60_000).length;
    const hour = this.writes.filter((t) => t > now - 3_600_000).length;
    if (minute >= SYNC_QUOTA.writesPerMinute)
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (hour >= SYNC_QUOTA.writesPerHour) throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    this.writes.push(now);
  }
}

/** A vault held in memory, with the compare-and-replace the engine needs. */
export class MemoryVault implements LocalVault {
  accounts: StoredAccount[] = [];

  async read(): Promise<StoredAccount[]> {
    await Promise.resolve(); // async like the browser's storage
    return structuredClone(this.accounts);
  }

  async replace(expected: readonly StoredAccount[], next: StoredAccount[]): Promise<boolean> {
    await Promise.resolve(); // async like the browser's storage
    if (JSON.stringify(expected) !== JSON.stringify(this.accounts)) return false;
    this.accounts = structuredClone(next);
    return true;
  }
}

export class MemoryState implements StateStore {
  constructor(public state?: SyncState) {}

  async load(): Promise<SyncState | undefined> {
    await Promise.resolve(); // async like the browser's storage
    return this.state && structuredClone(this.state);
  }

  async save(state: SyncState): Promise<void> {
    await Promise.resolve(); // async like the browser's storage
    this.state = structuredClone(state);
  }
}

let serial = 0;

/** A typical account: issuer, e-mail label, 160-bit secret, https site, sometimes pinned. */
export function typicalAccount(n: number, now = Date.UTC(2026, 0, 1)): StoredAccount {
  const hex = (serial++).toString(16).padStart(12, '0');
  return {
    id: `5f0c2a1e-8b3d-4c7a-9e21-${hex}`,
    type: 'totp',
    issuer: 'M2Mmanager',
    label: `operator${n}@example.com`,
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    origin: 'https://m2mmanager.matooma.com',
    ...(n % 5 === 0 ? { pinned: true } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** Chrome's storage hands objects back with their keys sorted (base::Value): so does the fake. */
function sortedKeys(value: unknown): unknown {
  return JSON.parse(canonicalJson(value));
}
