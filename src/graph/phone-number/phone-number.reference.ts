import { tryDecodeGlobalId, type NumberRecord } from "../../model/index.js";
import type { GraphContext } from "../context.js";
import { numberById } from "./phone-number.service.js";

/** Federation: a PhoneNumber entity by its `@key(fields: "id")`, from the caller's snapshots; null when unknown. */
export function resolvePhoneNumberReference(reference: { id: string }, { snapshots }: GraphContext): Promise<NumberRecord | null> | null {
  const id = tryDecodeGlobalId(reference.id);
  return id?.type === "PhoneNumber" ? numberById(snapshots, id) : null;
}
