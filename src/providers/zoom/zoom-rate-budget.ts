import type { RateLimitConfig, RateLimitSetting } from "../shared/rate-budget.js";

export const ZOOM_PLANS = ["pro", "business"] as const;
/** The account's plan, as Zoom's rate-limit tables name them: Pro, or Business+ (Business, Education, Enterprise, Partner). */
export type ZoomPlan = (typeof ZOOM_PLANS)[number];

/** The classes the two list endpoints are in: `/phone/numbers` MEDIUM, `/number_management/numbers` LIGHT. */
export type ZoomRateClass = "light" | "medium";

/**
 * Zoom Phone API's per-second limits by plan and class (Zoom's rate-limits page). Which table the
 * Number Management API draws from is not published; the Phone table's figures are the lower ones.
 */
export const ZOOM_PHONE_QPS: Record<ZoomPlan, Record<ZoomRateClass, number>> = {
  pro: { light: 20, medium: 10 },
  business: { light: 40, medium: 20 },
};

/** Zoom counts per account, for every app installed on it: by default the gateway takes half. */
export const ZOOM_DEFAULT_RATE_SHARE = 0.5;

export interface ZoomRateSetting extends RateLimitSetting {
  /** The account's plan (default `pro`). */
  plan?: ZoomPlan;
  /** The share of the plan's per-second limit this gateway may spend, 0..1 (default 0.5). */
  rateShare?: number;
}

/**
 * The per-second budget of one class for an account: its configured `rateLimit` as given, else its
 * plan's figure times its share (at least one call a second); undefined with `rateLimit: false`.
 */
export function zoomRateLimit(setting: ZoomRateSetting, rateClass: ZoomRateClass): RateLimitConfig | undefined {
  if (setting.rateLimit === false) return undefined;
  if (setting.rateLimit) return setting.rateLimit;
  const qps = ZOOM_PHONE_QPS[setting.plan ?? "pro"][rateClass];
  return {
    requests: Math.max(1, Math.floor(qps * (setting.rateShare ?? ZOOM_DEFAULT_RATE_SHARE))),
    perSeconds: 1,
  };
}

/** The class of a path the client calls. */
export function zoomRateClassOf(path: string): ZoomRateClass | undefined {
  if (path.startsWith("number_management/")) return "light";
  if (path.startsWith("phone/numbers")) return "medium";
  return undefined;
}
