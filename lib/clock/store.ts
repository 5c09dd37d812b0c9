/**
 * Measured and manual clock offsets, per origin, in storage.local. Nothing secret: an origin,
 * a number of milliseconds and when it was measured.
 */
import { MAX_OFFSET_MS } from './offset';
import { decideSiteClock, decidedCorrection } from './trust';

export interface ClockEntry {
  /** server minus local, ms, as last measured. */
  offsetMs?: number;
  measuredAt?: number;
  /** Set by the user for a site Twofold cannot reach; wins over a measure. */
  manualMs?: number;
  /** The popup already said codes for this origin are adjusted (for this offset). */
  noticeShownFor?: number;
  /** The user said "Use its time" in the popup for this offset (server minus local, ms). */
  consentMs?: number;
  /** The user said "Keep this computer's time" for this offset. */
  declinedMs?: number;
}

export interface ClockState {
  /** The user turned the check off: no request is ever made. */
  checkEnabled: boolean;
  origins: Record<string, ClockEntry>;
}

export interface ClockArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'clock';

export const EMPTY_CLOCK: ClockState = { checkEnabled: true, origins: {} };

export async function loadClock(area: ClockArea): Promise<ClockState> {
  const stored = (await area.get([KEY]))[KEY];
  if (typeof stored !== 'object' || stored === null) return { ...EMPTY_CLOCK, origins: {} };
  const raw = stored as Partial<ClockState>;
  const origins: Record<string, ClockEntry> = {};
  for (const [origin, entry] of Object.entries(raw.origins ?? {})) {
    if (typeof entry === 'object' && entry !== null) origins[origin] = cleanEntry(entry);
  }
  return { checkEnabled: raw.checkEnabled !== false, origins };
}

const ENTRY_KEYS = [
  'offsetMs',
  'measuredAt',
  'manualMs',
  'noticeShownFor',
  'consentMs',
  'declinedMs',
] as const;

function cleanEntry(entry: ClockEntry): ClockEntry {
  const out: ClockEntry = {};
  for (const key of ENTRY_KEYS) {
    const value = entry[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export async function updateClock(
  area: ClockArea,
  change: (state: ClockState) => ClockState,
): Promise<ClockState> {
  const next = change(await loadClock(area));
  await area.set({ [KEY]: next });
  return next;
}

export function setEntry(state: ClockState, origin: string, patch: Partial<ClockEntry>): ClockState {
  const merged: ClockEntry = { ...state.origins[origin], ...patch };
  for (const key of Object.keys(merged) as (keyof ClockEntry)[])
    if (merged[key] === undefined) delete merged[key];
  return { ...state, origins: { ...state.origins, [origin]: merged } };
}

/**
 * The ms to add to the local clock for codes of `origin`: a manual offset, else what
 * `decideSiteClock` allows of the measure (`trusted`: the origin's clock may be used at all).
 */
export function correctionForOrigin(
  state: ClockState,
  origin: string | undefined,
  now: number,
  trusted: boolean,
): number {
  if (!origin) return 0;
  const entry = state.origins[origin];
  if (!entry) return 0;
  // The user set it in Settings: no threshold, no question, only the bounds.
  if (entry.manualMs !== undefined) return Math.abs(entry.manualMs) <= MAX_OFFSET_MS ? entry.manualMs : 0;
  return decidedCorrection(decideSiteClock(entry, trusted, now));
}
