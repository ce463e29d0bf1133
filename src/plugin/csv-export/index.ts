import { stringify } from "csv-stringify";
import cors from "cors";
import { Router, type Request, type Response } from "express";
import type { GraphQLInputType } from "graphql";
import { BadUserInputError, GatewayError } from "../../errors/gateway-errors.js";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { NumberRecord } from "../../model/index.js";
import type { SnapshotReader } from "../../snapshots/snapshot-reader.js";
import { mergeSorted } from "../../snapshots/sort-order.js";
import { CSV_COLUMNS, csvRow } from "./csv-columns.js";
import { ExportFilterError, parseExportFilter } from "./export-filter.js";

export const CSV_EXPORT_PATH = "/export/phone-numbers.csv";
/** `extensions.freshness` of the accounts exported, as JSON (docs/freshness.md's entries). */
export const FRESHNESS_HEADER = "Numbergraph-Freshness";
/** With partial=true: the accounts left out because they have no usable snapshot, as JSON. */
export const MISSING_HEADER = "Numbergraph-Missing-Accounts";

export interface CsvExportOptions {
  /** The schema's PhoneNumberFilter, so `filter` takes exactly what the graph takes. */
  filterType: GraphQLInputType;
  /**
   * This request's window onto the snapshots, scoped by its gateway key exactly as /graphql does;
   * throws the same GatewayError (HTTP 401) for a missing or unknown key.
   */
  readerFor(req: Request): SnapshotReader;
  logger: { warn(message: string): void };
}

/**
 * The CSV export (docs/graph-semantics.md): every number the caller's key may see, streamed from the snapshots row by
 * row (memory does not grow with the inventory), in the graph's stable order. Before the first
 * byte it knows which accounts are stale or missing: freshness goes in a header, and an account in
 * scope without a usable snapshot makes it a 503 naming that account unless `partial=true`.
 */
export function csvExportRouter(options: CsvExportOptions): Router {
  const router = Router();
  router.get(CSV_EXPORT_PATH, cors({ exposedHeaders: [FRESHNESS_HEADER, MISSING_HEADER] }), (req, res, next) => {
    exportCsv(req, res, options).catch(next);
  });
  return router;
}

async function exportCsv(req: Request, res: Response, options: CsvExportOptions): Promise<void> {
  let reader: SnapshotReader;
  try {
    reader = options.readerFor(req);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    for (const [name, value] of error.httpHeaders) res.set(name, value);
    res.status(error.httpStatus ?? 400).json(error.responseBody());
    return;
  }
  let filter;
  try {
    filter = parseExportFilter(req.query.filter, options.filterType);
  } catch (error) {
    if (!(error instanceof ExportFilterError)) throw error;
    res.status(400).json(new BadUserInputError(error.message, "filter").responseBody());
    return;
  }
  const partial = req.query.partial === "true";

  const snapshots = await reader.snapshotsOf(reader.accountsOf(filter.providers, filter.accountIds));
  const missing = reader.failures.list().flatMap(({ error, accountIds }) => accountIds.map((accountId) => ({ provider: error.provider, accountId, code: error.code, message: error.message })));
  if (missing.length && !partial) {
    const names = missing.map((m) => `${m.provider} account ${m.accountId} (${m.code}: ${m.message})`).join("; ");
    res
      .status(503)
      .set("retry-after", "30")
      .json({
        errors: [{ message: `No usable snapshot of ${names}. Retry later, or add partial=true to export the other accounts' numbers without it.`, extensions: { code: missing[0]!.code, accounts: missing } }],
      });
    return;
  }

  res.status(200);
  res.set({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="phone-numbers.csv"',
    "cache-control": "no-store",
    [FRESHNESS_HEADER]: headerJson(reader.freshness()),
  });
  if (missing.length) res.set(MISSING_HEADER, headerJson(missing));

  const lists = snapshots.map((snapshot) => snapshot.matching(filter));
  // Every account's matching numbers as one stream in the graph's order, each with its own account's pools.
  function* rows(): Generator<string[]> {
    for (const { list, index } of mergeSorted(lists)) {
      const item: NumberRecord = lists[list]!.items[index]!;
      yield csvRow(item, snapshots[list]!.poolsListing(item.e164));
    }
  }
  // Readable.from pulls a row only when the socket has room: backpressure keeps memory flat.
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...CSV_COLUMNS], quoted_match: /^'/ }), res).catch((error: unknown) => {
    // A client that hangs up mid-download is not a gateway failure.
    if ((error as { code?: string }).code !== "ERR_STREAM_PREMATURE_CLOSE") options.logger.warn(`CSV export failed mid-stream: ${(error as Error).message}`);
  });
}

/** JSON that is a valid HTTP header value: provider messages may hold "—" and other non-ASCII text. */
function headerJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
