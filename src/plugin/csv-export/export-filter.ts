import { coerceInputValue, GraphQLError, type GraphQLInputType } from "graphql";
import { normaliseNumberFilter, type PhoneNumberFilter } from "../../graph/phone-number/phone-number-filter.input.js";
import type { NumberFilter } from "../../snapshots/number-filter.js";

/** A bad `filter` parameter: the message says what to change. */
export class ExportFilterError extends Error {}

/**
 * The `filter` query parameter: a PhoneNumberFilter as JSON, checked by the schema's own input type
 * (so it takes exactly what `phoneNumbers(filter:)` takes, with GraphQL's messages) and then
 * normalised as the graph does.
 */
export function parseExportFilter(raw: unknown, filterType: GraphQLInputType): NumberFilter {
  if (raw === undefined) return {};
  if (typeof raw !== "string") throw new ExportFilterError('Give filter once, as one JSON object, e.g. filter={"providers":["TELNYX"]}.');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new ExportFilterError(`filter is not valid JSON (${(error as Error).message}); send a PhoneNumberFilter as JSON, e.g. filter={"providers":["TELNYX"],"assigned":false}, URL-encoded.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ExportFilterError(`filter must be a JSON object (a PhoneNumberFilter), e.g. {"countryCodes":["US"]}; got ${JSON.stringify(value)}.`);
  }
  const problems: string[] = [];
  const input = coerceInputValue(value, filterType, (path, _invalid, error) => {
    problems.push(`filter${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}: ${error.message}`);
  }) as PhoneNumberFilter;
  if (problems.length) throw new ExportFilterError(`${problems.join(" ")} The filter takes the fields of PhoneNumberFilter (see the schema docs at /graphql).`);
  try {
    return normaliseNumberFilter(input);
  } catch (error) {
    if (error instanceof GraphQLError) throw new ExportFilterError(error.message);
    throw error;
  }
}
