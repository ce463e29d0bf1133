import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { PROVIDERS } from "../../src/model/index.js";
import { createProviderAccounts } from "../../src/providers/create-accounts.js";
import { type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { startRedisInstance } from "../support/redis-instance.js";
import { scrape, total } from "../support/prometheus.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { inventoryCounts, simAccounts } from "../support/stack.js";

/** Accounts per provider in the simulators (HighLevel lists each of its three locations). */
const ACCOUNTS = { HIGHLEVEL: 3, TELNYX: 1, ZOOM: 1, BUTTER: 1 };

/** numbergraph_snapshot_refreshes_total with REDIS_URL: a snapshot another instance listed is counted as adopted, not listed. */
describe("snapshot refresh metrics across two instances sharing one Redis", () => {
  let redisServer: RedisServer;
  let sims: RunningSimulators;
  const gateways: RunningGateway[] = [];

  async function startInstance(): Promise<RunningGateway> {
    const { gateway } = await startRedisInstance(redisServer.url, { accounts: (_redis, log) => createProviderAccounts(simAccounts(sims), { log }) });
    gateways.push(gateway);
    await gateway.snapshots.warmAll();
    return gateway;
  }

  beforeAll(async () => {
    redisServer = await startRedisServer();
    sims = await startSimulators({ numbers: 30 });
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await sims?.stop();
    await redisServer?.stop();
  });

  it("counts the first instance's start-up listings as listed and the second's as adopted, which calls no provider", async () => {
    const a = await startInstance();
    const listed = servedInventoryCalls(sims);
    expect(listed).toBeGreaterThan(0);
    const b = await startInstance();
    // The second instance found every account fresh in Redis: not one more inventory call.
    expect(servedInventoryCalls(sims)).toBe(listed);
    const [first, second] = (await Promise.all([a, b].map((g) => scrape(new URL("/metrics", g.opsUrl).toString())))) as [Map<string, number>, Map<string, number>];
    const refreshes = (samples: Map<string, number>, outcome: string) => PROVIDERS.map((provider) => [provider, total(samples, "numbergraph_snapshot_refreshes_total", { provider, outcome })]);
    expect(refreshes(first, "listed")).toEqual(PROVIDERS.map((p) => [p, ACCOUNTS[p]]));
    expect(refreshes(first, "adopted")).toEqual(PROVIDERS.map((p) => [p, 0]));
    expect(refreshes(second, "adopted")).toEqual(PROVIDERS.map((p) => [p, ACCOUNTS[p]]));
    expect(refreshes(second, "listed")).toEqual(PROVIDERS.map((p) => [p, 0]));
    expect(total(second, "numbergraph_snapshot_refresh_duration_seconds_count", { outcome: "adopted" })).toBe(6);
  });
});

/** Inventory calls the simulators served (token grants aside: each instance mints its own). */
function servedInventoryCalls(sims: RunningSimulators): number {
  return Object.values(inventoryCounts(sims)).reduce((sum, n) => sum + n, 0);
}
