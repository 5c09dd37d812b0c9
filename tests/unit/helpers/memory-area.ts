import type { KeyValueArea } from '@/lib/vault/store';

/**
 * An in-memory stand-in for chrome.storage.local/session with the same
 * semantics that matter: async, JSON-cloned values, optional random latency
 * so concurrent writers really interleave.
 */
export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();

  constructor(private readonly latency: () => number = () => 0) {}

  private async pause(): Promise<void> {
    const ms = this.latency();
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    await this.pause();
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.data) {
      if (keys === null || keys.includes(key)) out[key] = structuredClone(value);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await this.pause();
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.parse(JSON.stringify(value)));
  }

  async remove(keys: string[]): Promise<void> {
    await this.pause();
    for (const key of keys) this.data.delete(key);
  }

  snapshot(): string {
    return JSON.stringify([...this.data.entries()].sort());
  }
}

/** A Web Locks stand-in shared by several "contexts" in one test. */
export function sharedLockManager() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(fn, fn);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
