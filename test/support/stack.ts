import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";
import type { GatewayKey } from "../../src/access/gateway-keys.js";
import { loadProviderAccounts, type ProviderAccountsConfig } from "../../src/config/config.js";
import { ANY_PROVIDER_DESCRIPTORS } from "../../src/providers/index.js";
import { testLogger } from "./log-capture.js";
import { createProviderAccounts } from "../../src/providers/create-accounts.js";
import type { ListingBounds, NumberRecord, PoolRecord, ProviderAccount } from "../../src/model/index.js";
import type { HttpTuning } from "../../src/providers/shared/upstream-http.js";
import type { SnapshotPolicy } from "../../src/snapshots/snapshot-policy.js";
import type { FreshnessEntry } from "../../src/snapshots/snapshot-reader.js";
import { startGateway, type GatewayOptions, type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators, type SimulatorOptions } from "../../src/simulators/start-all.js";

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { freshness?: FreshnessEntry[] } & Record<string, unknown>;
}

export interface Stack {
  sims: RunningSimulators;
  gateway: RunningGateway;
  request<TData, TVars>(document: TypedDocumentNode<TData, TVars> | DocumentNode | string, variables?: TVars, headers?: Record<string, string>): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

/** Fast failure in tests: short backoff, one retry, a timeout well under jest's. */
export const TEST_TUNING: HttpTuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 3000 };

export function withTuning(accounts: ProviderAccountsConfig, tuning: HttpTuning): ProviderAccountsConfig {
  return Object.fromEntries(ANY_PROVIDER_DESCRIPTORS.map(({ configKey }) => [configKey, accounts[configKey].map((a) => ({ ...(a as object), ...tuning }))])) as unknown as ProviderAccountsConfig;
}

/** The accounts the simulators' environment configures, as the gateway reads it, with test tuning. */
export function simAccounts(sims: RunningSimulators, tuning: HttpTuning = TEST_TUNING): ProviderAccountsConfig {
  return withTuning(loadProviderAccounts(sims.env), tuning);
}

/** A `ProviderAccount` per simulated account, logging to the test logger. */
export function testAccounts(sims: RunningSimulators, tuning: HttpTuning = TEST_TUNING): ProviderAccount[] {
  return createProviderAccounts(simAccounts(sims, tuning), { log: testLogger });
}

export interface StackOptions extends SimulatorOptions, Partial<Pick<GatewayOptions, "logger">>, Pick<GatewayOptions, "introspection" | "documentLimits" | "opsPort" | "tracing" | "responseCache" | "plugins"> {
  gatewayKeys?: GatewayKey[];
  tuning?: HttpTuning;
  maxQueryCost?: number;
  snapshotPolicy?: Partial<SnapshotPolicy>;
  /** Wait for the start-up listing of every account before returning (default true). */
  warm?: boolean;
  /** Which Zoom API the Zoom account lists with (default: the client's own, auto). */
  zoomNumbersApi?: "auto" | "number_management" | "phone";
  /** Set simulator switches before the gateway starts (and lists every account). */
  beforeGateway?: (sims: RunningSimulators) => void;
}

/** The four simulators and a gateway over them, on free ports, spoken to over real HTTP. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sims = await startSimulators(options);
  options.beforeGateway?.(sims);
  const gateway = await startGateway({
    accounts: createProviderAccounts(withZoomApi(simAccounts(sims, options.tuning), options.zoomNumbersApi), { log: options.logger ?? testLogger }),
    gatewayKeys: options.gatewayKeys ?? [],
    port: 0,
    host: "127.0.0.1",
    maxQueryCost: options.maxQueryCost,
    logger: options.logger ?? testLogger,
    introspection: options.introspection,
    documentLimits: options.documentLimits,
    snapshotPolicy: options.snapshotPolicy,
    opsPort: options.opsPort,
    tracing: options.tracing,
    responseCache: options.responseCache,
    plugins: options.plugins,
  });
  if (options.warm ?? true) await gateway.snapshots.warmAll();
  return {
    sims,
    gateway,
    async request(document, variables, headers = {}) {
      const query = typeof document === "string" ? document : print(document);
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async stop() {
      await gateway.stop();
      await sims.stop();
    },
  };
}

/** Requests the simulators served for inventories (numbers and pools; not OAuth tokens), per endpoint. */
export function inventoryCounts(sims: RunningSimulators): Record<string, number> {
  return Object.fromEntries(Object.entries(sims.counts()).filter(([key]) => !key.includes("/oauth/")));
}

/** Generous bounds for calling a provider client directly: 2,000 pages, a time budget of 30 s (so a 60 s Retry-After or reset is refused at once), or `budgetMs`. */
export function testBounds({ budgetMs = 30_000, ...overrides }: Partial<ListingBounds> & { budgetMs?: number } = {}): ListingBounds {
  return { signal: AbortSignal.timeout(budgetMs), deadlineAt: Date.now() + budgetMs, maxPages: 2_000, ...overrides };
}

/** Every number of one account, as its client maps them. */
export async function listNumbers(account: ProviderAccount, bounds: Partial<ListingBounds> = {}): Promise<NumberRecord[]> {
  return (await account.listInventory(testBounds(bounds))).numbers;
}

/** Every pool of one account, as its client maps them. */
export async function listPools(account: ProviderAccount, bounds: Partial<ListingBounds> = {}): Promise<PoolRecord[]> {
  return (await account.listInventory(testBounds(bounds))).pools;
}

/** What one listing of every account costs the simulators (numbers to the last page, HighLevel's pools). */
export function oneListingOfEach(sims: RunningSimulators): Record<string, number> {
  const { highlevel, telnyx, zoom, butter } = sims;
  const perLocation = Object.fromEntries(highlevel.locations.map((l) => [`HIGHLEVEL GET /phone-system/numbers/location/${l.locationId}`, Math.floor(l.numbers.length / 1000) + 1]));
  return {
    ...perLocation,
    "HIGHLEVEL GET /phone-system/number-pools": highlevel.locations.length,
    "TELNYX GET /v2/phone_numbers": Math.max(1, Math.ceil(telnyx.numbers.length / 250)),
    // Zoom lists through Number Management by default (ZOOM_NUMBERS_API=auto, the app has the scope).
    "ZOOM GET /v2/number_management/numbers": Math.max(1, Math.ceil(zoom.numberManagementNumbers().length / 200)),
    "BUTTER GET /api/phone-numbers": Math.max(1, Math.ceil(butter.numbers.length / 100)),
  };
}

/** Wait (bounded) until `check` holds; for effects that follow an answer, such as a background refresh. */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function withZoomApi(accounts: ProviderAccountsConfig, numbersApi: StackOptions["zoomNumbersApi"]): ProviderAccountsConfig {
  return numbersApi ? { ...accounts, zoom: accounts.zoom.map((a) => ({ ...a, numbersApi })) } : accounts;
}
