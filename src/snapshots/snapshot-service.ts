import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleAll, type CircuitBreakerPolicy } from "cockatiel";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { accountKey, providerLabel, UpstreamError, type ProviderAccount } from "../model/index.js";
import { AccountSnapshot, type SnapshotData } from "./account-snapshot.js";
import { DEFAULT_SNAPSHOT_POLICY, type SnapshotPolicy } from "./snapshot-policy.js";
import { estimateSnapshotBytes } from "./snapshot-size.js";
import { MemorySnapshotStore, type SnapshotStore } from "./snapshot-store.js";

/** What one read of one account gives a request: a snapshot (maybe stale, with why), or the account's failure. */
export type SnapshotRead = { snapshot: AccountSnapshot; staleBecause?: UpstreamError; error?: undefined } | { snapshot?: undefined; error: UpstreamError };

/** What a request asks of freshness (`Cache-Control: no-cache` is `maxAgeMs: 0`). */
export interface FreshnessNeed {
  /** Wait for a refresh of any snapshot older than this; unset: the TTL's stale-while-revalidate. */
  maxAgeMs?: number;
}

export interface AccountStatus {
  provider: ProviderAccount["provider"];
  accountId: string;
  /** `fresh`/`stale`: a snapshot is served; `failed`: none is, and the last listing failed; `loading`: the first listing runs. */
  state: "loading" | "fresh" | "stale" | "failed";
  ageSeconds: number | null;
  version: string | null;
  breaker: "closed" | "open" | "half-open";
  lastError: { code: string; message: string } | null;
}

interface AccountState {
  account: ProviderAccount;
  key: string;
  current?: AccountSnapshot;
  /** The last listing failed after `current` was fetched (or with none). */
  failure?: { error: UpstreamError; at: number };
  /** When the last listing started, for the refresh floor. */
  startedAt: number;
  running?: Promise<AccountSnapshot>;
  breaker: CircuitBreakerPolicy;
  /** The first listing has settled, one way or the other. */
  settled: boolean;
  /** Dropped from memory by NUMBERGRAPH_CACHE_MAX_MB: what it held, until it is read back from the store. */
  dropped?: { version: string; fetchedAt: number };
  readingBack?: Promise<void>;
}

/**
 * How one refresh of one account ended: `listed` from the provider, `adopted` from the store (another
 * instance's listing), `failed`, or `breaker_open` (refused without a call: the account is left alone).
 */
export type SnapshotRefreshOutcome = "listed" | "adopted" | "failed" | "breaker_open";

export interface SnapshotRefresh {
  provider: ProviderAccount["provider"];
  accountId: string;
  outcome: SnapshotRefreshOutcome;
  /** Wall time from the refresh's start to its end (on the process's monotonic clock, not `now`). */
  durationMs: number;
}

export interface SnapshotServiceOptions {
  policy?: Partial<SnapshotPolicy>;
  store?: SnapshotStore;
  logger: Logger;
  /** Epoch ms; injectable for tests of age. */
  now?: () => number;
  /** Told of every refresh as it settles (metrics); must not throw. */
  onRefresh?: (refresh: SnapshotRefresh) => void;
}

/**
 * The gateway's memory (docs/freshness.md): one snapshot per provider account, listed to the last page
 * once and read by every request of every caller. Stale-while-revalidate after the TTL,
 * stale-if-error when a refresh fails, a refresh floor no caller can get under, one listing in
 * flight per account (through the store: across the fleet on Redis), a circuit breaker per
 * account, and a deadline on what any request waits.
 */
export class SnapshotService {
  readonly policy: SnapshotPolicy;
  private readonly store: SnapshotStore;
  private readonly logger: Logger;
  /** The service's clock (epoch ms): request deadlines are measured on it too. */
  readonly now: () => number;
  private readonly states = new Map<string, AccountState>();
  private readonly stopping = new AbortController();
  private readonly onRefresh: (refresh: SnapshotRefresh) => void;
  /** The in-process copies by recency and estimated size, when NUMBERGRAPH_CACHE_MAX_MB bounds them. */
  private readonly resident?: LRUCache<string, AccountSnapshot>;

