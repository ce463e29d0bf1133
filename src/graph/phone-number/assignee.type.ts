import { Field, ID, ObjectType } from "type-graphql";
import type { AssigneeType } from "../../model/index.js";
import { AssigneeTypeEnum } from "../common/enums.js";

@ObjectType({ description: "Who or what answers a number." })
export class Assignee {
  @Field(() => ID, { description: "The provider's own id of the assignee (user, queue, agent, pool, connection …)." })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => AssigneeTypeEnum)
  type!: AssigneeType;

  @Field(() => String, { nullable: true })
  extensionNumber!: string | null;
}
