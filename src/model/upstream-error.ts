import type { Provider } from "./provider.js";

/** The codes for a failed provider (docs/errors.md); they become `extensions.code` in the graph. */
export const UPSTREAM_CODES = ["UPSTREAM_UNAVAILABLE", "UPSTREAM_TIMEOUT", "UPSTREAM_RATE_LIMITED", "UPSTREAM_AUTH_FAILED", "UPSTREAM_BAD_RESPONSE"] as const;
export type UpstreamCode = (typeof UPSTREAM_CODES)[number];

/**
 * The one error type every provider client throws. Its message is safe to show a client: it says
 * what happened and what to do, and never carries a credential (clients build it from the
 * provider's error body, not from the request).
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly provider: Provider,
    readonly code: UpstreamCode,
    message: string,
    readonly details: {
      accountId?: string;
      /** HTTP status the upstream answered, when it answered. */
      status?: number;
      /** How long the upstream asked us to wait, when it said (429 Retry-After, a rate-limit reset). */
      retryAfterMs?: number;
      /** The provider's own error code from its error body, when it sent one (Zoom 4711, Telnyx "10011"). */
      providerCode?: string | number;
      /** The provider's own error message, for callers that must tell refusals apart (Zoom's missing scope). */
      providerMessage?: string;
    } = {},
  ) {
    super(message);
  }
}
