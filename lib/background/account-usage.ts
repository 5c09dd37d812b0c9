import type { KeyValueArea } from '../vault/store';

const USAGE_KEY = 'accounts.lastUsed';
/** Far more accounts than anyone has: a bound on what a stale entry can cost. */
const MAX_ENTRIES = 2000;

/**
 * When each account's code was last copied or filled, for the popup's "Recently used" order.
 * Kept outside the vault, in this browser only: writing the vault (and syncing it) on every copy
 * would cost a save per code, and the time of a copy is no secret. The storage shows random
 * account ids and times, never a name, an origin or a key.
 */
export class AccountUsage {
  /** One read-modify-write at a time: two copies in a row both count. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => number = Date.now,
  ) {}

  async all(): Promise<Record<string, number>> {
    const value = (await this.area.get([USAGE_KEY]))[USAGE_KEY];
    if (!value || typeof value !== 'object') return {};
    const out: Record<string, number> = {};
    for (const [id, at] of Object.entries(value)) if (typeof at === 'number') out[id] = at;
    return out;
  }

  /** The code of `id` was copied or filled now. */
  noteUsed(id: string): Promise<void> {
    return this.change((times) => {
      delete times[id];
      times[id] = this.now();
      // Insertion order is oldest first: drop the oldest beyond the cap.
      const ids = Object.keys(times);
      for (const old of ids.slice(0, Math.max(0, ids.length - MAX_ENTRIES))) delete times[old];
    });
  }

  /** The account is gone: its time goes too. */
  forget(id: string): Promise<void> {
    return this.change((times) => {
      delete times[id];
    });
  }

  private change(edit: (times: Record<string, number>) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const times = await this.all();
      edit(times);
      await this.area.set({ [USAGE_KEY]: times });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
