import type { NumberQuery } from "../../model/index.js";
import { STATUS_TABLE, TYPE_TABLE } from "./telnyx-mapping.js";
import { TELNYX_NUMBER_TYPE_FILTER_VALUES, TELNYX_STATUS_FILTER_VALUES } from "./telnyx-wire.js";

/**
 * The `filter[...]` parameters that select exactly the numbers `query` asks for, and nothing that
 * would drop a number the graph's local filter keeps. What Telnyx cannot say exactly is left out:
 * - `search`: `filter[phone_number]` needs three digits and is not documented as "digits anywhere";
 * - `assigned`, `capabilities`: no filter for "has a connection" or for what we derive capabilities from;
 * - a status or type that more than one Telnyx value maps to (PENDING, INACTIVE, LOCAL, TOLL_FREE
 *   with legacy `tollfree`), or whose one value the filter's enum does not accept.
 */
export function telnyxPushdown(query: NumberQuery): [string, string][] {
  const filters: [string, string][] = [];
  // One value or an array; a comma list is the array format Telnyx's own SDK sends.
  if (query.countryCodes?.length) filters.push(["filter[country_iso_alpha2]", [...new Set(query.countryCodes.map((c) => c.toUpperCase()))].join(",")]);
  const status = onlyWireValue(query.statuses, STATUS_TABLE, TELNYX_STATUS_FILTER_VALUES);
  if (status) filters.push(["filter[status]", status]);
  const type = onlyWireValue(query.numberTypes, TYPE_TABLE, TELNYX_NUMBER_TYPE_FILTER_VALUES);
  if (type) filters.push(["filter[number_type][eq]", type]);
  return filters;
}

/** The one wire value mapping to the one requested unified value, if the filter accepts it. */
function onlyWireValue<V extends string>(requested: readonly V[] | undefined, table: Readonly<Record<string, V>>, accepted: readonly string[]): string | undefined {
  if (requested?.length !== 1) return undefined;
  const wires = Object.entries(table).filter(([, unified]) => unified === requested[0]);
  return wires.length === 1 && accepted.includes(wires[0]![0]) ? wires[0]![0] : undefined;
}
