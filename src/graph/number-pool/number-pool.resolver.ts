import { Arg, Args, ArgsType, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { NumberRecord, PoolRecord } from "../../model/index.js";
import { ConnectionArgs } from "../connection/connection-args.js";
import { paginate, parseConnectionArgs, type Connection } from "../connection/paginate.js";
import type { GraphContext } from "../context.js";
import { decodeGlobalIdOf } from "../node/global-id.js";
import { PhoneNumber } from "../phone-number/phone-number.type.js";
import { sortPhoneNumbers } from "../phone-number/phone-number.service.js";
import { NumberPoolConnection } from "./number-pool-connection.type.js";
import { NumberPoolFilter } from "./number-pool-filter.input.js";
import { NumberPool } from "./number-pool.type.js";
import { findNumberPools, numberPoolId, numberPoolSortKey } from "./number-pool.service.js";

@ArgsType()
class NumberPoolsArgs extends ConnectionArgs(NumberPoolFilter) {}

@Resolver(() => NumberPool)
export class NumberPoolResolver {
  @Query(() => NumberPoolConnection, { description: "HighLevel number pools and Zoom emergency number pools the caller may see." })
  async numberPools(@Ctx() { loaders }: GraphContext, @Args(() => NumberPoolsArgs) { filter, first, after }: NumberPoolsArgs): Promise<Connection<PoolRecord>> {
    const page = parseConnectionArgs({ first, after });
    return paginate(await findNumberPools(loaders, filter), page, numberPoolSortKey);
  }

  @Query(() => NumberPool, { nullable: true, description: "A pool by its id; null when unknown or outside the caller's key." })
  async numberPool(@Ctx() { loaders }: GraphContext, @Arg("id", () => ID, { description: "A NumberPool id (NumberPool.id)." }) id: string): Promise<PoolRecord | null> {
    return loaders.poolById.load(decodeGlobalIdOf("NumberPool", id, "id"));
  }

  @Query(() => [NumberPool], { nullable: "items", description: "Pools by id, in the order of `ids`; null where unknown. Batched: serves schema stitching's type merging." })
  async numberPoolsByIds(@Ctx() { loaders }: GraphContext, @Arg("ids", () => [ID], { description: "NumberPool ids; the answer keeps their order." }) ids: string[]): Promise<(PoolRecord | null)[]> {
    return loaders.poolById.loadMany(ids.map((id, i) => decodeGlobalIdOf("NumberPool", id, `ids[${i}]`))) as Promise<(PoolRecord | null)[]>;
  }

  @FieldResolver(() => ID, { description: "Opaque global id, stable across requests and gateway instances." })
  id(@Root() pool: PoolRecord): string {
    return numberPoolId(pool);
  }

  @FieldResolver(() => [PhoneNumber], { description: "Full records of the pool's numbers, in the graph's stable order." })
  async numbers(@Root() pool: PoolRecord, @Ctx() { loaders }: GraphContext): Promise<NumberRecord[]> {
    return sortPhoneNumbers(await loaders.membersOfPool(pool));
  }
}
