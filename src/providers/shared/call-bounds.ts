import type { ListingBounds } from "../../model/index.js";

/** What one upstream call runs within: its listing's signal, and when the listing's time budget is spent. */
export type CallBounds = Pick<ListingBounds, "signal" | "deadlineAt">;

/**
 * The one rule every rate-limit wait follows (the header pacer, the call budgets, a 429's
 * Retry-After): wait only when the wait ends before the listing's time budget is spent. A longer
 * one could only end in the budget's abort, so the call is refused at once instead, saying when to
 * retry. A call made outside a listing (no bounds) has no time to wait.
 */
export function waitEndsInTime(bounds: CallBounds | undefined, waitMs: number, now = Date.now()): boolean {
  return bounds !== undefined && now + waitMs < bounds.deadlineAt;
}

/** Milliseconds left of the listing's time budget (0 when spent, or outside a listing). */
export function budgetLeftMs(bounds: CallBounds | undefined, now = Date.now()): number {
  return bounds === undefined ? 0 : Math.max(0, bounds.deadlineAt - now);
}

/**
 * Why a wait of `waitMs` was refused, and what to do, for a refusal's message: "…, after this
 * listing's time budget runs out (in 4 s). Retry in 31 s, or raise NUMBERGRAPH_LISTING_BUDGET_SECONDS …".
 */
export function pastTheBudget(bounds: CallBounds | undefined, waitMs: number, now = Date.now()): string {
  const retry = `Retry in ${Math.ceil(waitMs / 1000)} s`;
  if (bounds === undefined) return `, and this call was made outside a listing, which has no time to wait. ${retry}`;
  return `, after this listing's time budget runs out (in ${Math.floor(budgetLeftMs(bounds, now) / 1000)} s). ${retry}, or raise NUMBERGRAPH_LISTING_BUDGET_SECONDS so a listing can wait for it`;
}

/** Why a rate-limit wait ended early, for a refusal's message: its listing's signal aborted before `what` ("it had room"). */
export function stoppedBefore(what: string): string {
  return `the listing was stopped (its time budget spent, or the gateway stopping) before ${what}. Retry later`;
}
