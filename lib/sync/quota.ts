/** Chrome's `storage.sync` limits (Firefox's are of the same order). */
export const SYNC_QUOTA = {
  totalBytes: 102_400,
  itemBytes: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

export type Quota = Omit<typeof SYNC_QUOTA, 'writesPerMinute' | 'writesPerHour'>;

const encoder = new TextEncoder();

/** How Chrome counts an item: the key plus the JSON of the value, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

export function areaBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

/** JSON with object keys sorted, to compare values whatever order storage gives their keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
