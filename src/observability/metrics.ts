import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ResponseCacheCounts } from "../plugin/response-cache/index.js";
import type { AccountStatus, SnapshotRefresh } from "../snapshots/snapshot-service.js";
import { observeRateLimitWaits } from "../providers/shared/rate-limit-waits.js";
import { observeUpstreamCalls } from "../providers/shared/upstream-calls.js";
import type { GraphQLOutcome } from "./request-scope.js";

/**
 * The gateway's Prometheus series (docs/operations.md), in a registry of its own so two gateways in one process
 * (tests) never share a series. Upstream series count HTTP attempts, retries included, as the
 * providers' own rate limits and the simulators' counters do.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly upstreamRequests = new Counter({
    name: "numbergraph_upstream_requests_total",
    help: "HTTP requests sent to providers (every attempt, retries included), by provider and the status they got (or the transport failure).",
    labelNames: ["provider", "status"] as const,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: "numbergraph_upstream_request_duration_seconds",
    help: "Time each provider HTTP attempt took, by provider and endpoint.",
    labelNames: ["provider", "endpoint"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [this.registry],
  });
  readonly graphqlRequests = new Counter({
    name: "numbergraph_graphql_requests_total",
    help: "GraphQL requests answered, by outcome: ok, partial (some provider failed), bad_request, unauthenticated, error.",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: "numbergraph_graphql_request_duration_seconds",
    help: "Time to answer a GraphQL request, by outcome.",
    labelNames: ["outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [this.registry],
  });
  readonly snapshotRefreshes = new Counter({
    name: "numbergraph_snapshot_refreshes_total",
    help: "Refreshes of account snapshots, by provider and outcome: listed (from the provider), adopted (another instance's, from the store), failed, breaker_open (refused without a call).",
    labelNames: ["provider", "outcome"] as const,
    registers: [this.registry],
  });
  readonly snapshotRefreshDuration = new Histogram({
    name: "numbergraph_snapshot_refresh_duration_seconds",
    help: "Time each snapshot refresh took, every page of the listing included, by provider and outcome.",
    labelNames: ["provider", "outcome"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60, 120, 300],
    registers: [this.registry],
  });
  readonly responseCacheRequests = new Counter({
    name: "numbergraph_response_cache_requests_total",
    help: "Query operations the response cache saw, by result: hit (answered from it), miss (looked up, not there), bypass (could not use it: no-cache, max-age below a snapshot's age, an account without a servable snapshot).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly responseCacheStored = new Counter({
    name: "numbergraph_response_cache_stored_total",
    help: "Answers the response cache kept (whole, fresh answers only).",
    registers: [this.registry],
  });
  readonly rateLimitWaits = new Counter({
    name: "numbergraph_rate_limit_waits_total",
    help: "Upstream calls held back to stay inside a provider's rate limit, by provider, account and source (headers: the window the provider's own headers reported; budget: a shared budget).",
    labelNames: ["provider", "account", "source"] as const,
    registers: [this.registry],
  });
  readonly rateLimitWaitSeconds = new Counter({
    name: "numbergraph_rate_limit_wait_seconds_total",
    help: "Seconds upstream calls spent held back by rate limits, by provider, account and source.",
    labelNames: ["provider", "account", "source"] as const,
    registers: [this.registry],
  });
  private readonly stopObserving: (() => void)[];

  /** `status`: the snapshot service's per-account state, read at each scrape. */
  constructor(status: () => AccountStatus[] = () => []) {
    new Gauge({
      name: "numbergraph_snapshot_age_seconds",
      help: "Age of the snapshot each account is served from (absent while it has none).",
      labelNames: ["provider", "account"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of status()) if (s.ageSeconds !== null) this.set({ provider: s.provider, account: s.accountId }, s.ageSeconds);
      },
    });
    new Gauge({
      name: "numbergraph_snapshot_usable",
      help: "1 when the account has a snapshot to serve (fresh or stale), else 0.",
      labelNames: ["provider", "account", "state"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of status()) this.set({ provider: s.provider, account: s.accountId, state: s.state }, s.state === "fresh" || s.state === "stale" ? 1 : 0);
      },
    });
    new Gauge({
      name: "numbergraph_breaker_open",
      help: "Each account's circuit breaker: 0 closed, 0.5 half-open (one probe allowed), 1 open (the provider is left alone).",
      labelNames: ["provider", "account"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of status()) this.set({ provider: s.provider, account: s.accountId }, s.breaker === "open" ? 1 : s.breaker === "half-open" ? 0.5 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "numbergraph_" });
    this.stopObserving = [
      observeUpstreamCalls({
        attempt: (call, attempt) => {
          this.upstreamRequests.inc({ provider: call.provider, status: attempt.status });
          this.upstreamDuration.observe({ provider: call.provider, endpoint: `${call.method} ${call.endpoint}` }, attempt.durationMs / 1000);
        },
      }),
      observeRateLimitWaits((wait) => {
        const labels = { provider: wait.provider, account: wait.accountId, source: wait.source };
        this.rateLimitWaits.inc(labels);
        this.rateLimitWaitSeconds.inc(labels, wait.seconds);
      }),
    ];
  }

  /** The snapshot service's `onRefresh`. */
  snapshotRefreshed = (refresh: SnapshotRefresh): void => {
    this.snapshotRefreshes.inc({ provider: refresh.provider, outcome: refresh.outcome });
    this.snapshotRefreshDuration.observe({ provider: refresh.provider, outcome: refresh.outcome }, refresh.durationMs / 1000);
  };

  /** The response cache's `onCount`. */
  responseCacheCounted = (what: keyof ResponseCacheCounts): void => {
    if (what === "stored") this.responseCacheStored.inc();
    else this.responseCacheRequests.inc({ result: what === "hits" ? "hit" : what === "misses" ? "miss" : "bypass" });
  };

  requestAnswered(outcome: GraphQLOutcome, seconds: number): void {
    this.graphqlRequests.inc({ outcome });
    this.graphqlDuration.observe({ outcome }, seconds);
  }

  stop(): void {
    for (const stop of this.stopObserving) stop();
  }
}