  constructor(
    readonly accounts: readonly ProviderAccount[],
    options: SnapshotServiceOptions,
  ) {
    this.policy = { ...DEFAULT_SNAPSHOT_POLICY, ...options.policy };
    this.store = options.store ?? new MemorySnapshotStore();
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.onRefresh = options.onRefresh ?? noop;
    if (Number.isFinite(this.policy.maxCacheBytes)) {
      const maxSize = Math.max(1, Math.floor(this.policy.maxCacheBytes));
      this.resident = new LRUCache<string, AccountSnapshot>({
        maxSize,
        // A snapshot larger than the bound still serves, alone: it counts as the whole bound.
        sizeCalculation: (snapshot) => Math.max(1, Math.min(maxSize, estimateSnapshotBytes(snapshot))),
        dispose: (snapshot, key, reason) => {
          if (reason === "evict") this.drop(key, snapshot);
        },
      });
    }
    for (const account of accounts) {
      const key = accountKey(account.provider, account.accountId);
      const breaker = circuitBreaker(handleAll, { halfOpenAfter: this.policy.breakerCooldownMs, breaker: new ConsecutiveBreaker(this.policy.breakerFailures) });
      breaker.onStateChange((state) => this.logger.info({ provider: account.provider, accountId: account.accountId, breaker: breakerState(state) }, "account circuit breaker %s", breakerState(state)));
      this.states.set(key, { account, key, startedAt: -Infinity, breaker, settled: false });
    }
  }

  private warming?: Promise<void>;

  /** List every account once (start-up, in the background); resolves when each has settled, once. */
  warmAll(): Promise<void> {
    this.warming ??= Promise.all([...this.states.values()].map((s) => this.refresh(s)?.then(noop, noop) ?? Promise.resolve())).then(noop);
    return this.warming;
  }

  /**
   * The account's snapshot for a request that waits until `deadlineAt` (epoch ms) at most. A fresh
   * enough snapshot answers at once; an old one answers at once and starts one refresh, unless the
   * request asked for fresher data (`need.maxAgeMs`), when it waits for that refresh.
   */
  async read(account: ProviderAccount, need: FreshnessNeed, deadlineAt: number): Promise<SnapshotRead> {
    const s = this.state(account);
    const maxAgeMs = need.maxAgeMs ?? (this.policy.ttlMs === 0 ? 0 : undefined);
    if (s.current) this.touch(s);
    else if (s.dropped) await this.readBack(s);
    if (s.current) {
      const age = this.now() - s.current.fetchedAt;
      if (maxAgeMs !== undefined && age > maxAgeMs) {
        const refresh = this.refresh(s, maxAgeMs);
        if (refresh) {
          const waited = await this.waitFor(s, refresh, deadlineAt);
          if ("snapshot" in waited) return { snapshot: waited.snapshot };
        }
      } else if (age > this.policy.ttlMs) {
        this.refresh(s)?.catch(noop);
      }
      return this.serveCurrent(s);
    }
    const refresh = this.refresh(s);
    if (!refresh) return { error: s.failure?.error ?? this.notYet(s) };
    const waited = await this.waitFor(s, refresh, deadlineAt);
    return "snapshot" in waited ? { snapshot: waited.snapshot } : { error: waited.error };
  }

  /** The snapshot a request would be served now without waiting, if any (for the response cache's key). */
  peek(account: ProviderAccount): AccountSnapshot | undefined {
    return this.peekRead(account)?.snapshot;
  }

  /** `peek`, saying too whether that snapshot would be served marked stale (a refresh failed since). */
  peekRead(account: ProviderAccount): SnapshotRead | undefined {
    const s = this.state(account);
    return s.current ? this.serveCurrent(s) : undefined;
  }

  /** What the in-process copies hold now: accounts and estimated bytes (what NUMBERGRAPH_CACHE_MAX_MB bounds). */
  memory(): { accounts: number; bytes: number; maxBytes: number } {
    const held = [...this.states.values()].filter((s) => s.current);
    return { accounts: held.length, bytes: held.reduce((sum, s) => sum + estimateSnapshotBytes(s.current!), 0), maxBytes: this.policy.maxCacheBytes };
  }

  status(): AccountStatus[] {
    return [...this.states.values()].map((s) => {
      const read = s.current ? this.serveCurrent(s) : undefined;
      // A dropped copy is still the account's snapshot: read back from the store when next asked for.
      const held = s.current ?? s.dropped;
      return {
        provider: s.account.provider,
        accountId: s.account.accountId,
        state: read?.snapshot ? (read.staleBecause ? "stale" : "fresh") : s.dropped ? (s.failure && s.failure.at >= s.dropped.fetchedAt ? "stale" : "fresh") : s.settled ? "failed" : "loading",
        ageSeconds: held ? ageSeconds(this.now() - held.fetchedAt) : null,
        version: held?.version ?? null,
        breaker: breakerState(s.breaker.state),
        lastError: s.failure ? { code: s.failure.error.code, message: s.failure.error.message } : null,
      };
    });
  }

  /** Stop listings in flight; what they fetched is dropped. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error("the gateway is stopping"));
    await this.store.close?.();
  }

  private state(account: ProviderAccount): AccountState {
    const s = this.states.get(accountKey(account.provider, account.accountId));
    if (!s) throw new Error(`account ${accountKey(account.provider, account.accountId)} is not configured`);
    return s;
  }

  /** The current snapshot under stale-if-error: marked stale after a failed refresh, refused past the bound. */
  private serveCurrent(s: AccountState): SnapshotRead {
    const current = s.current!;
    if (!s.failure || s.failure.at < current.fetchedAt) return { snapshot: current };
    if (this.now() - current.fetchedAt > this.policy.staleIfErrorMs) return { error: s.failure.error };
    return { snapshot: current, staleBecause: s.failure.error };
  }

