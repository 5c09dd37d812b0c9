/**
 * Packs sealed records into sync-area items under the quotas. Records stay in the item they
 * were in when it still has room, so one changed account rewrites one item (one write, not a
 * repack of everything); new records fill the first item with room. When everything does not
 * fit, the result says so and how much would be needed: the caller then writes nothing.
 */
import { canonicalJson, itemBytes, SYNC_QUOTA, type Quota } from './quota';
import { recordIdOf } from './record';

export const HEADER_KEY = 'h';
const RECORD_KEY = /^r[0-9a-z]+$/;
const SEPARATOR = ',';

export const isRecordKey = (key: string) => RECORD_KEY.test(key);
export const isSyncKey = (key: string) => key === HEADER_KEY || isRecordKey(key);

export type PackResult =
  | { ok: true; items: Record<string, string>; bytes: number }
  | { ok: false; bytes: number; limit: number; reason: 'total' | 'items' | 'record' };

/** The record texts of every record item in the area, by item key. */
export function layoutOf(area: Record<string, unknown>): Map<string, string[]> {
  const layout = new Map<string, string[]>();
  for (const [key, value] of Object.entries(area)) {
    if (isRecordKey(key) && typeof value === 'string') layout.set(key, value ? value.split(SEPARATOR) : []);
  }
  return layout;
}

/**
 * `records`: the sealed text to store for each record id. `previous`: the area's current items
 * (where each record was). `headerBytes`: what the header item takes.
 */
export function pack(
  records: ReadonlyMap<string, string>,
  previous: Record<string, unknown>,
  headerBytes: number,
  quota: Quota = SYNC_QUOTA,
): PackResult {
  const budget = quota.itemBytes;
  const placed = new Set<string>();
  const items = new Map<string, string[]>();
  const sizes = new Map<string, number>();
  const add = (key: string, text: string): boolean => {
    const list = items.get(key) ?? [];
    const size = sizes.get(key) ?? itemBytes(key, '');
    const grown = size + new TextEncoder().encode(text).length + (list.length ? SEPARATOR.length : 0);
    if (grown > budget) return false;
    items.set(key, [...list, text]);
    sizes.set(key, grown);
    return true;
  };

  const keys = [...layoutOf(previous).entries()].sort(([a], [b]) => itemNumber(a) - itemNumber(b));
  for (const [key, texts] of keys) {
    items.set(key, []);
    sizes.set(key, itemBytes(key, ''));
    for (const old of texts) {
      const id = recordIdOf(old);
      const text = id === undefined ? undefined : records.get(id);
      if (id === undefined || text === undefined || placed.has(id)) continue;
      if (add(key, text)) placed.add(id);
    }
  }
  const pending = [...records.keys()].filter((id) => !placed.has(id)).sort();
  let next = 0;
  for (const id of pending) {
    const text = records.get(id)!;
    if (itemBytes('r0', text) > budget)
      return { ok: false, bytes: itemBytes('r0', text), limit: budget, reason: 'record' };
    let done = false;
    for (const key of items.keys()) {
      if (add(key, text)) {
        done = true;
        break;
      }
    }
    while (!done) {
      while (items.has(`r${next.toString(36)}`)) next++;
      const key = `r${next.toString(36)}`;
      items.set(key, []);
      sizes.set(key, itemBytes(key, ''));
      done = add(key, text);
    }
  }
  const out: Record<string, string> = {};
  let bytes = headerBytes;
  for (const [key, list] of items) {
    if (list.length === 0) continue;
    out[key] = list.join(SEPARATOR);
    bytes += sizes.get(key)!;
  }
  const count = Object.keys(out).length + 1;
  if (count > quota.maxItems) return { ok: false, bytes, limit: quota.maxItems, reason: 'items' };
  if (bytes > quota.totalBytes) return { ok: false, bytes, limit: quota.totalBytes, reason: 'total' };
  return { ok: true, items: out, bytes };
}

function itemNumber(key: string): number {
  return parseInt(key.slice(1), 36);
}

/** The writes that turn `current` into `desired` (sync keys only; other keys are left alone). */
export function areaChanges(
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (canonicalJson(current[key]) !== canonicalJson(value)) set[key] = value;
  }
  const remove = Object.keys(current).filter((key) => isSyncKey(key) && !(key in desired));
  return { set, remove };
}
