import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { UpstreamError } from "../../src/model/index.js";
import { createRateBudgets, type RateBudgetSpec, type RateBudgetWait } from "../../src/providers/shared/rate-budget.js";
import { observeRateLimitWaits, type RateLimitWait } from "../../src/providers/shared/rate-limit-waits.js";
import { zoomRateLimit } from "../../src/providers/zoom/zoom-rate-budget.js";
import { connectRedis, type RedisConnection } from "../../src/redis/redis-connection.js";
import { memoryLogger } from "../support/memory-logger.js";
import { testBounds } from "../support/stack.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";

const spec = (accountId: string, requests: number, perSeconds: number, extra: Partial<RateBudgetSpec> = {}): RateBudgetSpec => ({
  provider: "HIGHLEVEL",
  accountId,
  name: "calls",
  limit: { requests, perSeconds },
  ...extra,
});
/** A listing's bounds with `budgetMs` of its time budget left. */
const within = (budgetMs = 10_000, signal = AbortSignal.timeout(budgetMs)) => testBounds({ budgetMs, signal });

async function refusal(taking: Promise<unknown>): Promise<UpstreamError> {
  try {
    await taking;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error("expected the budget to refuse");
}

describe("rate budgets shared through a real Redis", () => {
  let server: RedisServer;
  const connections: RedisConnection[] = [];
  const connect = () => {
    const connection = connectRedis(server.url, memoryLogger().logger);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await server?.stop();
  });

  it("counts two instances' calls together: the one that finds the budget spent waits for room, then goes", async () => {
    const [redisA, redisB] = [connect(), connect()];
    await Promise.all([redisA.firstConnect, redisB.firstConnect]);
    const waits: RateBudgetWait[] = [];
    const a = createRateBudgets({ redis: redisA }).budget(spec("shared", 3, 1));
    const b = createRateBudgets({
      redis: redisB,
      onWait: (w) => waits.push(w),
    }).budget(spec("shared", 3, 1));
    const observed: RateLimitWait[] = [];
    const stopObserving = observeRateLimitWaits((w) => observed.push(w));
    for (let i = 0; i < 3; i++) (await a.take(within())).settle();
    (await b.take(within())).settle();
    stopObserving();
    // What metrics count: one call held back by a budget.
    expect(observed).toEqual([expect.objectContaining({ provider: "HIGHLEVEL", accountId: "shared", source: "budget" })]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({
      provider: "HIGHLEVEL",
      accountId: "shared",
      budget: "calls",
    });
    expect(waits[0]!.waitMs).toBeGreaterThan(0);

    // The log sits under the account's hash tag and the prefix, like the snapshots.
    const probe = new Redis(server.url);
    expect(await probe.type("numbergraph:{HIGHLEVEL/shared}:budget:calls")).toBe("zset");
    await probe.quit();
  });

  it("keeps a call's place while it is in flight, and frees it only a window after the call ended", async () => {
    const redis = connect();
    await redis.firstConnect;
    const waits: RateBudgetWait[] = [];
    const budgets = createRateBudgets({ redis, onWait: (w) => waits.push(w) });
    const a = budgets.budget(spec("in-flight", 1, 1));
    const held = await a.take(within());
    let second: "waiting" | "went" = "waiting";
    const next = budgets
      .budget(spec("in-flight", 1, 1))
      .take(within())
      .then((place) => {
        second = "went";
        return place;
      });
    // However long the first call is in flight, the second does not go.
    while (waits.length < 3) await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe("waiting");
    held.settle();
    (await next).settle();
    expect(second).toBe("went");
  });

  it("refuses at once, never sending, when room comes after the listing's time budget is spent", async () => {
    const redis = connect();
    await redis.firstConnect;
    const waits: RateBudgetWait[] = [];
    const budget = createRateBudgets({
      redis,
      onWait: (w) => waits.push(w),
    }).budget(spec("slow", 1, 60));
    (await budget.take(within())).settle();
    const error = await refusal(budget.take(within(5_000)));
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.message).toMatch(
      /^HighLevel's rate budget for account slow \(1 calls per 60 s\) is spent; room comes in \d+\.\d s, after this listing's time budget runs out \(in [0-5] s\)\. Retry in \d+ s, or raise NUMBERGRAPH_LISTING_BUDGET_SECONDS so a listing can wait for it\. If its plan allows more, raise the account's rateLimit in NUMBERGRAPH_CONFIG\.$/,
    );
    expect(error.details.retryAfterMs).toBeGreaterThan(5_000);
    expect(waits).toEqual([]);
  });

  it("stops waiting when the listing's signal aborts it (the gateway stopping)", async () => {
    const budget = createRateBudgets({ redis: connect() }).budget(spec("deadline", 1, 5));
    (await budget.take(within())).settle();
    const stopping = new AbortController();
    const waiting = budget.take(within(10_000, stopping.signal));
    stopping.abort();
    const error = await refusal(waiting);
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.message).toContain("the listing was stopped");
  });

  it("holds a daily limit too, refusing the day's call past it", async () => {
    const budget = createRateBudgets({ redis: connect() }).budget({
      ...spec("daily", 100, 10),
      limit: { requests: 100, perSeconds: 10, perDay: 2 },
    });
    (await budget.take(within())).settle();
    (await budget.take(within())).settle();
    const error = await refusal(budget.take(within()));
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.message).toContain("its daily limit of 2 calls is used up");
  });

  it("goes on counting in the process while Redis is down, from the calls it sent while Redis was up", async () => {
    const redis = connect();
    await redis.firstConnect;
    const budget = createRateBudgets({ redis }).budget(spec("outage", 2, 60));
    (await budget.take(within())).settle();
    // The settle is sent without waiting; a PING behind it on the same connection has its answer first.
    await redis.client.ping();
    await server.kill();
    try {
      while (redis.available) await new Promise((r) => setTimeout(r, 10));
      (await budget.take(within())).settle();
      expect((await refusal(budget.take(within()))).code).toBe("UPSTREAM_RATE_LIMITED");
    } finally {
      await server.start();
      while (!redis.available) await new Promise((r) => setTimeout(r, 10));
    }
  });

  it("does not wait for a call made outside a listing (no time budget to wait within)", async () => {
    const budget = createRateBudgets().budget(spec("unbounded", 1, 1));
    (await budget.take(within())).settle();
    const error = await refusal(budget.take());
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    // Room comes within the 1 s window (and its 50 ms margin): how much of it is left depends on how fast this machine got here.
    expect(error.message).toMatch(/this call was made outside a listing, which has no time to wait\. Retry in [12] s/);
    expect([1_000, 2_000]).toContain(error.details.retryAfterMs);
  });

  it("counts in the process without Redis", async () => {
    const budget = createRateBudgets().budget(spec("alone", 1, 60));
    (await budget.take(within())).settle();
    expect((await refusal(budget.take(within()))).code).toBe("UPSTREAM_RATE_LIMITED");
  });
});

describe("Zoom's budgets by plan and class", () => {
  it("defaults to half the Zoom Phone figure of the endpoint's class, on Pro", () => {
    expect(zoomRateLimit({}, "light")).toEqual({ requests: 10, perSeconds: 1 });
    expect(zoomRateLimit({}, "medium")).toEqual({ requests: 5, perSeconds: 1 });
    expect(zoomRateLimit({ plan: "business" }, "light")).toEqual({
      requests: 20,
      perSeconds: 1,
    });
    expect(zoomRateLimit({ plan: "business", rateShare: 1 }, "medium")).toEqual({ requests: 20, perSeconds: 1 });
    expect(zoomRateLimit({ rateLimit: { requests: 3, perSeconds: 1 } }, "light")).toEqual({ requests: 3, perSeconds: 1 });
    expect(zoomRateLimit({ rateLimit: false }, "light")).toBeUndefined();
  });
});
