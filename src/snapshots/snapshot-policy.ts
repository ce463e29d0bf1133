/** How snapshots are kept fresh and bounded (docs/freshness.md, where the NUMBERGRAPH_* variables are). */
export interface SnapshotPolicy {
  /** NUMBERGRAPH_CACHE_TTL_SECONDS: how long a snapshot is fresh; then served at once while one refresh runs. 0: every request revalidates. */
  ttlMs: number;
  /** NUMBERGRAPH_STALE_IF_ERROR_SECONDS: how old a snapshot may be served, marked stale, while refreshes fail. */
  staleIfErrorMs: number;
  /** NUMBERGRAPH_MIN_REFRESH_SECONDS: no account is listed more often than this, whatever callers ask. */
  minRefreshMs: number;
  /** NUMBERGRAPH_DEADLINE_SECONDS: the longest a request waits for upstream data. */
  deadlineMs: number;
  /** NUMBERGRAPH_MAX_PAGES: the most pages one listing of one account may fetch. */
  maxPages: number;
  /** NUMBERGRAPH_LISTING_BUDGET_SECONDS: the longest one listing may run, in the background too. */
  listingBudgetMs: number;
  /**
   * NUMBERGRAPH_CACHE_MAX_MB (with REDIS_URL; default 512 MB there): the most memory, estimated, spent on
   * in-process copies of snapshots. Past it the least recently read accounts are dropped and read back
   * from the store when next asked for. Infinity: no bound (the default without Redis).
   */
  maxCacheBytes: number;
  /** Consecutive failed listings that open an account's circuit breaker. */
  breakerFailures: number;
  /** How long an open breaker leaves the account alone before one probe. */
  breakerCooldownMs: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = {
  ttlMs: 60_000,
  staleIfErrorMs: 86_400_000,
  minRefreshMs: 5_000,
  deadlineMs: 20_000,
  maxPages: 2_000,
  listingBudgetMs: 300_000,
  maxCacheBytes: Infinity,
  breakerFailures: 3,
  breakerCooldownMs: 30_000,
};
