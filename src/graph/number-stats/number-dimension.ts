import { registerEnumType } from "type-graphql";
import type { AssigneeType, NumberRecord, NumberStatus, NumberType, Provider } from "../../model/index.js";

export const NUMBER_DIMENSIONS = ["PROVIDER", "ACCOUNT", "COUNTRY", "NUMBER_TYPE", "STATUS", "ASSIGNED", "ASSIGNEE_TYPE", "IN_POOL"] as const;
export type NumberDimension = (typeof NUMBER_DIMENSIONS)[number];

export const NumberDimensionEnum = Object.fromEntries(NUMBER_DIMENSIONS.map((d) => [d, d])) as { [K in NumberDimension]: K };

registerEnumType(NumberDimensionEnum, {
  name: "NumberDimension",
  description: "A property numbers are grouped by in numberStats.",
  valuesConfig: {
    PROVIDER: { description: "NumberGroup.provider." },
    ACCOUNT: { description: "NumberGroup.accountId (with provider, since account ids are per provider: group by PROVIDER too to tell them apart)." },
    COUNTRY: { description: "NumberGroup.countryCode; null for numbers whose country is not known." },
    NUMBER_TYPE: { description: "NumberGroup.numberType." },
    STATUS: { description: "NumberGroup.status." },
    ASSIGNED: { description: "NumberGroup.assigned." },
    ASSIGNEE_TYPE: { description: "NumberGroup.assigneeType; null for unassigned numbers." },
    IN_POOL: { description: "NumberGroup.inPool: whether the number is in at least one pool (PhoneNumber.pools is not empty)." },
  },
});

/** One number's values along every dimension; `inPool` comes from its snapshot's pool index. */
export interface GroupValues {
  provider: Provider;
  accountId: string;
  countryCode: string | null;
  numberType: NumberType;
  status: NumberStatus;
  assigned: boolean;
  assigneeType: AssigneeType | null;
  inPool: boolean;
}

const FIELD_OF: Record<NumberDimension, keyof GroupValues> = {
  PROVIDER: "provider",
  ACCOUNT: "accountId",
  COUNTRY: "countryCode",
  NUMBER_TYPE: "numberType",
  STATUS: "status",
  ASSIGNED: "assigned",
  ASSIGNEE_TYPE: "assigneeType",
  IN_POOL: "inPool",
};

export function fieldOf(dimension: NumberDimension): keyof GroupValues {
  return FIELD_OF[dimension];
}

export function groupValuesOf(n: NumberRecord, inPool: boolean): GroupValues {
  return {
    provider: n.provider,
    accountId: n.accountId,
    countryCode: n.countryCode,
    numberType: n.numberType,
    status: n.status,
    assigned: n.assigned,
    assigneeType: n.assignee?.type ?? null,
    inPool,
  };
}
