import { ArgsType, Field, Int, type ClassType } from "type-graphql";

/**
 * The arguments of a connection field, in the contract's order (docs/graph-semantics.md): `filter`, `first`, `after`. A factory (like
 * `ConnectionType`) so each connection gets its own filter input type.
 */
export function ConnectionArgs<TFilter extends object>(filterType: ClassType<TFilter>) {
  @ArgsType()
  abstract class Args {
    @Field(() => filterType, { nullable: true, description: "Only items that match; omit for all. Counts in totalCount too." })
    filter?: TFilter | null;

    @Field(() => Int, { nullable: true, description: "1..1000, default 50." })
    first?: number | null;

    @Field(() => String, { nullable: true, description: "A cursor from an earlier page of the same field; omit to start at the beginning." })
    after?: string | null;
  }
  return Args;
}
