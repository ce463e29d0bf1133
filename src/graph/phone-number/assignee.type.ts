import { Field, ID, ObjectType } from "type-graphql";
import type { AssigneeType } from "../../model/index.js";
import { AssigneeTypeEnum } from "../common/enums.js";

@ObjectType({ simpleResolvers: true, description: "Who or what answers a number." })
export class Assignee {
  @Field(() => ID, { description: "The provider's own id of the assignee (user, queue, agent, pool, connection …)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The assignee's name where the provider lists one: Zoom assignee.name, Telnyx connection_name; null otherwise (HighLevel and Butter list ids only)." })
  name!: string | null;

  @Field(() => AssigneeTypeEnum, { description: "What kind of thing answers: a user, queue, agent, connection, pool …" })
  type!: AssigneeType;

  @Field(() => String, { nullable: true, description: "The assignee's extension (Zoom assignee.extension_number, as text); null when it has none or the provider has no extensions." })
  extensionNumber!: string | null;
}
