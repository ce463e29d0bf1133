import type { ClassType } from "type-graphql";
import type { Provider } from "../model/index.js";
import { ButterNumberDetails } from "./butter/index.js";
import { HighLevelNumberDetails } from "./highlevel/index.js";
import { TelnyxNumberDetails } from "./telnyx/index.js";
import { ZoomNumberDetails } from "./zoom/index.js";

/** Each provider's GraphQL type for `PhoneNumber.details`; the graph's union is built from these. */
export const NUMBER_DETAILS_TYPES: Record<Provider, ClassType> = {
  HIGHLEVEL: HighLevelNumberDetails,
  TELNYX: TelnyxNumberDetails,
  ZOOM: ZoomNumberDetails,
  BUTTER: ButterNumberDetails,
};
