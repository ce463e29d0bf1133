import type { Provider, UpstreamCode } from "../../model/index.js";

/** One logical call of a provider client (a page, a token grant), with every HTTP attempt it took. */
export interface UpstreamCall {
  provider: Provider;
  accountId: string;
  method: string;
  /** The path with the account id replaced by `:account`, e.g. `/v2/phone_numbers`, `/phone-system/numbers/location/:account`. */
  endpoint: string;
  /** The page number asked for, for APIs that page by number. */
  page?: number;
  /** Epoch milliseconds when the call began. */
  startedAt: number;
  /** Every HTTP attempt: the status it got (`"200"`, `"429"`) or the transport failure (`"ETIMEDOUT"`). */
  attempts: { status: string; durationMs: number }[];
}

export interface UpstreamCallOutcome {
  /** The last attempt's status, or the failure's. */
  status: string;
  /** The `UPSTREAM_*` code it failed with (docs/errors.md), when it failed. */
  error?: UpstreamCode;
}

/** Something that wants to know about upstream calls: metrics, traces, the request's own tally. */
export interface UpstreamCallObserver {
  attempt?(call: UpstreamCall, attempt: { status: string; durationMs: number }): void;
  end?(call: UpstreamCall, outcome: UpstreamCallOutcome): void;
}

const observers = new Set<UpstreamCallObserver>();

/** Watch every upstream call this process makes; returns the function that stops watching. */
export function observeUpstreamCalls(observer: UpstreamCallObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** Called by `upstream-http.ts` only: a call begins; the returned handle records attempts and the end. */
export function beginUpstreamCall(info: { provider: Provider; accountId: string; method: string; baseUrl: string; path: string; searchParams: URLSearchParams }) {
  const basePath = new URL(info.baseUrl).pathname.replace(/\/+$/, "");
  const endpoint =
    `${basePath}/${info.path.replace(/^\//, "")}`
      .split("/")
      .map((segment) => (segment === info.accountId ? ":account" : segment))
      .join("/") || "/";
  const pageText = info.searchParams.get("page") ?? info.searchParams.get("page[number]");
  const call: UpstreamCall = {
    provider: info.provider,
    accountId: info.accountId,
    method: info.method,
    endpoint,
    ...(pageText !== null && /^\d+$/.test(pageText) ? { page: Number(pageText) } : {}),
    startedAt: Date.now(),
    attempts: [],
  };
  let attemptStartedAt = performance.now();
  return {
    call,
    /** got's beforeRequest: one more attempt starts. */
    attemptStarts(): void {
      attemptStartedAt = performance.now();
    },
    attemptEnded(status: string): void {
      const attempt = { status, durationMs: performance.now() - attemptStartedAt };
      call.attempts.push(attempt);
      for (const observer of observers) observer.attempt?.(call, attempt);
    },
    end(outcome: UpstreamCallOutcome): void {
      for (const observer of observers) observer.end?.(call, outcome);
    },
  };
}

export type UpstreamCallHandle = ReturnType<typeof beginUpstreamCall>;
