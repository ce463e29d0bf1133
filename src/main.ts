import "reflect-metadata";
import { checkScopesMatchAccounts } from "./access/gateway-keys.js";
import { configuredAccounts, countAccounts, loadConfig, loadProviderAccounts, needsStateStore } from "./config/config.js";
import { ConfigError } from "./settings/config-error.js";
import { limitHeapGrowth } from "./heap-growth.js";
import { createLogger } from "./logger.js";
import { createProviderAccounts } from "./providers/create-accounts.js";
import { createRateBudgets } from "./providers/shared/rate-budget.js";
import { connectRedis } from "./redis/redis-connection.js";
import { startGateway } from "./server.js";
import { DEFAULT_SNAPSHOT_POLICY } from "./snapshots/snapshot-policy.js";
import { RedisSnapshotStore } from "./snapshots/redis-snapshot-store.js";
import { startSimulators, type RunningSimulators } from "./simulators/start-all.js";
import { DirectoryStateStore } from "./state/directory-state-store.js";
import { RedisStateStore } from "./state/redis-state-store.js";
import { SettlingStateStore } from "./state/settling-state-store.js";
import { StateStoreError } from "./state/state-store.js";

/** Composition root: config → provider accounts (or the simulators) → gateway. */
async function main(): Promise<void> {
  const config = loadConfig();
  limitHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger();
  // OTLP export only when the standard variable asks for it; otherwise OpenTelemetry stays unregistered (a no-op).
  // Imported only when asked for: a process that does not trace never loads the SDK and its exporter.
  const tracing = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? (await import("./observability/tracing-sdk.js")).startTracing() : undefined;
  let simulators: RunningSimulators | undefined;
  if (countAccounts(config.accounts) === 0) {
    if (config.production && !config.demo) {
      throw new ConfigError("NODE_ENV=production, but no provider is configured; set a provider's credentials (or NUMBERGRAPH_CONFIG), or NUMBERGRAPH_DEMO=true to serve the built-in simulators' invented numbers.");
    }
    simulators = await startSimulators();
    config.accounts = loadProviderAccounts(simulators.env);
  }
  checkScopesMatchAccounts(config.gatewayKeys, configuredAccounts(config.accounts));
  if (simulators) {
    logger.warn("No provider is configured: serving the graph over the built-in simulators (%s).", simulators.summary);
  }
  if (config.gatewayKeys.length === 0) logger.warn("NUMBERGRAPH_API_KEYS is not set: the gateway serves every caller every account.");
  const policy = { ...DEFAULT_SNAPSHOT_POLICY, ...config.snapshotPolicy };
  // One connection per instance, shared by the snapshots and the rate budgets.
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  const snapshotStore = redis
    ? new RedisSnapshotStore({
        redis,
        logger,
        prefix: config.redisPrefix,
        keepMs: policy.staleIfErrorMs + policy.ttlMs,
        waitMs: policy.listingBudgetMs,
        // The state store shares the connection: closed once its writes in flight have settled.
        closeConnection: false,
      })
    : undefined;

  // OAuth refresh tokens rotate: without a writable store the first trade would lose the install. With
  // Redis the fleet shares them, and the directory keeps them while Redis is unreachable (docs/configuration.md).
  // Settling: shutdown waits for trades and writes in flight, so a rotated refresh token is never lost to it.
  const stateDirectory = needsStateStore(config.accounts) ? await DirectoryStateStore.open(config.stateDir) : undefined;
  const stateStore = stateDirectory && new SettlingStateStore(redis ? new RedisStateStore({ redis, directory: stateDirectory, logger, prefix: config.redisPrefix }) : stateDirectory);

  const gateway = await startGateway({
    accounts: createProviderAccounts(config.accounts, { stateStore, log: logger, budgets: createRateBudgets({ redis, prefix: config.redisPrefix }) }),
    gatewayKeys: config.gatewayKeys,
    port: config.port,
    host: config.host,
    maxQueryCost: config.maxQueryCost,
    introspection: config.introspection,
    includeStacktrace: !config.production,
    documentLimits: config.documentLimits,
    opsPort: config.opsPort,
    tracing: tracing !== undefined,
    ide: config.ide,
    logger,
    snapshotPolicy: config.snapshotPolicy,
    responseCache: config.responseCache,
    snapshotStore,
    redisStatus: redis ? () => redis.status() : undefined,
  });
  logger.info("numbergraph serving %s%s", gateway.url, config.opsPort === undefined ? "" : `; /readyz and /metrics at ${gateway.opsUrl}`);
  console.log(`numbergraph: GraphQL at ${gateway.url.replace("0.0.0.0", "localhost")}`);

  // docs/operations.md: /readyz 503 at once, requests in flight finish (up to the deadline), token trades and
  // state-store writes in flight complete, the simulators stop last (what is in flight over them
  // finishes first), spans are flushed, one line, exit 0.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second signal: the operator wants out now
    stopping = true;
    const started = Date.now();
    void gateway
      .stop()
      .then(() => stateStore?.settled())
      .then(() => redis?.close())
      .then(() => simulators?.stop())
      .then(() => tracing?.shutdown())
      .then(
        () => {
          logger.info({ signal, ms: Date.now() - started }, "numbergraph stopped on %s: requests in flight finished", signal);
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ signal, err: error }, "numbergraph failed to stop cleanly on %s", signal);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StateStoreError) {
    console.error(`numbergraph: configuration error: ${error.message}`);
  } else {
    console.error(`numbergraph: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
