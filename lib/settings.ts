/** User settings: not secret, kept in storage.local in clear. */
export interface Settings {
  /** Lock after this many idle minutes (0 = only on manual lock, OS lock and restart). */
  autoLockMinutes: number;
  /** Clear the clipboard this many seconds after a copy, if it still holds the code. */
  clipboardClearSeconds: number;
  /** Tick "Remember this device for 30 days" when filling on M2Mmanager. */
  rememberDevice: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  rememberDevice: false,
};

const KEY = 'settings';

interface Area {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: Area): Promise<Settings> {
  const stored = (await area.get([KEY]))[KEY];
  return { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
}

export async function saveSettings(area: Area, patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(area)), ...patch };
  await area.set({ [KEY]: next });
  return next;
}
