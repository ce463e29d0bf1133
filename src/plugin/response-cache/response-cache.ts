import { LRUCache } from "lru-cache";
import type { ProviderAccount } from "../../model/index.js";
import type { AccountSnapshot } from "../../snapshots/account-snapshot.js";
import { freshnessEntry, type FreshnessEntry } from "../../snapshots/snapshot-reader.js";
import type { FreshnessNeed, SnapshotService } from "../../snapshots/snapshot-service.js";

/** What the cache did, for metrics: answers served from it, looked up and not found, not eligible, stored. */
export interface ResponseCacheCounts {
  hits: number;
  misses: number;
  /** Requests that could not use the cache (no-cache, max-age below a snapshot's age, an account without a servable snapshot). */
  bypassed: number;
  stored: number;
}

export function newResponseCacheCounts(): ResponseCacheCounts {
  return { hits: 0, misses: 0, bypassed: 0, stored: 0 };
}

export const DEFAULT_RESPONSE_CACHE_MB = 64;

/** An answer stored by operation (document hash, operation name, canonical variables, scope, versions). */
export interface OperationAnswer {
  kind: "operation";
  /**
   * The data as UTF-8 JSON, in a Buffer: its memory is its length, so the byte bound holds (an
   * object graph would be several times it), and it lies outside V8's heap, whose garbage grows
   * with what lives in it: kept there, cached answers raised a full walk's peak RSS at 50,000 numbers
   * per account from 550 to ~1,000 MB (bench/RESULTS.md).
   */
  dataJson: Buffer;
  /** The accounts the answer read, in its `extensions.freshness` order. */
  accountKeys: string[];
  bytes: number;
}

/**
 * An answer stored by the exact request bytes (body, scope, Accept) for the HTTP front: the data
 * already serialised, and the version of every snapshot in the scope it was computed under.
 */
export interface RequestAnswer {
  kind: "request";
  dataJson: Buffer;
  contentType: string;
  operationName: string | null;
  /** Every account of the scope, with the snapshot version the answer was computed from. */
  scope: readonly ProviderAccount[];
  versions: readonly string[];
  /** The accounts the answer read, in its `extensions.freshness` order. */
  read: readonly ProviderAccount[];
  bytes: number;
}

/**
 * The cache's memory: one LRU bounded by bytes (NUMBERGRAPH_RESPONSE_CACHE_MB) holding both kinds of
 * entry, so the bound is one figure however the answers were found. The Apollo plugin (`index.ts`)
 * stores and finds answers by operation; the HTTP front (`http-front.ts`) finds repeats of the same
 * request before Apollo runs, which is what a polled dashboard sends.
 */
export class ResponseCache {
  readonly counts: ResponseCacheCounts;
  private readonly entries: LRUCache<string, OperationAnswer | RequestAnswer>;

  private readonly onCount: ((what: keyof ResponseCacheCounts) => void) | undefined;

  constructor(
    readonly snapshots: SnapshotService,
    options: {
      /** NUMBERGRAPH_RESPONSE_CACHE_MB in bytes: least recently used answers are evicted beyond it. */
      maxBytes: number;
      counts?: ResponseCacheCounts;
      /** Told of each count as it moves (metrics); must not throw. */
      onCount?: (what: keyof ResponseCacheCounts) => void;
    },
  ) {
    this.counts = options.counts ?? newResponseCacheCounts();
    this.onCount = options.onCount;
    this.entries = new LRUCache({ maxSize: Math.max(1, Math.floor(options.maxBytes)), sizeCalculation: (answer) => Math.max(1, answer.bytes) });
  }

  count(what: keyof ResponseCacheCounts): void {
    this.counts[what]++;
    this.onCount?.(what);
  }

  /** TTL 0 means every request revalidates: nothing may be answered from memory. */
  get enabled(): boolean {
    return this.snapshots.policy.ttlMs > 0;
  }

  operationAnswer(key: string): OperationAnswer | undefined {
    const answer = this.entries.get(`o${key}`);
    return answer?.kind === "operation" ? answer : undefined;
  }

  storeOperation(key: string, answer: Omit<OperationAnswer, "kind">): void {
    this.entries.set(`o${key}`, { kind: "operation", ...answer });
    this.count("stored");
  }

  storeRequest(key: string, answer: Omit<RequestAnswer, "kind">): void {
    this.entries.set(`r${key}`, { kind: "request", ...answer });
  }

  /**
   * The stored answer to exactly this request, if every snapshot of its scope still has the
   * version it was computed from and is young enough for `need`; with the snapshots it read.
   */
  requestAnswer(key: string, need: FreshnessNeed, now: number): { answer: RequestAnswer; read: ServedSnapshot[] } | undefined {
    const answer = this.entries.get(`r${key}`);
    if (answer?.kind !== "request") return undefined;
    for (let i = 0; i < answer.scope.length; i++) {
      const served = this.snapshots.peekRead(answer.scope[i]!);
      if (!served?.snapshot || served.snapshot.version !== answer.versions[i]) return undefined;
      if (need.maxAgeMs !== undefined && now - served.snapshot.fetchedAt >= need.maxAgeMs) return undefined;
    }
    const read = answer.read.map((account) => servedSnapshot(this.snapshots, account)!);
    return { answer, read };
  }

  /**
   * A hit reads no snapshot through a reader, so it starts the stale-while-revalidate refresh a
   * read would have; and its `extensions.freshness`, with ages as of now.
   */
  servedFrom(read: readonly ServedSnapshot[], now: number): FreshnessEntry[] {
    for (const { account, snapshot } of read) {
      if (now - snapshot.fetchedAt > this.snapshots.policy.ttlMs) void this.snapshots.read(account, {}, now).catch(() => undefined);
    }
    return read.map(({ snapshot, staleBecause }) => freshnessEntry(snapshot, staleBecause, now));
  }
}

/**
 * A snapshot as it is served now. One served stale (its refresh failed, within stale-if-error) has
 * the same version and so the same answers; only its freshness entry says stale, with the error.
 */
export interface ServedSnapshot {
  account: ProviderAccount;
  snapshot: AccountSnapshot;
  staleBecause?: { code: string; message: string };
}

export function servedSnapshot(service: SnapshotService, account: ProviderAccount): ServedSnapshot | undefined {
  const read = service.peekRead(account);
  if (!read?.snapshot) return undefined;
  return read.staleBecause ? { account, snapshot: read.snapshot, staleBecause: { code: read.staleBecause.code, message: read.staleBecause.message } } : { account, snapshot: read.snapshot };
}