  /**
   * The one refresh of this account: the one in flight, or a new one unless the refresh floor
   * forbids it (then undefined: the newest snapshot, or the last failure, serves). A newer snapshot
   * another holder of the store (another instance) saved is adopted instead of listing when it is
   * younger than `acceptAgeMs` (the TTL, or what the request asked), younger than the refresh floor,
   * or was listed while this refresh waited its turn.
   */
  private refresh(s: AccountState, acceptAgeMs = this.policy.ttlMs): Promise<AccountSnapshot> | undefined {
    if (s.running) return s.running;
    if (this.now() - s.startedAt < this.policy.minRefreshMs) return undefined;
    const startedAt = this.now();
    s.startedAt = startedAt;
    const previous = s.current;
    const began = performance.now();
    // Unless this instance lists, the snapshot came from the store (another instance listed it).
    let outcome: SnapshotRefreshOutcome = "adopted";
    const settled = (how: SnapshotRefreshOutcome) => this.onRefresh({ provider: s.account.provider, accountId: s.account.accountId, outcome: how, durationMs: performance.now() - began });
    s.running = this.store
      .singleFlight(s.key, async () => {
        const stored = await this.store.load(s.key);
        const fresh = (data: SnapshotData) => data.fetchedAt >= startedAt || this.now() - data.fetchedAt < Math.max(this.policy.minRefreshMs, acceptAgeMs, 1);
        if (stored && (!previous || stored.fetchedAt > previous.fetchedAt) && fresh(stored)) return stored;
        outcome = "listed";
        const listed = await this.list(s);
        await this.store.save(listed).catch((error: unknown) => this.logger.warn({ err: error, account: s.key }, "could not save a snapshot to the store; serving it from memory"));
        return listed;
      })
      .then((data) => {
        const snapshot = adopt(data, previous);
        this.keep(s, snapshot);
        s.failure = undefined;
        if (previous?.version !== snapshot.version) {
          this.logger.info({ provider: s.account.provider, accountId: s.account.accountId, numbers: snapshot.numbers.length, pools: snapshot.pools.length, version: snapshot.version }, "snapshot refreshed");
        }
        settled(outcome);
        return snapshot;
      })
      .catch((error: unknown) => {
        settled(error instanceof BrokenCircuitError ? "breaker_open" : "failed");
        const upstream = this.asUpstream(s, error);
        s.failure = { error: upstream, at: this.now() };
        this.logger.warn({ provider: s.account.provider, accountId: s.account.accountId, code: upstream.code, stale: Boolean(s.current) }, "listing failed: %s", upstream.message);
        throw upstream;
      })
      .finally(() => {
        s.running = undefined;
        s.settled = true;
      });
    return s.running;
  }

  /** Hold `snapshot` as the account's in-process copy (counted against NUMBERGRAPH_CACHE_MAX_MB). */
  private keep(s: AccountState, snapshot: AccountSnapshot): void {
    s.current = snapshot;
    s.dropped = undefined;
    this.resident?.set(s.key, snapshot);
  }

  /** Mark the account's copy most recently used (and counted again, if it was kept past the bound). */
  private touch(s: AccountState): void {
    if (!this.resident || this.resident.get(s.key)) return;
    this.resident.set(s.key, s.current);
  }

  /**
   * The bound evicted an account's copy: forget it here, remembering what it was for status and
   * read-back. While the store cannot answer (Redis away) the copy is kept past the bound instead:
   * dropping it would mean listing it again.
   */
  private drop(key: string, snapshot: AccountSnapshot): void {
    const s = this.states.get(key);
    if (!s || s.current !== snapshot) return;
    if (this.store.reachable?.() === false) return;
    s.current = undefined;
    s.dropped = { version: snapshot.version, fetchedAt: snapshot.fetchedAt };
    this.logger.debug({ account: key }, "snapshot of %s dropped from memory (NUMBERGRAPH_CACHE_MAX_MB); read back from the store when next asked for", key);
  }

  /**
   * A dropped account's snapshot, loaded back from the store (Redis) rather than listed: one load per
   * account at a time. When the store has none (Redis away, or the key expired) the read goes on as
   * for an account without a snapshot.
   */
  private readBack(s: AccountState): Promise<void> {
    s.readingBack ??= this.store
      .load(s.key)
      .then(
        (data) => {
          if (!data || s.current) return;
          this.keep(s, adopt(data, undefined));
          this.logger.debug({ account: s.key, version: data.version }, "snapshot of %s read back from the store", s.key);
        },
        (error: unknown) => this.logger.warn({ err: error, account: s.key }, "could not read a dropped snapshot back from the store; listing the account instead"),
      )
      .finally(() => (s.readingBack = undefined));
    return s.readingBack;
  }

