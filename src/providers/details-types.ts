import type { ClassType } from "type-graphql";
import type { Provider } from "../model/index.js";
import { PROVIDER_DESCRIPTORS } from "./index.js";

/** Each provider's GraphQL type for `PhoneNumber.details`; the graph's union is built from these. */
export const NUMBER_DETAILS_TYPES = Object.fromEntries(PROVIDER_DESCRIPTORS.map((d) => [d.provider, d.detailsType])) as Record<Provider, ClassType>;

/** The union's members, in the providers' list order. */
export const NUMBER_DETAILS_TYPE_LIST = PROVIDER_DESCRIPTORS.map((d) => d.detailsType) as [ClassType, ...ClassType[]];
