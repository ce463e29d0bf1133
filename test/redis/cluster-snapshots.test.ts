import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { print } from "graphql";
import { createProviderAccounts } from "../../src/providers/create-accounts.js";
import { HighLevelInstallTokens } from "../../src/providers/highlevel/highlevel-oauth.js";
import { createFormPoster } from "../../src/providers/shared/form-post.js";
import { type RedisConnection } from "../../src/redis/redis-connection.js";
import { type RunningGateway } from "../../src/server.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { DirectoryStateStore } from "../../src/state/directory-state-store.js";
import { RedisStateStore } from "../../src/state/redis-state-store.js";
import { DashboardDocument, type DashboardQuery } from "../generated/operations.js";
import { startRedisInstance } from "../support/redis-instance.js";
import { memoryLogger } from "../support/memory-logger.js";
import { startRedisCluster, type RedisCluster } from "../support/redis-server.js";
import { type GraphQLResponse, inventoryCounts, simAccounts, testAccounts, testBounds } from "../support/stack.js";

describe("two gateway instances sharing a three-node Redis Cluster", () => {
  let cluster: RedisCluster;
  let sims: RunningSimulators;
  const instances: { gateway: RunningGateway; redis: RedisConnection }[] = [];
  let oneListing: Record<string, number>;
  let totalNumbers = 0;

  const dashboard = async (gateway: RunningGateway): Promise<GraphQLResponse<DashboardQuery>> => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: print(DashboardDocument), variables: { first: 50 } }) });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const expectAnswered = (responses: GraphQLResponse<DashboardQuery>[]) => {
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      expect(response.data!.phoneNumbers.totalCount).toBe(totalNumbers);
    }
  };

  beforeAll(async () => {
    cluster = await startRedisCluster();
    sims = await startSimulators();
    for (const account of testAccounts(sims)) totalNumbers += (await account.listInventory(testBounds())).numbers.length;
    oneListing = inventoryCounts(sims);
    sims.resetCounts();
    for (let i = 0; i < 2; i++) {
      instances.push(await startRedisInstance(cluster.url, { accounts: (_redis, log) => createProviderAccounts(simAccounts(sims), { log }), snapshotPolicy: { minRefreshMs: 0 } }));
    }
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.gateway.stop()));
    await sims?.stop();
    await cluster?.stop();
  });

  it("answers 40 concurrent dashboards spread over both with one listing per account in total, the snapshots spread over the nodes by the accounts' hash tags", async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => dashboard(instances[i % 2]!.gateway)));
    expectAnswered(responses);
    expect(inventoryCounts(sims)).toEqual(oneListing);
    for (const { redis } of instances) expect(redis.status()).toMatchObject({ state: "up", kind: "cluster" });

    // Every account's snapshot is in the Cluster, spread over its nodes by the accounts' hash tags.
    const keys: string[] = [];
    const holders = new Set<number>();
    for (const port of cluster.ports) {
      const node = new Redis(port, "127.0.0.1");
      const held = await node.keys("numbergraph:*");
      if (held.length > 0) holders.add(port);
      keys.push(...held);
      await node.quit();
    }
    const accountKeys = instances[0]!.gateway.snapshots.accounts.map((account) => `numbergraph:{${account.provider}/${account.accountId}}:snapshot`);
    expect(keys.sort()).toEqual(accountKeys.sort());
    expect(holders.size).toBeGreaterThan(1);
  });

  it("answers either instance afterwards without an upstream call", async () => {
    sims.resetCounts();
    expectAnswered(await Promise.all([dashboard(instances[0]!.gateway), dashboard(instances[1]!.gateway), dashboard(instances[0]!.gateway), dashboard(instances[1]!.gateway)]));
    expect(inventoryCounts(sims)).toEqual({});
    expect(instances[0]!.gateway.snapshots.status().map((s) => s.version)).toEqual(instances[1]!.gateway.snapshots.status().map((s) => s.version));
  });

  it("keeps the state store there too: two instances' OAuth clients trade once per install and share the access token", async () => {
    const clock = { now: Date.UTC(2026, 11, 2) };
    const sim = new HighLevelSimulator({ numbers: 5, oauth: { accessTokenTtlSeconds: 3 }, now: () => clock.now });
    await sim.start();
    const root = await mkdtemp(join(tmpdir(), "numbergraph-cluster-state-"));
    try {
      const location = SIM_CREDENTIALS.highlevel.locationIds[0];
      const env = sim.oauth.install({ locationId: location });
      const post = createFormPoster({ provider: "HIGHLEVEL", accountId: "oauth", baseUrl: sim.baseUrl, timeoutMs: 3000 });
      const clients = await Promise.all(
        instances.map(async ({ redis }, i) => {
          const store = new RedisStateStore({ redis, directory: await DirectoryStateStore.open(join(root, String(i))), logger: memoryLogger().logger });
          return new HighLevelInstallTokens({ clientId: HIGHLEVEL_SIM_APP.clientId, clientSecret: HIGHLEVEL_SIM_APP.clientSecret, refreshToken: env }, location, { store, post, log: memoryLogger().logger, now: () => clock.now });
        }),
      );
      for (let round = 1; round <= 3; round++) {
        const tokens = await Promise.all([...clients, ...clients].map((c) => c.accessToken()));
        expect(new Set(tokens).size).toBe(1);
        expect(sim.oauth.counters.trades).toBe(round);
        clock.now += 3_000;
      }
      expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(0);
    } finally {
      await sim.stop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
