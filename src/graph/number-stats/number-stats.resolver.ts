import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { GraphContext } from "../context.js";
import { normaliseNumberFilter, PhoneNumberFilter } from "../phone-number/phone-number-filter.input.js";
import { countGroups, type Stats } from "./count-groups.js";
import { groupValuesOf, NumberDimensionEnum, type GroupValues, type NumberDimension } from "./number-dimension.js";
import { NumberStats } from "./number-stats.type.js";

@Resolver()
export class NumberStatsResolver {
  @Query(() => NumberStats, {
    description:
      "Grouped counts in one query, e.g. unassigned SMS-capable numbers per provider and country: numberStats(filter: { assigned: false, capabilities: [SMS] }, groupBy: [PROVIDER, COUNTRY]). Counted from the snapshots, so it costs no upstream call of its own.",
  })
  async numberStats(
    @Ctx() { snapshots }: GraphContext,
    @Arg("filter", () => PhoneNumberFilter, { nullable: true, description: "Only numbers that match, as in phoneNumbers(filter:); omit for all." }) filter: PhoneNumberFilter | null | undefined,
    @Arg("groupBy", () => [NumberDimensionEnum], { description: "The dimensions to group by; [] gives one group of every matching number." }) groupBy: NumberDimension[],
  ): Promise<Stats> {
    const f = normaliseNumberFilter(filter);
    const read = await snapshots.snapshotsOf(snapshots.accountsOf(f.providers, f.accountIds));
    function* values(): Generator<GroupValues> {
      for (const snapshot of read) for (const n of snapshot.matching(f).items) yield groupValuesOf(n, snapshot.poolsListing(n.e164).length > 0);
    }
    return countGroups(values(), groupBy);
  }
}
