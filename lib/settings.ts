import { webLock, type WithLock } from './vault/locks';

/** User settings: not secret, kept in storage.local in clear. */
export interface Settings {
  /** Lock after this many idle minutes (0 = only on manual lock, OS lock and restart). */
  autoLockMinutes: number;
  /** Clear the clipboard this many seconds after a copy, if it still holds the code. */
  clipboardClearSeconds: number;
  /** Tick "Remember this device for 30 days" when filling on M2Mmanager. */
  rememberDevice: boolean;
  /** The one-time "export a backup" nudge was dismissed (or a backup was exported). */
  backupNudgeDismissed: boolean;
  /** When it was last dismissed or a backup exported (ms): an organisation may bring it back. */
  backupNudgeDismissedAt?: number;
  /** How the popup orders accounts inside each group (this site, pinned, the rest). */
  accountSort: AccountSort;
}

/** The user's own order, by name, or most recently copied or filled first. */
export type AccountSort = 'manual' | 'name' | 'recent';
export const ACCOUNT_SORTS: readonly AccountSort[] = ['manual', 'name', 'recent'];

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  rememberDevice: false,
  backupNudgeDismissed: false,
  accountSort: 'manual',
};

/** Bounds of the numeric settings, shared by the options page and its tests. */
export const LIMITS = {
  autoLockMinutes: { min: 0, max: 1440 },
  clipboardClearSeconds: { min: 0, max: 600 },
} as const;

/** A number typed in a settings field, made whole and kept within its bounds. */
export function clampSetting(key: keyof typeof LIMITS, value: unknown): number {
  const { min, max } = LIMITS[key];
  const number = Math.round(Number(value));
  if (!Number.isFinite(number)) return DEFAULT_SETTINGS[key];
  return Math.max(min, Math.min(max, number));
}

/**
 * A number typed in a settings field, checked rather than corrected: a whole number within
 * the field's bounds, or undefined (the page says so and saves nothing). Clamping would
 * turn -3 into "never lock" without the person noticing.
 */
export function parseSetting(key: keyof typeof LIMITS, value: string): number | undefined {
  const { min, max } = LIMITS[key];
  const text = value.trim();
  if (!/^[-+]?\d+$/.test(text)) return undefined;
  const number = Number(text);
  return number >= min && number <= max ? number : undefined;
}

const KEY = 'settings';

interface Area {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: Area): Promise<Settings> {
  const stored = (await area.get([KEY]))[KEY];
  return { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
}

let ownLock: WithLock | undefined;

/**
 * Reads, merges and writes under a lock every context shares: two saves in flight (a field's
 * blur and a checkbox) would otherwise both read the old settings, and the second undo the first.
 */
export function saveSettings(
  area: Area,
  patch: Partial<Settings>,
  withLock: WithLock = (ownLock ??= webLock()),
): Promise<Settings> {
  return withLock('twofold-settings-write', async () => {
    const next = { ...(await loadSettings(area)), ...patch };
    await area.set({ [KEY]: next });
    return next;
  });
}
