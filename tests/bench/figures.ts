/**
 * The shape of every benchmark figure, and the statistics helpers the modules share. A figure is a
 * median of repeated runs with its min and max, measured against a baseline in the same run, or an
 * honest "not available" with the reason.
 */

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Target {
  /**
   * What is compared: the figure's median, the speed-up (baseline median / figure median), or the
   * ratio (figure median / baseline median: "within 1.25× the baseline").
   */
  on: 'median' | 'speedup' | 'ratio';
  op: '<' | '<=' | '>=';
  value: number;
  /** As written in the issue, e.g. "< 150 ms (median)". */
  text: string;
  /** Which issue set it. */
  issue: number;
}

export interface Figure {
  id: string;
  group: string;
  name: string;
  unit: 'ms' | 'µs' | 'bytes' | 'MB' | 'writes';
  /** Undefined when not available. */
  stats?: Stats;
  baseline?: { name: string; stats: Stats };
  target?: Target;
  /** Undefined when there is no target or no figure. */
  met?: boolean;
  /** Set when the figure could not be measured: why, in one sentence. */
  unavailable?: string;
  notes?: string;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { median: round(median), min: round(s[0]!), max: round(s[s.length - 1]!), runs: s.length };
}

/** One value measured once (a file size): median = min = max. */
export function single(value: number): Stats {
  return { median: value, min: value, max: value, runs: 1 };
}

/** Baseline median / figure median: how many times faster (or smaller) than the baseline. */
export function speedup(figure: Figure): number | undefined {
  if (!figure.stats || !figure.baseline || figure.stats.median <= 0) return undefined;
  return figure.baseline.stats.median / figure.stats.median;
}

/** Figure median / baseline median: how many times the baseline it takes. */
export function ratioOf(figure: Figure): number | undefined {
  if (!figure.stats || !figure.baseline || figure.baseline.stats.median <= 0) return undefined;
  return figure.stats.median / figure.baseline.stats.median;
}

/** Fills `met` from the target. */
export function judge(figure: Figure): Figure {
  const { target, stats: s } = figure;
  if (!target || !s) return figure;
  const value = target.on === 'median' ? s.median : target.on === 'ratio' ? ratioOf(figure) : speedup(figure);
  if (value === undefined) return figure;
  const met =
    target.op === '<'
      ? value < target.value
      : target.op === '<='
        ? value <= target.value
        : value >= target.value;
  return { ...figure, met };
}

export function unavailable(base: Omit<Figure, 'stats' | 'baseline' | 'met'>, reason: string): Figure {
  return { ...base, unavailable: reason };
}

export type Progress = (message: string) => void;

export async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects after `ms` with a message naming what took too long. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}
