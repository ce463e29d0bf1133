import type { SnapshotReader } from "../snapshots/snapshot-reader.js";

/** What every resolver gets: this request's window onto the snapshots (its accounts only). */
export interface GraphContext {
  snapshots: SnapshotReader;
}
