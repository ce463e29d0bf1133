import express, { type Router } from "express";
import type { ProviderAccount } from "../model/index.js";
import type { GatewayMetrics } from "./metrics.js";

export interface OpsEndpointsOptions {
  accounts: readonly ProviderAccount[];
  metrics: GatewayMetrics;
  /** False once shutdown has begun: /readyz turns 503 at once, so load balancers stop sending. */
  ready: () => boolean;
}

/** `/readyz` and `/metrics` (SPEC §8): on the main port, or on NUMBERGRAPH_OPS_PORT so account ids stay inside the cluster. */
export function opsEndpoints({ accounts, metrics, ready }: OpsEndpointsOptions): Router {
  const router = express.Router();
  router.get("/readyz", (_req, res) => {
    const stopping = !ready();
    res.status(stopping ? 503 : 200).json({
      status: stopping ? "stopping" : "ready",
      // operatorInfo: how each account is reached, e.g. Zoom's numbersApi in force (never a secret).
      accounts: accounts.map((a) => ({ provider: a.provider, accountId: a.accountId, ...a.operatorInfo?.() })),
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
