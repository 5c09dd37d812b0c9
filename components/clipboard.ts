/**
 * Clearing a copied code from the clipboard after a delay, only when the clipboard still
 * holds it. Runs in the popup while it is open (see docs: closing the popup cancels the clear,
 * because MV3 service workers have no clipboard and Twofold has no offscreen document).
 */

export interface ClearFacts {
  /** The code we copied. */
  copied: string;
  /** What the clipboard holds now, or undefined when the page may not read it. */
  current: string | undefined;
  /** The page lost focus since the copy (the user may have copied something elsewhere). */
  lostFocus: boolean;
  /** This page copied something else since (a newer code): that copy has its own timer. */
  superseded: boolean;
}

/**
 * Clear only what is certainly ours. When the clipboard is readable, it must still hold the
 * code. When it is not, the code is assumed to be there only if the page kept focus: a popup
 * closes when it loses focus, so while it is open nothing else can have been copied.
 */
export function shouldClearClipboard(facts: ClearFacts): boolean {
  if (facts.superseded) return false;
  if (facts.current !== undefined) return facts.current === facts.copied;
  return !facts.lostFocus;
}

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface ClearerEnv {
  clipboard: ClipboardPort;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Subscribe to the page losing focus; returns an unsubscribe. */
  onBlur: (fn: () => void) => () => void;
}

/** Copies codes and clears them later; one pending clear at a time (the latest copy). */
export class ClipboardClearer {
  private pending: { code: string; timer: unknown; lostFocus: boolean } | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly env: ClearerEnv) {
    this.unsubscribe = env.onBlur(() => {
      if (this.pending) this.pending.lostFocus = true;
    });
  }

  /** Copies `code`; clears it after `seconds` (0: never). Resolves once written. */
  async copy(code: string, seconds: number): Promise<void> {
    await this.env.clipboard.writeText(code);
    if (this.pending) this.env.clearTimeout(this.pending.timer);
    this.pending = undefined;
    if (seconds <= 0) return;
    const entry = { code, lostFocus: false, timer: undefined as unknown };
    entry.timer = this.env.setTimeout(() => void this.clearIfOurs(entry), seconds * 1000);
    this.pending = entry;
  }

  private async clearIfOurs(entry: { code: string; lostFocus: boolean }): Promise<void> {
    const superseded = this.pending !== entry;
    if (!superseded) this.pending = undefined;
    const current = await this.env.clipboard.readText().then(
      (text) => text,
      () => undefined,
    );
    if (shouldClearClipboard({ copied: entry.code, current, lostFocus: entry.lostFocus, superseded })) {
      await this.env.clipboard.writeText('').catch(() => undefined);
    }
  }

  dispose(): void {
    if (this.pending) this.env.clearTimeout(this.pending.timer);
    this.pending = undefined;
    this.unsubscribe();
  }
}
