import type { PoolRecord } from "../../model/index.js";
import type { RequestLoaders } from "../loaders/request-loaders.js";
import { encodeGlobalId } from "../node/global-id.js";
import { matchesPoolFilter, type NumberPoolFilter } from "./number-pool-filter.input.js";

export async function findNumberPools(loaders: RequestLoaders, filter: NumberPoolFilter | null | undefined): Promise<PoolRecord[]> {
  const pools = await loaders.poolsOf(loaders.accountsOf(filter?.providers).filter((a) => !filter?.accountIds?.length || filter.accountIds.includes(a.accountId)));
  return pools.filter((pool) => matchesPoolFilter(pool, filter));
}

export function numberPoolId(pool: PoolRecord): string {
  return encodeGlobalId({ type: "NumberPool", provider: pool.provider, accountId: pool.accountId, providerId: pool.providerId });
}

export function numberPoolSortKey(pool: PoolRecord): string[] {
  return [pool.provider, pool.accountId, pool.name, numberPoolId(pool)];
}
