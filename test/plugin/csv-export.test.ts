import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { startGateway, type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { startStack, testAccounts, type Stack } from "../support/stack.js";
import { testLogger } from "../support/log-capture.js";

const SPEC_COLUMNS = ["id", "e164", "provider", "providerId", "accountId", "countryCode", "numberType", "status", "assigned", "assigneeType", "assigneeName", "pools"];
const TEXT_COLUMNS = ["providerId", "accountId", "assigneeName", "pools", "displayName", "assigneeId", "extensionNumber", "tags"];

async function download(base: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const url = new URL("/export/phone-numbers.csv", base);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await fetch(url, { headers });
  return { response, text: await response.text() };
}
const rowsOf = (text: string) => parse<Record<string, string>>(text, { columns: true });

describe("GET /export/phone-numbers.csv", () => {
  let stack: Stack;
  let base: string;
  const ALL = { authorization: "Bearer exp-all" };
  beforeAll(async () => {
    stack = await startStack({ numbers: 120, gatewayKeys: parseGatewayKeys("exp-all:* exp-zoom:ZOOM", "test") });
    base = new URL("/", stack.gateway.url).toString();
  });
  afterAll(() => stack?.stop());

  const total = async (filter: object | null, headers = ALL) => {
    const r = await stack.request<{ phoneNumbers: { totalCount: number } }, object>("query($f: PhoneNumberFilter) { phoneNumbers(filter: $f) { totalCount } }", { f: filter }, headers);
    return r.data!.phoneNumbers.totalCount;
  };

  it("streams every number the key may see, one row each, in the graph's order, with SPEC's columns first and freshness in a header", async () => {
    stack.sims.resetCounts();
    const { response, text } = await download(base, {}, ALL);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="phone-numbers.csv"/);
    expect(text.split("\r\n")[0] ?? text.split("\n")[0]).toMatch(new RegExp(`^${SPEC_COLUMNS.join(",")},`));
    const rows = rowsOf(text);
    expect(rows.length).toBe(await total(null));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // Read from the warm snapshots: no provider was asked.
    expect(stack.sims.counts()).toEqual({});
    // The same ids, in the same order, as the graph pages them.
    const graph = await stack.request<{ phoneNumbers: { nodes: { id: string; e164: string }[] } }, object>("{ phoneNumbers(first: 1000) { nodes { id e164 } } }", {}, ALL);
    expect(rows.slice(0, 1000).map((r) => r.id)).toEqual(graph.data!.phoneNumbers.nodes.map((n) => n.id));
    const freshness = JSON.parse(response.headers.get("numbergraph-freshness")!) as { provider: string; accountId: string; stale: boolean; ageSeconds: number }[];
    expect(freshness.map((f) => `${f.provider}/${f.accountId}`).sort()).toEqual(
      [...new Set(rows.map((r) => `${r.provider}/${r.accountId}`))]
        .concat(["HIGHLEVEL/sim-loc-empty"])
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
    );
    expect(freshness.every((f) => f.stale === false && f.ageSeconds >= 0)).toBe(true);
  });

  it("keeps E.164 exact and quotes commas and quotes in names properly", async () => {
    const rows = rowsOf((await download(base, {}, ALL)).text);
    expect(rows.every((r) => /^\+[1-9]\d{6,14}$/.test(r.e164!))).toBe(true);
    // Zoom lists through Number Management by default: its records (and ids) are what is exported.
    const wire = stack.sims.zoom.numberManagementNumbers().find((n) => n.assigned_list[0]?.assigned_to_name === 'Perlman, Radia "RP"');
    expect(wire).toBeDefined();
    const row = rows.find((r) => r.provider === "ZOOM" && r.providerId === wire!.id)!;
    expect(row.assigneeName).toBe('Perlman, Radia "RP"');
    expect(row.e164).toBe(wire!.number.replace(/[^+\d]/g, ""));
    expect(rows.some((r) => r.pools!.includes('Referral Partners, "Q3"'))).toBe(true);
  });

  it("neutralises a formula a provider's user typed (=HYPERLINK…, +…, @…) with a leading quote, as OWASP says, and leaves no text cell that a spreadsheet would evaluate", async () => {
    const { text } = await download(base, {}, ALL);
    const rows = rowsOf(text);
    const wire = stack.sims.zoom.numberManagementNumbers().find((n) => n.assigned_list[0]?.assigned_to_name === '=HYPERLINK("http://x")')!;
    expect(wire).toBeDefined();
    expect(rows.find((r) => r.providerId === wire.id)!.assigneeName).toBe(`'=HYPERLINK("http://x")`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(rows.some((r) => r.pools!.startsWith("'+Spring Promo"))).toBe(true);
    expect(rows.some((r) => r.tags!.split("; ").includes("'@ops"))).toBe(true);
    for (const row of rows) for (const column of TEXT_COLUMNS) expect([column, /^[=+\-@\t\r]/.test(row[column]!)]).toEqual([column, false]);
  });

  it("shows a key only its accounts, and refuses a request without a valid key with 401", async () => {
    const zoom = rowsOf((await download(base, {}, { "x-api-key": "exp-zoom" })).text);
    expect(zoom.length).toBe(stack.sims.zoom.numberManagementNumbers().length);
    expect(new Set(zoom.map((r) => r.provider))).toEqual(new Set(["ZOOM"]));
    const none = await download(base);
    expect(none.response.status).toBe(401);
    expect(none.response.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect(none.text).toMatch(/needs an API key/);
    const wrong = await download(base, {}, { authorization: "Bearer nope" });
    expect(wrong.response.status).toBe(401);
    expect(wrong.text).not.toContain("nope");
  });

  it("takes a PhoneNumberFilter as JSON in `filter`", async () => {
    const filter = { providers: ["TELNYX", "HIGHLEVEL"], assigned: false, inPool: false };
    const rows = rowsOf((await download(base, { filter: JSON.stringify(filter) }, ALL)).text);
    expect(rows.length).toBe(await total(filter));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => (r.provider === "TELNYX" || r.provider === "HIGHLEVEL") && r.assigned === "false" && r.pools === "")).toBe(true);
  });

  it("explains a bad filter with 400 and what to send instead", async () => {
    const cases: [string, RegExp][] = [
      ["{not json", /filter is not valid JSON .*send a PhoneNumberFilter as JSON/],
      ['["TELNYX"]', /filter must be a JSON object/],
      ['{"provider": ["TELNYX"]}', /filter: Field "provider" is not defined by type "PhoneNumberFilter"/],
      ['{"providers": ["TELEX"]}', /filter\.providers\[0\]: Value "TELEX" does not exist in "Provider" enum/],
      ['{"countryCodes": ["USA"]}', /ISO 3166-1 alpha-2 codes such as "US" or "GB"; got "USA"/],
    ];
    for (const [filter, message] of cases) {
      const { response, text } = await download(base, { filter }, ALL);
      const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
      expect([filter, response.status, body.errors[0]!.extensions.code]).toEqual([filter, 400, "BAD_USER_INPUT"]);
      expect(body.errors[0]!.message).toMatch(message);
    }
  });
});

