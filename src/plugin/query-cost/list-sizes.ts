import { DEFAULT_FIRST, MAX_FIRST } from "../../graph/connection/paginate.js";

type Args = Record<string, unknown>;

/**
 * How many items a list field is expected to hold, by `Type.field`, before the query runs. Sizes
 * the arguments fix are exact (`first`, `ids`, `representations`); the others are generous typical
 * sizes, since a pool or a number's other holdings are small in practice.
 */
const LIST_SIZES: Readonly<Record<string, (args: Args) => number>> = {
  // A connection's whole selection is multiplied by its page size here, so its edges and nodes count once.
  "Query.phoneNumbers": (args) => pageSize(args.first),
  "Query.numberPools": (args) => pageSize(args.first),
  "PhoneNumberConnection.edges": () => 1,
  "PhoneNumberConnection.nodes": () => 1,
  "NumberPoolConnection.edges": () => 1,
  "NumberPoolConnection.nodes": () => 1,
  "Query.phoneNumbersByIds": (args) => lengthOf(args.ids),
  "Query.numberPoolsByIds": (args) => lengthOf(args.ids),
  "Query._entities": (args) => lengthOf(args.representations),
  "PhoneNumber.pools": () => 2,
  "PhoneNumber.alsoHeldAt": () => 2,
  "DialNumber.holdings": () => 4,
  "NumberPool.numbers": () => 25,
};

/** Any other list of objects. */
const OTHER_LIST_SIZE = 10;

/** The items `Type.field` is expected to return: its table entry, else 10 for a list and 1 for anything else. */
export function expectedItems(typeName: string, fieldName: string, args: Args, isList: boolean): number {
  return LIST_SIZES[`${typeName}.${fieldName}`]?.(args) ?? (isList ? OTHER_LIST_SIZE : 1);
}

/** Out-of-range `first` is priced as its nearest valid value: the resolver then says what is wrong with it. */
function pageSize(first: unknown): number {
  return typeof first === "number" && Number.isFinite(first) ? Math.min(MAX_FIRST, Math.max(1, Math.trunc(first))) : DEFAULT_FIRST;
}

function lengthOf(list: unknown): number {
  return Array.isArray(list) ? list.length : 1;
}
