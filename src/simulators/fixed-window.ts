/**
 * A fixed-window request budget, the shape every provider publishes its rate limits in: the first
 * request opens a window of `windowMs` in which `limit` requests fit. The clock is injectable so
 * tests move time instead of waiting.
 */
export class FixedWindow {
  private start = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether one more request fits now (a window that has ended no longer counts). */
  hasRoom(): boolean {
    return this.remaining() > 0;
  }

  /** Count one request, opening a window when none is open. */
  count(): void {
    if (!this.isOpen()) {
      this.start = this.now();
      this.used = 0;
    }
    this.used += 1;
  }

  /** Count one request if it fits; false (and nothing counted) when the budget is spent. */
  tryCount(): boolean {
    if (!this.hasRoom()) return false;
    this.count();
    return true;
  }

  /** Requests left in the open window; the whole limit when none is open. */
  remaining(): number {
    return this.isOpen() ? this.limit - this.used : this.limit;
  }

  /** Milliseconds until the open window ends; 0 when none is open. */
  msLeft(): number {
    return this.isOpen() ? this.start + this.windowMs - this.now() : 0;
  }

  private isOpen(): boolean {
    return this.now() - this.start < this.windowMs;
  }
}
