import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { CROSS_HELD } from "../../src/simulators/seed.js";
import { DashboardDocument, NodeByIdDocument, PhoneNumbersByIdsDocument, PoolsWithMembersDocument, type DashboardQuery } from "../generated/operations.js";
import { listNumbers, oneListingOfEach, startStack, testAccounts, type Stack } from "../support/stack.js";

type DashboardNumber = DashboardQuery["phoneNumbers"]["nodes"][number];
const [MAIN, BRANCH, EMPTY] = SIM_CREDENTIALS.highlevel.locationIds;

describe("the unified graph over all four simulators", () => {
  let stack: Stack;
  const all: DashboardNumber[] = [];
  /** What the start-up listing of every account cost, before any request. */
  let coldCounts: Record<string, number>;

  beforeAll(async () => {
    stack = await startStack();
    coldCounts = stack.sims.counts();
  });
  afterAll(() => stack?.stop());

  /** Every simulator's numbers as (provider, account, provider id, e164). */
  function simulatorInventory(): string[] {
    const { highlevel, telnyx, zoom, butter } = stack.sims;
    return [
      ...highlevel.locations.flatMap((l) => l.numbers.map((n) => `HIGHLEVEL ${l.locationId} ${n.sid} ${n.phoneNumber}`)),
      ...telnyx.numbers.map((n) => `TELNYX default ${n.id} ${n.phone_number}`),
      // Zoom lists through Number Management by default (ZOOM_NUMBERS_API=auto, the app has the scope).
      ...zoom.numberManagementNumbers().map((n) => `ZOOM ${SIM_CREDENTIALS.zoom.accountId} ${n.id} ${n.number}`),
      ...butter.numbers.map((n) => `BUTTER ${SIM_CREDENTIALS.butter.organizationId} ${n.phone_number_id} ${n.phone_number}`),
    ].sort();
  }

  it("pages the full inventory with first/after: equal to the simulators' data, number for number, in the stable order", async () => {
    let after: string | null = null;
    let pages = 0;
    let totalCount = 0;
    do {
      const page: Awaited<ReturnType<typeof stack.request<DashboardQuery, never>>> = await stack.request(DashboardDocument, { first: 500, after, filter: null });
      expect(page.errors).toBeUndefined();
      const connection = page.data!.phoneNumbers;
      all.push(...connection.nodes);
      totalCount = connection.totalCount;
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(all).toHaveLength(totalCount);
    expect(pages).toBe(Math.ceil(totalCount / 500));
    expect(all.map((n) => `${n.provider} ${n.accountId} ${n.providerId} ${n.e164}`).sort()).toEqual(simulatorInventory());
    const keys = all.map((n) => [n.e164, n.provider, n.id].join(" "));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
  });

  it("includes the numbers HighLevel's default paging hides, and a cross-held number once per holder", () => {
    const pooled = stack.sims.highlevel.location(MAIN).pooledSids;
    expect(all.filter((n) => n.provider === "HIGHLEVEL" && pooled.has(n.providerId))).toHaveLength(pooled.size);
    for (const { e164, holders } of CROSS_HELD) {
      expect(
        all
          .filter((n) => n.e164 === e164)
          .map((n) => n.provider)
          .sort(),
      ).toEqual([...holders].sort());
    }
    expect(all.some((n) => n.accountId === EMPTY)).toBe(false);
    expect(all.some((n) => n.accountId === BRANCH)).toBe(true);
  });

  it("maps each provider's record into the model and keeps its own fields in details", () => {
    const byProvider = (p: string) => all.filter((n) => n.provider === p);
    const zoomPool = byProvider("ZOOM").find((n) => n.assignee?.type === "EMERGENCY_NUMBER_POOL")!;
    expect(zoomPool.pools.map((p) => p.name)).toEqual([zoomPool.assignee!.name]);
    const hlPooled = byProvider("HIGHLEVEL").find((n) => n.pools.length > 0)!;
    expect(
      stack.sims.highlevel
        .location(hlPooled.accountId)
        .pools.filter((p) => p.numbers.some((m) => m.phoneNumber === hlPooled.e164))
        .map((p) => p.name),
    ).toEqual(hlPooled.pools.map((p) => p.name));
    expect(new Set(all.map((n) => n.details.__typename))).toEqual(new Set(["HighLevelNumberDetails", "TelnyxNumberDetails", "ZoomNumberDetails", "ButterNumberDetails"]));
    const telnyx = byProvider("TELNYX")[0]!;
    expect(telnyx.details).toEqual({ __typename: "TelnyxNumberDetails", id: telnyx.providerId });
    const butter = byProvider("BUTTER").find((n) => n.assigned)!;
    expect(butter.assignee).toMatchObject({ type: "AGENT" });
    expect(new Set(all.map((n) => n.numberType))).toEqual(new Set(["LOCAL", "TOLL_FREE", "MOBILE", "NATIONAL", "SHARED_COST", "UNKNOWN"]));
    expect(new Set(all.map((n) => n.status))).toEqual(new Set(["ACTIVE", "PENDING", "INACTIVE"]));
  });

  // The clients' mapping tables are checked value by value in test/providers/; this checks that the graph
  // serves each mapped record as the model holds it, field for field, for every number.
  it("serves every number exactly as its provider client mapped it", async () => {
    const records = (await Promise.all(testAccounts(stack.sims).map((a) => listNumbers(a)))).flat();
    const served = new Map(all.map((n) => [`${n.provider} ${n.accountId} ${n.providerId}`, n]));
    expect(served.size).toBe(records.length);
    for (const record of records) {
      const number = served.get(`${record.provider} ${record.accountId} ${record.providerId}`)!;
      expect({
        e164: number.e164,
        displayName: number.displayName,
        countryCode: number.countryCode,
        numberType: number.numberType,
        status: number.status,
        assigned: number.assigned,
        assignee: number.assignee,
        capabilities: number.capabilities,
        createdAt: number.createdAt,
        updatedAt: number.updatedAt,
      }).toEqual({
        e164: record.e164,
        displayName: record.displayName,
        countryCode: record.countryCode,
        numberType: record.numberType,
        status: record.status,
        assigned: record.assigned,
        assignee: record.assignee && { ...record.assignee },
        capabilities: { ...record.capabilities },
        createdAt: record.createdAt?.toISOString() ?? null,
        updatedAt: record.updatedAt?.toISOString() ?? null,
      });
    }
  });

  it("lists every account once at start-up, at exactly the minimum pages, pools included", () => {
    expect(Object.fromEntries(Object.entries(coldCounts).filter(([key]) => !key.includes("/oauth/")))).toEqual(oneListingOfEach(stack.sims));
  });

  it("serves the dashboard from the snapshots without a call to any provider", async () => {
    stack.sims.resetCounts();
    const page = await stack.request(DashboardDocument, { first: 1000, after: null, filter: null });
    expect(page.errors).toBeUndefined();
    expect(page.data!.phoneNumbers.nodes).toHaveLength(1000);
    expect(stack.sims.counts()).toEqual({});
  });

  it("serves every pool with full member records from the snapshots", async () => {
    stack.sims.resetCounts();
    const result = await stack.request(PoolsWithMembersDocument, { first: 100, after: null, filter: null });
    expect(result.errors).toBeUndefined();
    const pools = result.data!.numberPools.edges.map((e) => e.node);
    const { highlevel, zoom } = stack.sims;
    const expectedHl = highlevel.locations.flatMap((l) => l.pools);
    expect(
      pools
        .filter((p) => p.provider === "HIGHLEVEL")
        .map((p) => p.providerId)
        .sort(),
    ).toEqual(expectedHl.map((p) => p.id).sort());
    for (const wire of expectedHl) {
      const pool = pools.find((p) => p.providerId === wire.id)!;
      expect(pool.numbers.map((n) => n.e164).sort()).toEqual(wire.numbers.map((n) => n.phoneNumber).sort());
      expect(pool).toMatchObject({ name: wire.name, callRecording: wire.callRecording, whisper: wire.whisper, isActive: wire.isActive });
    }
    const zoomPools = pools.filter((p) => p.provider === "ZOOM");
    expect(zoomPools.length).toBeGreaterThan(0);
    for (const pool of zoomPools) {
      const members = zoom.numberManagementNumbers().filter((n) => n.assigned_list.some((a) => a.assigned_to_id === pool.providerId));
      expect(pool.numbers.map((n) => n.e164).sort()).toEqual(members.map((n) => n.number).sort());
    }
    expect(stack.sims.counts()).toEqual({});
  });

  it("looks numbers up by id from the snapshots' indexes: node, phoneNumbersByIds, in order with nulls, no call", async () => {
    const sample = [all[3]!, all[700]!, all[1500]!, all[10]!];
    stack.sims.resetCounts();
    const unknown = Buffer.from(JSON.stringify(["PhoneNumber", "BUTTER", SIM_CREDENTIALS.butter.organizationId, "phon_missing"])).toString("base64url");
    const byIds = await stack.request(PhoneNumbersByIdsDocument, { ids: [sample[0]!.id, unknown, sample[1]!.id, sample[2]!.id, sample[3]!.id] });
    expect(byIds.errors).toBeUndefined();
    expect(byIds.data!.phoneNumbersByIds.map((n) => n?.e164 ?? null)).toEqual([sample[0]!.e164, null, sample[1]!.e164, sample[2]!.e164, sample[3]!.e164]);
    expect(stack.sims.counts()).toEqual({});

    const node = await stack.request(NodeByIdDocument, { id: sample[1]!.id });
    expect(node.data!.node).toMatchObject({ __typename: "PhoneNumber", id: sample[1]!.id, e164: sample[1]!.e164 });
  });
});
