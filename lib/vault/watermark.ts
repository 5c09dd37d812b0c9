import type { KeyValueArea } from './store';

/** Storage key of the watermark, the same in every area it is kept in. */
export const WATERMARK_KEY = 'twofold.maxRevision';

/** Highest revision seen, per vault id (a new vault starts again at 1 without a warning). */
type Marks = Record<string, number>;

/**
 * The highest vault revision ever seen, kept outside the vault copies in several
 * storage areas (session, local, and the browser's sync space while sync is on).
 * Restoring older copies of the vault does not restore every area, so an unlock can
 * tell the vault went back in time. Areas that fail (sync quota, no sync) are
 * skipped, never fatal.
 */
export class RevisionWatermark {
  constructor(private readonly areas: readonly KeyValueArea[]) {}

  /** The highest revision any area has seen for this vault (0 when none). */
  async highest(vaultId: string): Promise<number> {
    const marks = await Promise.all(this.areas.map((area) => readMarks(area)));
    return Math.max(0, ...marks.map((m) => m[vaultId] ?? 0));
  }

  /** Raise the watermark to `revision` in every area (never lowers it). Resolves with the writes made. */
  async record(vaultId: string, revision: number): Promise<number> {
    const written = await Promise.all(
      this.areas.map(async (area) => {
        const marks = await readMarks(area);
        if ((marks[vaultId] ?? 0) >= revision) return 0;
        return area.set({ [WATERMARK_KEY]: { ...marks, [vaultId]: revision } }).then(
          () => 1,
          () => 0,
        );
      }),
    );
    return written.reduce((a, b) => a + b, 0);
  }

  /** This vault's mark leaves every area (sync turned off: the sync space keeps nothing of it). */
  async forget(vaultId: string): Promise<void> {
    await Promise.all(
      this.areas.map(async (area) => {
        const marks = await readMarks(area);
        if (!(vaultId in marks)) return;
        const { [vaultId]: _gone, ...rest } = marks;
        const write = Object.keys(rest).length
          ? area.set({ [WATERMARK_KEY]: rest })
          : area.remove([WATERMARK_KEY]);
        await write.catch(() => undefined);
      }),
    );
  }

  /** The user accepted the vault as it is: the watermark becomes its revision in every area. */
  async reset(vaultId: string, revision: number): Promise<void> {
    await Promise.all(
      this.areas.map(async (area) => {
        const marks = await readMarks(area);
        await area.set({ [WATERMARK_KEY]: { ...marks, [vaultId]: revision } }).catch(() => undefined);
      }),
    );
  }
}

async function readMarks(area: KeyValueArea): Promise<Marks> {
  try {
    const value = (await area.get([WATERMARK_KEY]))[WATERMARK_KEY];
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, number] => Number.isSafeInteger(entry[1]) && entry[1] > 0,
      ),
    );
  } catch {
    return {};
  }
}

/**
 * `area` while `on()` holds, and an empty area that keeps nothing otherwise: the sync space
 * takes part in the watermark only while sync is on (off, it is neither read nor written).
 */
export function whileOn(area: KeyValueArea, on: () => Promise<boolean>): KeyValueArea {
  return {
    get: async (keys) => ((await on()) ? area.get(keys) : {}),
    set: async (items) => {
      if (await on()) await area.set(items);
    },
    remove: async (keys) => {
      if (await on()) await area.remove(keys);
    },
  };
}
