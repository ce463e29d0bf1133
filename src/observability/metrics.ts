import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AccountStatus } from "../snapshots/snapshot-service.js";
import { observeUpstreamCalls } from "../providers/shared/upstream-calls.js";
import type { GraphQLOutcome } from "./request-scope.js";

/**
 * The gateway's Prometheus series (SPEC §8), in a registry of its own so two gateways in one process
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
  private readonly stopObserving: () => void;

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
    this.stopObserving = observeUpstreamCalls({
      attempt: (call, attempt) => {
        this.upstreamRequests.inc({ provider: call.provider, status: attempt.status });
        this.upstreamDuration.observe({ provider: call.provider, endpoint: `${call.method} ${call.endpoint}` }, attempt.durationMs / 1000);
      },
    });
  }

  requestAnswered(outcome: GraphQLOutcome, seconds: number): void {
    this.graphqlRequests.inc({ outcome });
    this.graphqlDuration.observe({ outcome }, seconds);
  }

  stop(): void {
    this.stopObserving();
  }
}
