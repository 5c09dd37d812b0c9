/**
 * Reads the record items of the sync area against what this computer already knows, and
 * decides for each record: already known (its sealed text is reused as is), to be merged, or
 * refused with a notice. A record that does not authenticate (changed bytes, or a genuine
 * record swapped to another id, version or kind) is never applied; neither is an authentic
 * record older than one this computer already saw in the area (a replay), nor one whose
 * tombstone was purged.
 */
import { compareHlc, type Hlc } from './hlc';
import { layoutOf } from './pack';
import { openRecord, type RecordContext, type SyncRecord } from './record';

export type NoticeKind = 'unauthentic' | 'replayed';

export interface SyncNotice {
  kind: NoticeKind;
  /** The record's id when it could be read (never anything secret). */
  id?: string;
}

export interface KnownVersion {
  /** The version this computer holds. */
  version: Hlc;
  /** The newest version this computer has seen in, or written to, the sync area. */
  inArea?: Hlc;
}

export interface Ingested {
  /** Authentic records to merge: newer than what is known, or written without having seen it. */
  newer: SyncRecord[];
  /** Authentic sealed texts the area holds, at the newest version seen for each id. */
  texts: Map<string, { version: Hlc; text: string }>;
  notices: SyncNotice[];
  /** A record a newer Twofold wrote: this computer must not sync (nor write over it). */
  newerFormat: boolean;
}

export async function ingest(
  area: Record<string, unknown>,
  key: CryptoKey,
  context: RecordContext,
  known: ReadonlyMap<string, KnownVersion>,
  purged: ReadonlySet<string>,
): Promise<Ingested> {
  const out: Ingested = { newer: [], texts: new Map(), notices: [], newerFormat: false };
  const newest = new Map<string, SyncRecord>();
  for (const texts of layoutOf(area).values()) {
    for (const text of texts) {
      const opened = await openRecord(key, context, text);
      if (!opened.ok && opened.reason === 'newer') {
        out.newerFormat = true;
        continue;
      }
      if (!opened.ok) {
        out.notices.push({ kind: 'unauthentic', ...(opened.id !== undefined ? { id: opened.id } : {}) });
        continue;
      }
      const record = opened.record;
      const id = record.id;
      const mine = known.get(id);
      const kept = out.texts.get(id);
      if (!kept || compareHlc(record.version, kept.version) > 0)
        out.texts.set(id, { version: record.version, text });
      if (mine && compareHlc(record.version, mine.version) === 0) continue;
      if (purged.has(id) || (mine?.inArea && compareHlc(record.version, mine.inArea) < 0)) {
        out.notices.push({ kind: 'replayed', id });
        continue;
      }
      // Older than what we hold but not older than what we saw in the area: written by a
      // computer that had not seen our newer version yet. Still merged, concern by concern
      // (it may hold a newer key than our newer record); the area is rewritten below.
      const seen = newest.get(id);
      if (!seen || compareHlc(record.version, seen.version) > 0) newest.set(id, record);
    }
  }
  out.newer = [...newest.values()];
  return out;
}
