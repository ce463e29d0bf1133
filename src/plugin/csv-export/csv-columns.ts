import type { NumberRecord, PoolRecord } from "../../model/index.js";
import { exactE164, spreadsheetSafe } from "./spreadsheet-safe.js";

/** The export's columns: the twelve the contract fixes first (docs/graph-semantics.md), then what else an analyst filters by. */
export const CSV_COLUMNS = [
  "id",
  "e164",
  "provider",
  "providerId",
  "accountId",
  "countryCode",
  "numberType",
  "status",
  "assigned",
  "assigneeType",
  "assigneeName",
  "pools",
  "displayName",
  "assigneeId",
  "extensionNumber",
  "voice",
  "sms",
  "mms",
  "fax",
  "inbound",
  "outbound",
  "tags",
  "createdAt",
  "updatedAt",
] as const;

/** Lists inside one cell (pool names, tags) are joined with this. */
export const LIST_SEPARATOR = "; ";

/** true / false, and empty where the provider does not say. */
const flag = (value: boolean | null) => (value === null ? "" : String(value));

/**
 * One number as a CSV row, in CSV_COLUMNS order. Every text a provider's user typed (names, pool
 * names, tags, labels, ids they may choose) goes through spreadsheetSafe; e164 stays exact.
 */
export function csvRow(n: NumberRecord, pools: readonly PoolRecord[]): string[] {
  // Only some providers' details carry tags (Telnyx's); the column is empty for the rest.
  const tags = "tags" in n.details && Array.isArray(n.details.tags) ? (n.details.tags as unknown[]).filter((t): t is string => typeof t === "string") : [];
  return [
    n.id,
    exactE164(n.e164),
    n.provider,
    spreadsheetSafe(n.providerId),
    spreadsheetSafe(n.accountId),
    n.countryCode ?? "",
    n.numberType,
    n.status,
    String(n.assigned),
    n.assignee?.type ?? "",
    spreadsheetSafe(n.assignee?.name),
    // Each name too: a spreadsheet that splits on ";" must not find a formula at the start of a piece.
    spreadsheetSafe(pools.map((p) => spreadsheetSafe(p.name)).join(LIST_SEPARATOR)),
    spreadsheetSafe(n.displayName),
    spreadsheetSafe(n.assignee?.id),
    spreadsheetSafe(n.assignee?.extensionNumber),
    flag(n.capabilities.voice),
    flag(n.capabilities.sms),
    flag(n.capabilities.mms),
    flag(n.capabilities.fax),
    flag(n.capabilities.inbound),
    flag(n.capabilities.outbound),
    spreadsheetSafe(tags.map(spreadsheetSafe).join(LIST_SEPARATOR)),
    n.createdAt?.toISOString() ?? "",
    n.updatedAt?.toISOString() ?? "",
  ];
}
