import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { NumberRecord, PoolRecord } from "../../model/index.js";
import type { GraphContext } from "../context.js";
import { numberById } from "../phone-number/phone-number.service.js";
import { poolById } from "../number-pool/number-pool.service.js";
import { decodeGlobalId } from "./global-id.js";
import { Node } from "./node.type.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any PhoneNumber or NumberPool by its id; null when unknown." })
  async node(@Ctx() { snapshots }: GraphContext, @Arg("id", () => ID, { description: "A PhoneNumber or NumberPool id." }) id: string): Promise<NumberRecord | PoolRecord | null> {
    const globalId = decodeGlobalId(id);
    return globalId.type === "PhoneNumber" ? numberById(snapshots, globalId) : poolById(snapshots, globalId);
  }
}
