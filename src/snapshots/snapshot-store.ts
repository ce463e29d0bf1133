import type { SnapshotData } from "./account-snapshot.js";

/**
 * Where snapshots live beyond one instance's memory, and how refreshes stay single. The snapshot
 * service keeps its own in-process copy and asks the store only on refresh: in-process
 * (`MemorySnapshotStore`) the store is a map and a promise per account; on Redis it is shared by
 * every instance, so the fleet lists an account once.
 */
export interface SnapshotStore {
  /** The newest snapshot of the account (`provider/accountId`) the store holds, if any. */
  load(accountKey: string): Promise<SnapshotData | undefined>;
  /** Keep a new snapshot (and let other holders of the store learn of it). */
  save(snapshot: SnapshotData): Promise<void>;
  /**
   * Run `refresh` as the one refresh of the account in flight; callers that come while one runs
   * share its outcome instead of starting their own.
   */
  singleFlight<T>(accountKey: string, refresh: () => Promise<T>): Promise<T>;
  /** Whether `load` can answer now (Redis reachable); a store without it always can. */
  reachable?(): boolean;
  close?(): Promise<void>;
}

/** The store of one process: what `REDIS_URL` unset means. */
export class MemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, SnapshotData>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  async load(accountKey: string): Promise<SnapshotData | undefined> {
    return this.snapshots.get(accountKey);
  }

  async save(snapshot: SnapshotData): Promise<void> {
    this.snapshots.set(`${snapshot.provider}/${snapshot.accountId}`, snapshot);
  }

  singleFlight<T>(accountKey: string, refresh: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(accountKey);
    if (running) return running as Promise<T>;
    const started = refresh().finally(() => this.inFlight.delete(accountKey));
    this.inFlight.set(accountKey, started);
    return started;
  }
}
