import { Arg, Args, ArgsType, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { NumberRecord, PoolRecord } from "../../model/index.js";
import { connectionPage, onePerId, typically } from "../common/complexity.js";
import { ConnectionArgs } from "../connection/connection-args.js";
import { parseConnectionArgs, type Connection } from "../connection/paginate.js";
import type { GraphContext } from "../context.js";
import { decodeGlobalIdOf } from "../node/global-id.js";
import { PhoneNumber } from "../phone-number/phone-number.type.js";
import { NumberPoolConnection } from "./number-pool-connection.type.js";
import { NumberPoolFilter } from "./number-pool-filter.input.js";
import { NumberPool } from "./number-pool.type.js";
import { membersOf, numberPoolPage, poolById } from "./number-pool.service.js";

@ArgsType()
class NumberPoolsArgs extends ConnectionArgs(NumberPoolFilter) {}

@Resolver(() => NumberPool)
export class NumberPoolResolver {
  @Query(() => NumberPoolConnection, { complexity: connectionPage, description: "HighLevel number pools and Zoom emergency number pools the caller may see." })
  async numberPools(@Ctx() { snapshots }: GraphContext, @Args(() => NumberPoolsArgs) { filter, first, after }: NumberPoolsArgs): Promise<Connection<PoolRecord>> {
    return numberPoolPage(snapshots, filter, parseConnectionArgs({ first, after }));
  }

  @Query(() => NumberPool, { nullable: true, description: "A pool by its id; null when unknown or outside the caller's key." })
  async numberPool(@Ctx() { snapshots }: GraphContext, @Arg("id", () => ID, { description: "A NumberPool id (NumberPool.id)." }) id: string): Promise<PoolRecord | null> {
    return poolById(snapshots, decodeGlobalIdOf("NumberPool", id, "id"));
  }

  @Query(() => [NumberPool], { nullable: "items", complexity: onePerId, description: "Pools by id, in the order of `ids`; null where unknown. Batched: serves schema stitching's type merging." })
  async numberPoolsByIds(@Ctx() { snapshots }: GraphContext, @Arg("ids", () => [ID], { description: "NumberPool ids; the answer keeps their order." }) ids: string[]): Promise<(PoolRecord | null)[]> {
    const decoded = ids.map((id, i) => decodeGlobalIdOf("NumberPool", id, `ids[${i}]`));
    return Promise.all(decoded.map((id) => poolById(snapshots, id)));
  }

  @FieldResolver(() => [PhoneNumber], { complexity: typically(25), description: "Full records of the pool's numbers, in the graph's stable order." })
  async numbers(@Root() pool: PoolRecord, @Ctx() { snapshots }: GraphContext): Promise<readonly NumberRecord[]> {
    return membersOf(snapshots, pool);
  }

  @FieldResolver(() => Int, { description: "How many numbers the pool holds: the length of numbers, counted from the snapshot without fetching them." })
  async numberCount(@Root() pool: PoolRecord, @Ctx() { snapshots }: GraphContext): Promise<number> {
    return (await membersOf(snapshots, pool)).length;
  }
}
