/**
 * Reads the record items of the sync area against what this computer already knows, and
 * decides for each record: already known (its sealed text is reused as is), newer (applied),
 * or refused with a notice. A record that does not authenticate (changed bytes, or a genuine
 * record swapped to another id, version or kind) is never applied; neither is an authentic
 * record older than one this computer already saw in the area (a replay), nor one whose
 * tombstone was purged.
 */
import { decodeHlc, compareHlc, type Hlc } from './hlc';
import { layoutOf } from './pack';
import { decodeId, openRecord, type RecordContext, type SyncRecord } from './record';

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
  /** Authentic records newer than what is known. */
  newer: SyncRecord[];
  /** Sealed texts of records the area holds at exactly the known version, by id. */
  current: Map<string, string>;
  /** Authentic records the area holds at an older version than known (not yet rewritten). */
  behind: string[];
  notices: SyncNotice[];
}

export async function ingest(
  area: Record<string, unknown>,
  key: CryptoKey,
  context: RecordContext,
  known: ReadonlyMap<string, KnownVersion>,
  purged: ReadonlySet<string>,
): Promise<Ingested> {
  const out: Ingested = { newer: [], current: new Map(), behind: [], notices: [] };
  const newest = new Map<string, SyncRecord>();
  for (const texts of layoutOf(area).values()) {
    for (const text of texts) {
      const [idText = '', versionText = ''] = text.split('.');
      let id: string | undefined;
      let version: Hlc | undefined;
      try {
        id = decodeId(idText);
        version = decodeHlc(versionText);
      } catch {
        out.notices.push({ kind: 'unauthentic' });
        continue;
      }
      const mine = known.get(id);
      if (mine && compareHlc(version, mine.version) === 0 && !out.current.has(id)) {
        // Same id and version as what we hold: the text is only trusted to be reused as-is,
        // and it is checked before it is reused (a forged text at a known version is refused).
        const opened = await openRecord(key, context, text);
        if (opened.ok && opened.record.id === id) out.current.set(id, text);
        else out.notices.push({ kind: 'unauthentic', id });
        continue;
      }
      const opened = await openRecord(key, context, text);
      if (!opened.ok || opened.record.id !== id) {
        out.notices.push({ kind: 'unauthentic', id });
        continue;
      }
      const record = opened.record;
      if (purged.has(id) || (mine?.inArea && compareHlc(record.version, mine.inArea) < 0)) {
        out.notices.push({ kind: 'replayed', id });
        continue;
      }
      if (mine && compareHlc(record.version, mine.version) < 0) {
        out.behind.push(id);
        continue;
      }
      const seen = newest.get(id);
      if (!seen || compareHlc(record.version, seen.version) > 0) newest.set(id, record);
    }
  }
  out.newer = [...newest.values()];
  return out;
}
