/** A call's place in a budget's window: give its end (answered, failed) once it has one. */
export interface BudgetPlace {
  settle(): void;
}

/** `tryTake`'s answer when every place is held by a call still in flight: ask again shortly. */
export const ALL_IN_FLIGHT = -1;

/**
 * How long a call in flight holds its place at most before it counts as ended: a call that never
 * reports its end (a crashed instance) frees its place after this and the window.
 */
export const IN_FLIGHT_LEASE_MS = 30_000;

/**
 * A sliding-window log in this process: a call holds a place from the moment it is let through until
 * `windowMs` after it ended. The provider counted the call somewhere between those two moments, so
 * however late a call reaches the provider (a busy event loop, a slow network) no window of the
 * provider's, wherever it starts, sees more than `limit` of them. A fixed window of our own would let
 * up to twice the limit through around its edge.
 */
export class SlidingWindowLog {
  /** Each held place and when it frees: its call's end plus the window, or its lease while in flight. */
  private readonly places = new Set<{ freesAt: number; inFlight: boolean }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A place if one is free; otherwise the ms until one frees, or ALL_IN_FLIGHT. */
  tryTake(): BudgetPlace | number {
    const now = this.now();
    for (const place of this.places) if (place.freesAt <= now) this.places.delete(place);
    if (this.places.size < this.limit) return this.hold();
    let soonest = Infinity;
    for (const place of this.places) if (!place.inFlight) soonest = Math.min(soonest, place.freesAt);
    return Number.isFinite(soonest) ? Math.max(1, soonest - now) : ALL_IN_FLIGHT;
  }

  /** Take a place whatever the count: for a call the fleet's log let through, so an outage of that log starts from what this instance sent. */
  hold(): BudgetPlace {
    const place = {
      freesAt: this.now() + IN_FLIGHT_LEASE_MS + this.windowMs,
      inFlight: true,
    };
    this.places.add(place);
    return {
      settle: () => {
        if (!place.inFlight) return;
        place.inFlight = false;
        place.freesAt = this.now() + this.windowMs;
      },
    };
  }
}
