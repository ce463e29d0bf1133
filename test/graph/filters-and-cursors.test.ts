import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startGateway } from "../../src/server.js";
import { startStack, testAccounts, type Stack } from "../support/stack.js";
import { testLogger } from "../support/log-capture.js";

interface Row {
  id: string;
  e164: string;
  provider: string;
  assigned: boolean;
  numberType: string;
  status: string;
  countryCode: string | null;
  capabilities: Record<string, boolean | null>;
}
const FIELDS = "id e164 provider assigned numberType status countryCode capabilities { voice sms mms fax inbound outbound }";

describe("filters and cursors", () => {
  let stack: Stack;
  let all: Row[];

  beforeAll(async () => {
    stack = await startStack({ numbers: 150 });
    const result = await stack.request<{ phoneNumbers: { nodes: Row[] } }, never>(`{ phoneNumbers(first: 1000) { nodes { ${FIELDS} } } }`);
    all = result.data!.phoneNumbers.nodes;
  });
  afterAll(() => stack?.stop());

  async function filtered(filter: string): Promise<Row[]> {
    const result = await stack.request<{ phoneNumbers: { totalCount: number; nodes: Row[] } }, never>(`{ phoneNumbers(first: 1000, filter: ${filter}) { totalCount nodes { ${FIELDS} } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.phoneNumbers.totalCount).toBe(result.data!.phoneNumbers.nodes.length);
    return result.data!.phoneNumbers.nodes;
  }

  it.each<[string, (n: Row) => boolean]>([
    ["{ providers: [TELNYX, BUTTER] }", (n) => n.provider === "TELNYX" || n.provider === "BUTTER"],
    ['{ search: "+1 (415)" }', (n) => n.e164.slice(1).includes("1415")],
    ['{ search: "9010" }', (n) => n.e164.includes("9010")],
    ["{ assigned: false }", (n) => !n.assigned],
    ["{ numberTypes: [TOLL_FREE, MOBILE] }", (n) => n.numberType === "TOLL_FREE" || n.numberType === "MOBILE"],
    ["{ statuses: [ACTIVE] }", (n) => n.status === "ACTIVE"],
    ["{ statuses: [PENDING, INACTIVE] }", (n) => n.status === "PENDING" || n.status === "INACTIVE"],
    ['{ countryCodes: ["gb"] }', (n) => n.countryCode === "GB"],
    ["{ capabilities: [SMS, VOICE] }", (n) => n.capabilities.sms === true && n.capabilities.voice === true],
    [
      "{ providers: [ZOOM], assigned: true, capabilities: [OUTBOUND], numberTypes: [LOCAL], statuses: [ACTIVE] }",
      (n) => n.provider === "ZOOM" && n.assigned && n.capabilities.outbound === true && n.numberType === "LOCAL" && n.status === "ACTIVE",
    ],
  ])("%s matches exactly the numbers it describes", async (filter, predicate) => {
    const expected = all.filter(predicate).map((n) => n.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await filtered(filter)).map((n) => n.id)).toEqual(expected);
  });

  it("answers twelve aliased phoneNumbers with distinct filters from the snapshots: no listing of their own", async () => {
    const searches = ["1415", "1212", "44", "9010", "206", "0000", "1", "2", "3", "4", "5", "6"];
    stack.sims.resetCounts();
    const query = `{ ${searches.map((s, i) => `a${i}: phoneNumbers(first: 5, filter: { search: "${s}" }) { totalCount nodes { e164 } }`).join(" ")} }`;
    const result = await stack.request<Record<string, { totalCount: number; nodes: { e164: string }[] }>, never>(query);
    expect(result.errors).toBeUndefined();
    searches.forEach((search, i) => {
      expect(result.data![`a${i}`]!.totalCount).toBe(all.filter((n) => n.e164.includes(search)).length);
      expect(result.data![`a${i}`]!.nodes.every((n) => n.e164.includes(search))).toBe(true);
    });
    expect(stack.sims.counts()).toEqual({});
  });

  it("a cursor from one gateway pages on in another (stateless: restarts and other instances)", async () => {
    const first = await stack.request<{ phoneNumbers: { pageInfo: { endCursor: string } } }, never>("{ phoneNumbers(first: 100) { pageInfo { endCursor } } }");
    const other = await startGateway({ logger: testLogger, accounts: testAccounts(stack.sims), gatewayKeys: [], port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(other.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "query($after: String) { phoneNumbers(first: 100, after: $after) { nodes { id } } }", variables: { after: first.data!.phoneNumbers.pageInfo.endCursor } }),
      });
      const body = (await response.json()) as { data: { phoneNumbers: { nodes: { id: string }[] } } };
      expect(body.data.phoneNumbers.nodes.map((n) => n.id)).toEqual(all.slice(100, 200).map((n) => n.id));
    } finally {
      await other.stop();
    }
  });
});
