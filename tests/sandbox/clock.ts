/**
 * The server's clock. Real time by default; tests freeze it or shift it so that the 28-day
 * window, TOTP periods and the 30-day remembered device can be reached without waiting.
 */
export class Clock {
  private fixed: number | null = null;
  private offset = 0;
  /**
   * Added to the `Date` header only: a site that says its clock is ahead while it checks codes
   * on the real time (one that would collect future codes).
   */
  dateSkewMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  now(): number {
    return this.fixed ?? this.base() + this.offset;
  }

  /** Frozen: time stands still until set or advanced again. Running: time flows from `at`. */
  set(at: number, frozen = true): void {
    if (frozen) {
      this.fixed = at;
      this.offset = 0;
    } else {
      this.fixed = null;
      this.offset = at - this.base();
    }
  }

  /** Running, `ms` ahead of real time (negative: behind): a server whose clock differs from the browser's. */
  shift(ms: number): void {
    this.fixed = null;
    this.offset = ms;
  }

  advance(ms: number): void {
    if (this.fixed !== null) this.fixed += ms;
    else this.offset += ms;
  }

  real(): void {
    this.fixed = null;
    this.offset = 0;
    this.dateSkewMs = 0;
  }

  /** What the `Date` header says. */
  dateHeader(): string {
    return new Date(this.now() + this.dateSkewMs).toUTCString();
  }

  get frozen(): boolean {
    return this.fixed !== null;
  }
}
