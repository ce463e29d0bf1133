import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { ASSIGNEE_TABLE } from "../../src/providers/zoom/zoom-mapping.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { startStack, type Stack } from "../support/stack.js";

interface Group {
  count: number;
  provider: string | null;
  accountId: string | null;
  countryCode: string | null;
  numberType: string | null;
  status: string | null;
  assigned: boolean | null;
  assigneeType: string | null;
  inPool: boolean | null;
}
interface Listed {
  id: string;
  provider: string;
  accountId: string;
  countryCode: string | null;
  numberType: string;
  status: string;
  assigned: boolean;
  assignee: { type: string } | null;
  capabilities: { sms: boolean | null; voice: boolean | null };
  pools: { id: string }[];
}

const STATS = `query($filter: PhoneNumberFilter, $groupBy: [NumberDimension!]!) {
  numberStats(filter: $filter, groupBy: $groupBy) { total groups { count provider accountId countryCode numberType status assigned assigneeType inPool } } }`;
const PAGE = `query($filter: PhoneNumberFilter, $after: String) { phoneNumbers(first: 1000, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { id provider accountId countryCode numberType status assigned assignee { type } capabilities { sms voice } pools { id } } } }`;
const KEY = { authorization: "Bearer all-1" };

describe("numberStats: grouped counts from the snapshots, and the filters analysts ask for", () => {
  let stack: Stack;
  let everything: Listed[];
  const stats = async (groupBy: string[], filter?: object, headers = KEY) => {
    const r = await stack.request<{ numberStats: { total: number; groups: Group[] } }, object>(STATS, { groupBy, filter }, headers);
    expect(r.errors).toBeUndefined();
    return r.data!.numberStats;
  };
  const list = async (filter?: object): Promise<Listed[]> => {
    const out: Listed[] = [];
    let after: string | null = null;
    for (;;) {
      const r: { errors?: unknown; data?: { phoneNumbers: { nodes: Listed[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } = await stack.request<
        { phoneNumbers: { nodes: Listed[]; pageInfo: { hasNextPage: boolean; endCursor: string } } },
        object
      >(PAGE, { filter, after }, KEY);
      expect(r.errors).toBeUndefined();
      out.push(...r.data!.phoneNumbers.nodes);
      if (!r.data!.phoneNumbers.pageInfo.hasNextPage) return out;
      after = r.data!.phoneNumbers.pageInfo.endCursor;
    }
  };
  /** The same counting, done by hand over listed numbers. */
  const countBy = <T>(numbers: readonly T[], key: (n: T) => string) => {
    const counts = new Map<string, number>();
    for (const n of numbers) counts.set(key(n), (counts.get(key(n)) ?? 0) + 1);
    return Object.fromEntries(counts);
  };
  const byCount = (groups: Group[]) => groups.every((g, i) => i === 0 || groups[i - 1]!.count >= g.count);

  beforeAll(async () => {
    // The expectations below read Zoom's /phone/numbers records, so the Zoom account lists with that API.
    stack = await startStack({ numbers: 120, zoomNumbersApi: "phone", gatewayKeys: parseGatewayKeys("all-1:* hl-1:HIGHLEVEL", "test") });
    everything = await list();
  });
  afterAll(() => stack?.stop());

  it("counts per provider what each simulator holds, ordered by count, with the other dimensions null", async () => {
    const { highlevel, telnyx, zoom, butter } = stack.sims;
    const expected = {
      HIGHLEVEL: highlevel.locations.reduce((sum, l) => sum + l.numbers.length, 0),
      TELNYX: telnyx.numbers.length,
      ZOOM: zoom.numbers.length,
      BUTTER: butter.numbers.length,
    };
    const result = await stats(["PROVIDER"]);
    expect(Object.fromEntries(result.groups.map((g) => [g.provider, g.count]))).toEqual(expected);
    expect(result.total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(byCount(result.groups)).toBe(true);
    for (const g of result.groups) expect([g.accountId, g.countryCode, g.numberType, g.status, g.assigned, g.assigneeType, g.inPool]).toEqual([null, null, null, null, null, null, null]);
  });

  it("answers the analyst's question — unassigned SMS-capable numbers per provider and country — as the full listing does, at no upstream cost", async () => {
    stack.sims.resetCounts();
    const filter = { assigned: false, capabilities: ["SMS"] };
    const result = await stats(["PROVIDER", "COUNTRY"], filter);
    expect(stack.sims.counts()).toEqual({});
    const listed = everything.filter((n) => !n.assigned && n.capabilities.sms === true);
    expect(listed.length).toBeGreaterThan(0);
    expect(Object.fromEntries(result.groups.map((g) => [`${g.provider}/${g.countryCode}`, g.count]))).toEqual(countBy(listed, (n) => `${n.provider}/${n.countryCode}`));
    expect(result.total).toBe(listed.length);
    expect(byCount(result.groups)).toBe(true);
  });

  it("groups Zoom numbers by assignee type as Zoom's own records say (null for unassigned)", async () => {
    const result = await stats(["ASSIGNEE_TYPE"], { providers: ["ZOOM"] });
    const wire = countBy(stack.sims.zoom.numbers, (n) => (n.assignee ? (ASSIGNEE_TABLE[n.assignee.type] ?? "UNKNOWN") : "null"));
    expect(Object.fromEntries(result.groups.map((g) => [String(g.assigneeType), g.count]))).toEqual(wire);
  });

  it("counts pool membership (IN_POOL) per account as PhoneNumber.pools says, and HighLevel's pooled numbers as its pools list them", async () => {
    const result = await stats(["PROVIDER", "ACCOUNT", "IN_POOL"]);
    expect(Object.fromEntries(result.groups.map((g) => [`${g.provider}/${g.accountId}/${g.inPool}`, g.count]))).toEqual(countBy(everything, (n) => `${n.provider}/${n.accountId}/${n.pools.length > 0}`));
    const main = stack.sims.highlevel.locations.find((l) => l.locationId === SIM_CREDENTIALS.highlevel.locationIds[0])!;
    const pooled = new Set(main.pools.flatMap((p) => p.numbers.map((m) => m.phoneNumber)));
    expect(result.groups.find((g) => g.accountId === main.locationId && g.inPool === true)?.count).toBe(main.numbers.filter((n) => pooled.has(n.phoneNumber)).length);
  });

  it("takes several dimensions at once, and [] for one group of everything", async () => {
    const result = await stats(["NUMBER_TYPE", "STATUS", "ASSIGNED"], { providers: ["TELNYX", "BUTTER"] });
    const listed = everything.filter((n) => n.provider === "TELNYX" || n.provider === "BUTTER");
    expect(Object.fromEntries(result.groups.map((g) => [`${g.numberType}/${g.status}/${g.assigned}`, g.count]))).toEqual(countBy(listed, (n) => `${n.numberType}/${n.status}/${n.assigned}`));
    const butterAssigned = stack.sims.butter.numbers.filter((n) => n.status === "assigned").length;
    expect((await stats(["ASSIGNED"], { providers: ["BUTTER"] })).groups.find((g) => g.assigned === true)?.count).toBe(butterAssigned);
    const one = await stats([]);
    expect(one.groups).toEqual([{ count: everything.length, provider: null, accountId: null, countryCode: null, numberType: null, status: null, assigned: null, assigneeType: null, inPool: null }]);
  });

  it("counts only the key's accounts", async () => {
    const result = await stats(["PROVIDER", "ACCOUNT"], undefined, { authorization: "Bearer hl-1" });
    expect(new Set(result.groups.map((g) => g.provider))).toEqual(new Set(["HIGHLEVEL"]));
    expect(result.total).toBe(everything.filter((n) => n.provider === "HIGHLEVEL").length);
  });

  it("filters by accountIds", async () => {
    const branch = SIM_CREDENTIALS.highlevel.locationIds[1];
    const listed = await list({ accountIds: [branch] });
    expect(listed.length).toBe(stack.sims.highlevel.locations.find((l) => l.locationId === branch)!.numbers.length);
    expect(new Set(listed.map((n) => n.accountId))).toEqual(new Set([branch]));
  });

  it("filters by inPool: true and false split the inventory, as PhoneNumber.pools does", async () => {
    const inPool = await list({ inPool: true });
    const notInPool = await list({ inPool: false });
    expect(inPool.length).toBeGreaterThan(0);
    expect(inPool.every((n) => n.pools.length > 0)).toBe(true);
    expect(notInPool.every((n) => n.pools.length === 0)).toBe(true);
    expect(inPool.length + notInPool.length).toBe(everything.length);
    // The pooled members that HighLevel's default paging hides are found too.
    expect(inPool.some((n) => n.provider === "HIGHLEVEL") && inPool.some((n) => n.provider === "ZOOM")).toBe(true);
  });

  it("capabilities: [SMS] matches only a provider's true; unknownCapabilities: [SMS] finds the numbers whose provider does not say", async () => {
    const known = await list({ capabilities: ["SMS"] });
    const unknown = await list({ unknownCapabilities: ["SMS"] });
    expect(known.every((n) => n.capabilities.sms === true)).toBe(true);
    expect(unknown.every((n) => n.capabilities.sms === null)).toBe(true);
    expect(known.length).toBe(everything.filter((n) => n.capabilities.sms === true).length);
    expect(unknown.length).toBe(everything.filter((n) => n.capabilities.sms === null).length);
    // Zoom's records never speak of SMS: every Zoom number is unknown, none is known.
    expect(unknown.filter((n) => n.provider === "ZOOM").length).toBe(stack.sims.zoom.numbers.length);
    expect(known.some((n) => n.provider === "ZOOM")).toBe(false);
    const both = await stats(["PROVIDER"], { capabilities: ["VOICE"], unknownCapabilities: ["SMS"] });
    expect(both.total).toBe(everything.filter((n) => n.capabilities.voice === true && n.capabilities.sms === null).length);
  });

  it("NumberPool.numberCount is the length of numbers for every pool", async () => {
    const r = await stack.request<{ numberPools: { nodes: { numberCount: number; numbers: { id: string }[] }[] } }, object>("{ numberPools(first: 100) { nodes { numberCount numbers { id } } } }", {}, KEY);
    expect(r.errors).toBeUndefined();
    const pools = r.data!.numberPools.nodes;
    expect(pools.length).toBeGreaterThan(3);
    expect(pools.map((p) => p.numberCount)).toEqual(pools.map((p) => p.numbers.length));
    expect(pools.some((p) => p.numberCount > 0)).toBe(true);
  });
});
