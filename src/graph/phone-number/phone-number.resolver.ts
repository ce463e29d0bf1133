import { Arg, Args, ArgsType, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { NumberRecord, PoolRecord } from "../../model/index.js";
import { connectionPage, onePerId, typically } from "../common/complexity.js";
import { ConnectionArgs } from "../connection/connection-args.js";
import { parseConnectionArgs, type Connection } from "../connection/paginate.js";
import type { GraphContext } from "../context.js";
import { DialNumber, type DialNumberRecord } from "../dial-number/dial-number.type.js";
import { decodeGlobalIdOf } from "../node/global-id.js";
import { NumberPool } from "../number-pool/number-pool.type.js";
import { PhoneNumberConnection } from "./phone-number-connection.type.js";
import { normaliseNumberFilter, PhoneNumberFilter } from "./phone-number-filter.input.js";
import { PhoneNumber } from "./phone-number.type.js";
import { holdersOf, numberById, phoneNumberPage, poolsOfNumber } from "./phone-number.service.js";

@ArgsType()
class PhoneNumbersArgs extends ConnectionArgs(PhoneNumberFilter) {}

@Resolver(() => PhoneNumber)
export class PhoneNumberResolver {
  @Query(() => PhoneNumberConnection, { complexity: connectionPage, description: "Every number at every configured provider the caller may see." })
  async phoneNumbers(@Ctx() { snapshots }: GraphContext, @Args(() => PhoneNumbersArgs) { filter, first, after }: PhoneNumbersArgs): Promise<Connection<NumberRecord>> {
    const page = parseConnectionArgs({ first, after });
    return phoneNumberPage(snapshots, normaliseNumberFilter(filter), page);
  }

  @Query(() => PhoneNumber, { nullable: true, description: "A number by its id; null when unknown." })
  async phoneNumber(@Ctx() { snapshots }: GraphContext, @Arg("id", () => ID, { description: "A PhoneNumber id (PhoneNumber.id)." }) id: string): Promise<NumberRecord | null> {
    return numberById(snapshots, decodeGlobalIdOf("PhoneNumber", id, "id"));
  }

  @Query(() => [PhoneNumber], { nullable: "items", complexity: onePerId, description: "Numbers by id, in the order of `ids`; null where unknown. Batched: serves schema stitching's type merging." })
  async phoneNumbersByIds(@Ctx() { snapshots }: GraphContext, @Arg("ids", () => [ID], { description: "PhoneNumber ids; the answer keeps their order." }) ids: string[]): Promise<(NumberRecord | null)[]> {
    const decoded = ids.map((id, i) => decodeGlobalIdOf("PhoneNumber", id, `ids[${i}]`));
    return Promise.all(decoded.map((id) => numberById(snapshots, id)));
  }

  @FieldResolver(() => [NumberPool], { complexity: typically(2), description: "Pools this number belongs to." })
  pools(@Root() number: NumberRecord, @Ctx() { snapshots }: GraphContext): readonly PoolRecord[] | Promise<readonly PoolRecord[]> {
    return poolsOfNumber(snapshots, number);
  }

  @FieldResolver(() => DialNumber, { description: "This number by its E.164 identity: the join point for other subgraphs that know only the number." })
  dialNumber(@Root() number: NumberRecord): DialNumberRecord {
    return { e164: number.e164 };
  }

  @FieldResolver(() => [PhoneNumber], { complexity: typically(2), description: "The same E.164 number at other providers or accounts." })
  async alsoHeldAt(@Root() number: NumberRecord, @Ctx() { snapshots }: GraphContext): Promise<NumberRecord[]> {
    const holders = await holdersOf(snapshots, number.e164);
    return holders.filter((n) => n !== number);
  }
}
