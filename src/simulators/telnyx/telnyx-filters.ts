import type { TelnyxUsagePaymentMethod, TelnyxWirePhoneNumber } from "./telnyx-data.js";

/** A filter the doc does not allow: the key at fault and what is wrong with it. */
export interface FilterProblem {
  parameter: string;
  detail: string;
}

/** The values the doc's `filter[status]` enum accepts (fewer than the statuses a record can have). */
export const STATUS_FILTER_VALUES = ["purchase-pending", "purchase-failed", "port-pending", "active", "deleted", "port-failed", "emergency-only", "ported-out", "port-out-pending"];
export const NUMBER_TYPE_FILTER_VALUES = ["local", "national", "toll_free", "mobile", "shared_cost"];
const NAME_OPERATORS = ["contains", "starts_with", "ends_with", "eq"] as const;
const SCALAR_FILTERS = new Set(["tag", "without_tags", "phone_number", "status", "connection_id", "voice.usage_payment_method", "billing_group_id", "emergency_address_id", "customer_reference", "source"]);

type Row = TelnyxWirePhoneNumber;
type Test = (row: Row) => boolean;

/**
 * Apply every deepObject `filter[...]` key of a query, as telnyx-list-phone-numbers.md defines
 * them: scalar filters, `filter[country_iso_alpha2]` as one value, repeated keys, `[]`/`[n]` array
 * keys or a comma list (the official SDK's array format), `filter[voice.connection_name][op]` and
 * `filter[number_type][eq]`. Returns the matching rows, or the first problem found.
 */
export function applyFilters(rows: Row[], query: URLSearchParams, usage: ReadonlyMap<string, TelnyxUsagePaymentMethod>): Row[] | FilterProblem {
  const tests: Test[] = [];
  const countries: string[] = [];
  for (const key of new Set(query.keys())) {
    if (!key.startsWith("filter")) continue;
    const match = /^filter\[([^\]]+)\]((?:\[[^\]]*\])*)$/.exec(key);
    if (!match) return { parameter: key, detail: `${key} is not a valid filter; filters are deepObject keys such as filter[status].` };
    const field = match[1]!;
    const operators = [...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    const values = query.getAll(key);
    const value = values[values.length - 1]!;

    if (field === "country_iso_alpha2") {
      if (operators.length > 1 || (operators.length === 1 && !/^\d*$/.test(operators[0]!))) return { parameter: key, detail: "filter[country_iso_alpha2] takes a code or an array of codes." };
      countries.push(...values.flatMap((v) => v.split(",")).map((v) => v.trim().toUpperCase()));
      continue;
    }
    if (field === "voice.connection_name") {
      const operator = operators[0] as (typeof NAME_OPERATORS)[number];
      if (operators.length !== 1 || !NAME_OPERATORS.includes(operator)) return { parameter: key, detail: "filter[voice.connection_name] takes [contains], [starts_with], [ends_with] or [eq]." };
      if (operator !== "eq" && value.length < 3) return { parameter: key, detail: `filter[voice.connection_name][${operator}] requires at least three characters.` };
      const matches = { contains: (n: string) => n.includes(value), starts_with: (n: string) => n.startsWith(value), ends_with: (n: string) => n.endsWith(value), eq: (n: string) => n === value }[operator];
      tests.push((r) => r.connection_name !== null && matches(r.connection_name));
      continue;
    }
    if (field === "number_type") {
      if (operators.length !== 1 || operators[0] !== "eq") return { parameter: key, detail: "filter[number_type] takes [eq]." };
      if (!NUMBER_TYPE_FILTER_VALUES.includes(value)) return { parameter: key, detail: `filter[number_type][eq] must be one of ${NUMBER_TYPE_FILTER_VALUES.join(", ")}.` };
      tests.push((r) => r.phone_number_type === value);
      continue;
    }
    if (!SCALAR_FILTERS.has(field)) return { parameter: key, detail: `filter[${field}] is not a filter of this endpoint.` };
    if (operators.length > 0) return { parameter: key, detail: `filter[${field}] takes a single value, without an operator.` };
    const test = scalarTest(field, value, usage);
    if ("detail" in test) return { parameter: key, detail: test.detail };
    tests.push(test.test);
  }
  if (countries.length > 0) {
    const codes = new Set(countries);
    tests.push((r) => codes.has(r.country_iso_alpha2));
  }
  return rows.filter((row) => tests.every((test) => test(row)));
}

function scalarTest(field: string, value: string, usage: ReadonlyMap<string, TelnyxUsagePaymentMethod>): { test: Test } | { detail: string } {
  switch (field) {
    case "status":
      if (!STATUS_FILTER_VALUES.includes(value)) return { detail: `filter[status] must be one of ${STATUS_FILTER_VALUES.join(", ")}.` };
      return { test: (r) => r.status === value };
    case "phone_number":
      if (value.replace(/\D/g, "").length < 3) return { detail: "filter[phone_number] requires at least three digits." };
      // "Non-numerical characters will result in no values being returned."
      if (!/^\d+$/.test(value)) return { test: () => false };
      return { test: (r) => r.phone_number.includes(value) };
    case "source":
      if (value !== "ported" && value !== "purchased") return { detail: "filter[source] must be ported or purchased." };
      return { test: (r) => r.source_type === (value === "ported" ? "port_request" : "number_order") };
    case "tag":
      return { test: (r) => r.tags.includes(value) };
    case "without_tags":
      // "When set to 'true', filters for phone numbers that do not have any tags applied. All other values are ignored."
      return { test: (r) => value !== "true" || r.tags.length === 0 };
    case "voice.usage_payment_method":
      if (value !== "pay-per-minute" && value !== "channel") return { detail: "filter[voice.usage_payment_method] must be pay-per-minute or channel." };
      return { test: (r) => usage.get(r.id) === value };
    default: {
      // connection_id, billing_group_id, emergency_address_id, customer_reference; 'null' means none.
      const column = field as "connection_id" | "billing_group_id" | "emergency_address_id" | "customer_reference";
      return { test: (r) => (value === "null" && column !== "connection_id" && column !== "customer_reference" ? r[column] === null : r[column] === value) };
    }
  }
}