  /** One listing within its bounds: the page cap, the time budget, the breaker, and the gateway's stop. */
  private async list(s: AccountState): Promise<AccountSnapshot> {
    // On Date.now's clock, not `now`: the budget's timer runs in real time, and the rate-limit waits it bounds too.
    const deadlineAt = Date.now() + this.policy.listingBudgetMs;
    const budget = AbortSignal.timeout(this.policy.listingBudgetMs);
    const signal = AbortSignal.any([budget, this.stopping.signal]);
    let inventory;
    try {
      inventory = await s.breaker.execute(() => s.account.listInventory({ signal, deadlineAt, maxPages: this.policy.maxPages }));
    } catch (error) {
      throw budget.aborted ? this.budgetSpent(s) : error;
    }
    return AccountSnapshot.fromInventory(s.account.provider, s.account.accountId, inventory, this.now());
  }

  private async waitFor(s: AccountState, refresh: Promise<AccountSnapshot>, deadlineAt: number): Promise<{ snapshot: AccountSnapshot } | { error: UpstreamError }> {
    const remaining = deadlineAt - this.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<{ error: UpstreamError }>((resolve) => {
      timer = setTimeout(() => resolve({ error: this.deadlinePassed(s) }), Math.max(0, remaining));
      timer.unref();
    });
    try {
      return await Promise.race([
        refresh.then(
          (snapshot) => ({ snapshot }),
          (error: unknown) => ({ error: this.asUpstream(s, error) }),
        ),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private asUpstream(s: AccountState, error: unknown): UpstreamError {
    const { provider, accountId } = s.account;
    if (error instanceof UpstreamError) return error;
    if (error instanceof BrokenCircuitError) {
      const last = s.failure?.error;
      return new UpstreamError(
        provider,
        last?.code ?? "UPSTREAM_UNAVAILABLE",
        `${providerLabel[provider]} account ${accountId} failed ${this.policy.breakerFailures} listings in a row, so it is left alone for ${Math.round(this.policy.breakerCooldownMs / 1000)} s before the next try${last ? ` (last: ${last.message})` : ""}.`,
        { accountId, status: last?.details.status },
      );
    }
    this.logger.error({ err: error, provider, accountId }, "listing failed unexpectedly");
    return new UpstreamError(provider, "UPSTREAM_BAD_RESPONSE", `${providerLabel[provider]} account ${accountId} failed unexpectedly; the gateway log has the cause.`, { accountId });
  }

  private budgetSpent(s: AccountState): UpstreamError {
    const { provider, accountId } = s.account;
    return new UpstreamError(
      provider,
      "UPSTREAM_TIMEOUT",
      `${providerLabel[provider]} account ${accountId} did not finish listing within its budget of ${Math.round(this.policy.listingBudgetMs / 1000)} s (NUMBERGRAPH_LISTING_BUDGET_SECONDS); stopped. Retry later, or raise the budget for a very large account.`,
      { accountId },
    );
  }

  private deadlinePassed(s: AccountState): UpstreamError {
    const { provider, accountId } = s.account;
    return new UpstreamError(
      provider,
      "UPSTREAM_TIMEOUT",
      `${providerLabel[provider]} account ${accountId} did not answer within the request deadline of ${Math.round(this.policy.deadlineMs / 1000)} s (NUMBERGRAPH_DEADLINE_SECONDS); its listing goes on in the background, so ask again shortly.`,
      { accountId },
    );
  }

  private notYet(s: AccountState): UpstreamError {
    const { provider, accountId } = s.account;
    return new UpstreamError(provider, "UPSTREAM_UNAVAILABLE", `${providerLabel[provider]} account ${accountId} has no snapshot yet; ask again shortly.`, { accountId });
  }
}

/** Index stored data unless it is what we already hold (then only the time stamp moves). */
function adopt(data: SnapshotData, previous: AccountSnapshot | undefined): AccountSnapshot {
  if (data instanceof AccountSnapshot && !previous) return data;
  if (previous && previous.version === data.version) return data.fetchedAt === previous.fetchedAt ? previous : previous.restamped(data.fetchedAt);
  return data instanceof AccountSnapshot ? data : AccountSnapshot.fromData(data);
}

export function ageSeconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 100) / 10);
}

function breakerState(state: CircuitState): AccountStatus["breaker"] {
  return state === CircuitState.Closed ? "closed" : state === CircuitState.HalfOpen ? "half-open" : "open";
}

function noop(): void {}