describe("GET /export/phone-numbers.csv when an account has no usable snapshot", () => {
  let sims: RunningSimulators;
  let gateway: RunningGateway;
  let base: string;
  beforeAll(async () => {
    sims = await startSimulators({ numbers: 30 });
    sims.telnyx.setFaults({ failureRate: 1 });
    gateway = await startGateway({ logger: testLogger, accounts: testAccounts(sims), gatewayKeys: [], port: 0, host: "127.0.0.1" });
    await gateway.snapshots.warmAll();
    base = new URL("/", gateway.url).toString();
  });
  afterAll(async () => {
    await gateway?.stop();
    await sims?.stop();
  });

  it("answers 503 naming the account, before any row", async () => {
    const { response, text } = await download(base);
    expect(response.status).toBe(503);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { accounts: { provider: string; accountId: string }[] } }[] };
    expect(body.errors[0]!.message).toMatch(/No usable snapshot of TELNYX account default .*add partial=true/);
    expect(body.errors[0]!.extensions.accounts).toEqual([expect.objectContaining({ provider: "TELNYX", accountId: "default" })]);
  });

  it("with partial=true exports the other accounts and names the missing one in a header", async () => {
    const { response, text } = await download(base, { partial: "true" });
    expect(response.status).toBe(200);
    const rows = rowsOf(text);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.provider === "TELNYX")).toBe(false);
    expect(JSON.parse(response.headers.get("numbergraph-missing-accounts")!)).toEqual([expect.objectContaining({ provider: "TELNYX", accountId: "default" })]);
    // A filter that leaves Telnyx out needs no partial=true.
    expect((await download(base, { filter: JSON.stringify({ providers: ["ZOOM"] }) })).response.status).toBe(200);
  });
});
