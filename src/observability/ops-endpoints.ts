import express, { type Router } from "express";
import type { ProviderAccount, UpstreamCode } from "../model/index.js";
import { accountKey } from "../model/index.js";
import type { RedisStatus } from "../redis/redis-connection.js";
import type { AccountStatus } from "../snapshots/snapshot-service.js";
import type { GatewayMetrics } from "./metrics.js";

export interface OpsEndpointsOptions {
  accounts: readonly ProviderAccount[];
  /** Each account's snapshot state (the snapshot service's). */
  status: () => AccountStatus[];
  metrics: GatewayMetrics;
  /** False once shutdown has begun: /readyz turns 503 at once, so load balancers stop sending. */
  accepting: () => boolean;
  /** With REDIS_URL: its connection's state. Redis down does not make the instance unready (it is a help, not a dependency). */
  redis?: () => RedisStatus;
}

/** Failures that another try may cure: until one does, an account without a snapshot keeps the instance out of rotation. */
const TRANSIENT: readonly string[] = ["UPSTREAM_UNAVAILABLE", "UPSTREAM_TIMEOUT", "UPSTREAM_RATE_LIMITED"] satisfies UpstreamCode[];

/** What a provider account may add to /readyz (e.g. Zoom's `numbersApi`, the endpoint in use); never a credential. */
type OperatorInfo = { operatorInfo?: () => Record<string, string | number | boolean | null> };

/**
 * Ready (docs/operations.md) when every account has a usable snapshot, or has settled with an error another
 * try will not cure (refused credentials, a broken response: an operator must act, and no other
 * instance would do better). Not ready while an account is first listed, while one has no snapshot
 * after a transient failure, or once shutdown has begun.
 */
export function readiness(statuses: readonly AccountStatus[], accepting: boolean): "ready" | "not_ready" | "stopping" {
  if (!accepting) return "stopping";
  const waiting = statuses.some((s) => s.state === "loading" || (s.state === "failed" && (!s.lastError || TRANSIENT.includes(s.lastError.code))));
  return waiting ? "not_ready" : "ready";
}

/** `/readyz` and `/metrics` (docs/operations.md): on the main port, or on NUMBERGRAPH_OPS_PORT so account ids stay inside the cluster. */
export function opsEndpoints({ accounts, status, metrics, accepting, redis }: OpsEndpointsOptions): Router {
  const byKey = new Map(accounts.map((a) => [accountKey(a.provider, a.accountId), a as ProviderAccount & OperatorInfo]));
  const router = express.Router();
  router.get("/readyz", (_req, res) => {
    const statuses = status();
    const verdict = readiness(statuses, accepting());
    res.status(verdict === "ready" ? 200 : 503).json({
      status: verdict,
      accounts: statuses.map((s) => ({
        provider: s.provider,
        accountId: s.accountId,
        state: s.state,
        ageSeconds: s.ageSeconds,
        breaker: s.breaker,
        lastErrorCode: s.lastError?.code ?? null,
        ...byKey.get(accountKey(s.provider, s.accountId))?.operatorInfo?.(),
      })),
      ...(redis ? { redis: redis() } : {}),
    });
  });
  router.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}

/** `/healthz`: the process is up. On both ports, no key, no upstream call. */
export function healthEndpoint(): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  return router;
}
