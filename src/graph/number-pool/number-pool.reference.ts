import { tryDecodeGlobalId, type PoolRecord } from "../../model/index.js";
import type { GraphContext } from "../context.js";
import { poolById } from "./number-pool.service.js";

/** Federation: a NumberPool entity by its `@key(fields: "id")`, from the caller's snapshots; null when unknown. */
export function resolveNumberPoolReference(reference: { id: string }, { snapshots }: GraphContext): Promise<PoolRecord | null> | null {
  const id = tryDecodeGlobalId(reference.id);
  return id?.type === "NumberPool" ? poolById(snapshots, id) : null;
}
