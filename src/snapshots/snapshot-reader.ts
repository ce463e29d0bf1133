import DataLoader from "dataloader";
import { accountKey, type Provider, type ProviderAccount } from "../model/index.js";
import type { AccountSnapshot } from "./account-snapshot.js";
import { ageSeconds, type FreshnessNeed, type SnapshotService } from "./snapshot-service.js";
import { UpstreamFailures } from "./upstream-failures.js";

/** `extensions.freshness`: one entry per account a response read (docs/freshness.md). */
export interface FreshnessEntry {
  provider: Provider;
  accountId: string;
  fetchedAt: string;
  ageSeconds: number;
  stale: boolean;
  error?: { code: string; message: string };
}

export interface ReadOptions {
  need: FreshnessNeed;
  /** Epoch ms past which no read waits for upstream data. */
  deadlineAt: number;
}

/**
 * One request's window onto the snapshots: only the accounts the caller's key may see (so every
 * path enforces access by construction), each read at most once per request (a DataLoader keyed
 * by account), with what was read recorded for `extensions.freshness` and what failed for
 * `errors[]`.
 */
export class SnapshotReader {
  readonly failures = new UpstreamFailures();
  private readonly accountsByKey: Map<string, ProviderAccount>;
  private readonly read = new Map<string, AccountSnapshot>();
  private readonly stale = new Map<string, { code: string; message: string }>();
  private readonly loader: DataLoader<string, AccountSnapshot | undefined>;

  constructor(
    private readonly service: SnapshotService,
    readonly accounts: readonly ProviderAccount[],
    options: ReadOptions,
  ) {
    this.accountsByKey = new Map(accounts.map((a) => [accountKey(a.provider, a.accountId), a]));
    this.loader = new DataLoader(
      (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const account = this.accountsByKey.get(key)!;
            const result = await service.read(account, options.need, options.deadlineAt);
            if (result.error) {
              this.failures.record(account, result.error);
              return undefined;
            }
            this.read.set(key, result.snapshot);
            if (result.staleBecause) this.stale.set(key, { code: result.staleBecause.code, message: result.staleBecause.message });
            return result.snapshot;
          }),
        ),
      { maxBatchSize: 1_000 },
    );
  }

  /** The caller's accounts, narrowed to `providers` and `accountIds` when given. */
  accountsOf(providers?: readonly Provider[] | null, accountIds?: readonly string[] | null): ProviderAccount[] {
    return this.accounts.filter((a) => (!providers?.length || providers.includes(a.provider)) && (!accountIds?.length || accountIds.includes(a.accountId)));
  }

  /** The snapshots of `accounts` that could be read; the others are recorded as failed. */
  async snapshotsOf(accounts: readonly ProviderAccount[]): Promise<AccountSnapshot[]> {
    const snapshots = await this.loader.loadMany(accounts.map((a) => accountKey(a.provider, a.accountId)));
    snapshots.forEach((s, i) => (s === undefined || s instanceof Error) && this.failures.leftIncomplete(accounts[i]!));
    return snapshots.filter((s): s is AccountSnapshot => s !== undefined && !(s instanceof Error));
  }

  /** One account's snapshot; undefined when outside the caller's scope or failed. */
  async snapshotOf(provider: Provider, accountId: string): Promise<AccountSnapshot | undefined> {
    const key = accountKey(provider, accountId);
    const account = this.accountsByKey.get(key);
    if (!account) return undefined;
    const snapshot = await this.loader.load(key);
    if (!snapshot) this.failures.leftIncomplete(account);
    return snapshot;
  }

  /**
   * The snapshot of an account this request has already read, at once: a record's own account
   * (its pools, its holders) needs no second, asynchronous load — per node of a 1,000-node page,
   * that promise was most of the page's cost.
   */
  snapshotRead(provider: Provider, accountId: string): AccountSnapshot | undefined {
    return this.read.get(accountKey(provider, accountId));
  }

  /** What this request read, for `extensions.freshness`; ages are measured now, so a cached answer's move on. */
  freshness(now = this.service.now()): FreshnessEntry[] {
    return [...this.read.values()].map((s) => freshnessEntry(s, this.stale.get(s.key), now));
  }
}

export function freshnessEntry(snapshot: AccountSnapshot, staleBecause: { code: string; message: string } | undefined, now: number): FreshnessEntry {
  return {
    provider: snapshot.provider,
    accountId: snapshot.accountId,
    fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    ageSeconds: ageSeconds(now - snapshot.fetchedAt),
    stale: staleBecause !== undefined,
    ...(staleBecause ? { error: staleBecause } : {}),
  };
}
