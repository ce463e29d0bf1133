import type { RequestCacheKey } from "../plugin/response-cache/http-front.js";
import type { SnapshotReader } from "../snapshots/snapshot-reader.js";

/** What every resolver gets: this request's window onto the snapshots (its accounts only). */
export interface GraphContext {
  snapshots: SnapshotReader;
  /** Set when the response cache's front door read this request and found no answer: the plugin stores one under it. */
  requestCacheKey?: RequestCacheKey;
}
