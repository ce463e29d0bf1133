import { createUnionType } from "type-graphql";
import type { ProviderDetails } from "../../model/index.js";
import { NUMBER_DETAILS_TYPE_LIST, NUMBER_DETAILS_TYPES } from "../../providers/details-types.js";

/** The union member of a number's details: its provider's details type. */
export const detailsTypeName = (value: unknown): string => NUMBER_DETAILS_TYPES[(value as ProviderDetails).provider].name;

/** Each provider's own fields for a number, whole (secrets excepted). */
export const ProviderNumberDetails = createUnionType({
  name: "ProviderNumberDetails",
  description: "The provider's own record of the number: one type per provider.",
  types: () => NUMBER_DETAILS_TYPE_LIST,
  resolveType: detailsTypeName,
});
