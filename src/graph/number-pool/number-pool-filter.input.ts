import { Field, InputType } from "type-graphql";
import type { PoolRecord, Provider } from "../../model/index.js";
import { ProviderEnum } from "../common/enums.js";

@InputType({ description: "Every given condition must hold." })
export class NumberPoolFilter {
  @Field(() => [ProviderEnum], { nullable: true, description: "Only pools at these providers (HIGHLEVEL, ZOOM)." })
  providers?: Provider[] | null;

  @Field(() => [String], { nullable: true, description: "Account ids (HighLevel location, Zoom account …)." })
  accountIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Only pools whose isActive is this value (a pool whose provider does not say never matches)." })
  isActive?: boolean | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive text anywhere in the pool's name." })
  nameContains?: string | null;
}

export function matchesPoolFilter(pool: PoolRecord, f: NumberPoolFilter | null | undefined): boolean {
  if (!f) return true;
  return (
    (!f.providers?.length || f.providers.includes(pool.provider)) &&
    (!f.accountIds?.length || f.accountIds.includes(pool.accountId)) &&
    (f.isActive === undefined || f.isActive === null || pool.isActive === f.isActive) &&
    (!f.nameContains || pool.name.toLowerCase().includes(f.nameContains.toLowerCase()))
  );
}
