import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { print } from "graphql";
import type { ProviderAccountsConfig } from "../../src/config/config.js";
import { createProviderAccounts } from "../../src/providers/create-accounts.js";
import { createRateBudgets, type RateBudgetWait } from "../../src/providers/shared/rate-budget.js";
import { connectRedis, type RedisConnection } from "../../src/redis/redis-connection.js";
import { type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { DashboardDocument, type DashboardQuery } from "../generated/operations.js";
import { startRedisInstance } from "../support/redis-instance.js";
import { memoryLogger } from "../support/memory-logger.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { simAccounts, TEST_TUNING, testBounds, type GraphQLResponse } from "../support/stack.js";

/**
 * Lowered for test speed, the same in the simulators and the accounts' config: HighLevel per location
 * (a listing is two calls, so the next listing within the window must wait), Zoom per class (a
 * listing is three pages, so every listing waits).
 */
const HIGHLEVEL_LIMIT = { requests: 2, perSeconds: 3 };
const ZOOM_QPS = 2;
/** How long the load runs (what it asserts is counted, never timed). */
const LOAD_MS = 6_000;
const CLIENTS_PER_INSTANCE = 3;

describe("three gateway instances over one Redis keep the fleet inside the providers' limits", () => {
  let redisServer: RedisServer;
  let sims: RunningSimulators;
  let accounts: ProviderAccountsConfig;
  const waits: RateBudgetWait[] = [];
  const instances: { gateway: RunningGateway; redis: RedisConnection }[] = [];
  let totalNumbers = 0;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    sims = await startSimulators({
      highlevel: {
        enforceRateLimit: true,
        burstLimit: {
          burstMax: HIGHLEVEL_LIMIT.requests,
          burstIntervalMs: HIGHLEVEL_LIMIT.perSeconds * 1000,
        },
      },
      zoom: { qpsLimit: { light: ZOOM_QPS, medium: ZOOM_QPS } },
      // Telnyx paces by its headers (no budget): a window the load does not spend.
      telnyxRateLimit: { limit: 100_000, windowMs: 60_000 },
    });
    const tuned = simAccounts(sims, {
      ...TEST_TUNING,
    });
    accounts = {
      ...tuned,
      highlevel: tuned.highlevel.map((a) => ({
        ...a,
        rateLimit: HIGHLEVEL_LIMIT,
      })),
      zoom: tuned.zoom.map((a) => ({
        ...a,
        rateLimit: { requests: ZOOM_QPS, perSeconds: 1 },
      })),
    };
    // What a complete answer holds, listed through the fleet's budgets so the load starts from their count.
    const probe = connectRedis(redisServer.url, memoryLogger().logger);
    await probe.firstConnect;
    for (const account of createProviderAccounts(accounts, {
      log: memoryLogger().logger,
      budgets: createRateBudgets({ redis: probe }),
    })) {
      totalNumbers += (await account.listInventory(testBounds({ budgetMs: 300_000 }))).numbers.length;
    }
    await probe.close();

    for (let i = 0; i < 3; i++) {
      const instance = await startRedisInstance(redisServer.url, {
        accounts: (redis, log) => createProviderAccounts(accounts, { log, budgets: createRateBudgets({ redis, onWait: (w) => waits.push(w) }) }),
        snapshotPolicy: { ttlMs: 0, minRefreshMs: 0 },
      });
      instances.push(instance);
    }
    await Promise.all(instances.map((i) => i.gateway.snapshots.warmAll()));
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.gateway.stop()));
    await sims?.stop();
    await redisServer?.stop();
  });

  it("refreshes under concurrent load with TTL 0 and no refresh floor: every answer complete, no 429 from HighLevel or Zoom", async () => {
    sims.resetCounts();
    const answers: GraphQLResponse<DashboardQuery>[] = [];
    const end = Date.now() + LOAD_MS;
    // Load for LOAD_MS, and at least two requests per client however long the budgets hold them (TTL 0: each one
    // revalidates): how many answers fit in the time depends on the machine, so only the providers' counts are asserted.
    const client = async (gateway: RunningGateway) => {
      for (let made = 0; made < 2 || Date.now() < end; made++) {
        const response = await fetch(gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: print(DashboardDocument),
            variables: { first: 50 },
          }),
        });
        answers.push({
          status: response.status,
          ...((await response.json()) as object),
        });
      }
    };
    await Promise.all(instances.flatMap(({ gateway }) => Array.from({ length: CLIENTS_PER_INSTANCE }, () => client(gateway))));

    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.phoneNumbers.totalCount).toBe(totalNumbers);
      // No refresh failed for want of budget: each waited for room instead.
      expect((answer.extensions?.freshness ?? []).filter((f) => f.error)).toEqual([]);
    }

    // The providers' own counts: not one call refused.
    expect(sims.highlevel.answered(429)).toBe(0);
    expect(sims.zoom.answered(429)).toBe(0);
    // And the load was one the budgets had to hold back: more calls than one window allows, and waits for room.
    // (A location's listing is one page of numbers and its pools.)
    const perLocation = sims.highlevel.locations.map((l) => 2 * sims.highlevel.total(`GET /phone-system/numbers/location/${l.locationId}`));
    expect(Math.min(...perLocation)).toBeGreaterThan(HIGHLEVEL_LIMIT.requests);
    expect(sims.zoom.total("GET /v2/number_management/numbers")).toBeGreaterThan(ZOOM_QPS);
    expect(waits.some((w) => w.provider === "HIGHLEVEL")).toBe(true);
    expect(waits.some((w) => w.provider === "ZOOM" && w.budget === "light")).toBe(true);
  });
});
