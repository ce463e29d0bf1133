import { Field, Int, ObjectType } from "type-graphql";
import type { AssigneeType, NumberStatus, NumberType, Provider } from "../../model/index.js";
import { typically } from "../common/complexity.js";
import { AssigneeTypeEnum, NumberStatusEnum, NumberTypeEnum, ProviderEnum } from "../common/enums.js";

const setWhenGrouped = (what: string, nullMeans = "") => `${what}; set when grouped by it, null otherwise${nullMeans}.`;

@ObjectType({ simpleResolvers: true, description: "The numbers that share one value of every grouped-by dimension, and how many they are." })
export class NumberGroup {
  @Field(() => Int, { description: "How many numbers are in this group." })
  count!: number;

  @Field(() => ProviderEnum, { nullable: true, description: setWhenGrouped("The provider (PROVIDER)") })
  provider?: Provider | null;

  @Field(() => String, { nullable: true, description: setWhenGrouped("The account id (ACCOUNT)") })
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: setWhenGrouped("The ISO 3166-1 alpha-2 country (COUNTRY)", "; also null, when grouped by it, for numbers whose country is not known") })
  countryCode?: string | null;

  @Field(() => NumberTypeEnum, { nullable: true, description: setWhenGrouped("The number type (NUMBER_TYPE)") })
  numberType?: NumberType | null;

  @Field(() => NumberStatusEnum, { nullable: true, description: setWhenGrouped("The status (STATUS)") })
  status?: NumberStatus | null;

  @Field(() => Boolean, { nullable: true, description: setWhenGrouped("Whether something answers the numbers (ASSIGNED)") })
  assigned?: boolean | null;

  @Field(() => AssigneeTypeEnum, { nullable: true, description: setWhenGrouped("What answers the numbers (ASSIGNEE_TYPE)", "; also null, when grouped by it, for unassigned numbers") })
  assigneeType?: AssigneeType | null;

  @Field(() => Boolean, { nullable: true, description: setWhenGrouped("Whether the numbers are in at least one pool (IN_POOL)") })
  inPool?: boolean | null;
}

@ObjectType({ simpleResolvers: true, description: "Grouped counts of the numbers the caller may see that match a filter, read from the snapshots." })
export class NumberStats {
  @Field(() => Int, { description: "How many numbers match the filter: the sum of every group's count." })
  total!: number;

  // One group per combination present: a few dozen for provider × country, more for finer groupings.
  @Field(() => [NumberGroup], { complexity: typically(50), description: "One entry per combination of values present, by count, largest first (ties in a stable order)." })
  groups!: NumberGroup[];
}
