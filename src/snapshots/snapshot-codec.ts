import { Packr } from "msgpackr";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { SnapshotData } from "./account-snapshot.js";

/**
 * Snapshots as bytes for a shared store: MessagePack (Dates stay Dates, `undefined` stays
 * `undefined`; records share their keys' structure), deflated when that makes it smaller, behind
 * one byte saying which. The format byte lets a later encoding change without misreading old keys.
 */
const RAW = 1;
const DEFLATED = 2;
/** Below this, deflating costs more CPU than the bytes it saves are worth. */
const DEFLATE_FROM_BYTES = 4_096;

const packr = new Packr({ useRecords: true, moreTypes: false });

export function encodeSnapshot(snapshot: SnapshotData): Buffer {
  // Only the data: an AccountSnapshot's indexes are rebuilt by whoever reads it.
  const { provider, accountId, version, fetchedAt, numbers, pools } = snapshot;
  const packed = packr.pack({ provider, accountId, version, fetchedAt, numbers, pools });
  if (packed.length >= DEFLATE_FROM_BYTES) {
    const deflated = deflateRawSync(packed, { level: 1 });
    if (deflated.length < packed.length) return Buffer.concat([Buffer.of(DEFLATED), deflated]);
  }
  return Buffer.concat([Buffer.of(RAW), packed]);
}

/** The snapshot in `bytes`; throws on bytes this version cannot read. */
export function decodeSnapshot(bytes: Buffer): SnapshotData {
  const format = bytes[0];
  const body = bytes.subarray(1);
  if (format === RAW) return packr.unpack(body) as SnapshotData;
  if (format === DEFLATED) return packr.unpack(inflateRawSync(body)) as SnapshotData;
  throw new Error(`unknown snapshot encoding ${String(format)}`);
}
