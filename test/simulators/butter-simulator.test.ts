import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ButterSimulator } from "../../src/simulators/butter/index.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { CROSS_HELD } from "../../src/simulators/seed.js";

/** The simulator checked against butter-list-phone-numbers.md (no official SDK exists to run). */
describe("Butter simulator follows the documented API", () => {
  const sim = new ButterSimulator({ numbers: 45 });
  let base = "";
  const headers = { "X-API-Key": SIM_CREDENTIALS.butter.apiKey, "X-Organization-Id": SIM_CREDENTIALS.butter.organizationId };
  beforeAll(async () => {
    base = await sim.start();
  });
  afterAll(() => sim.stop());

  const get = async (query: string, h: Record<string, string> = headers) => {
    const response = await fetch(`${base}/api/phone-numbers${query}`, { headers: h });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("pages with cursor/limit to has_more: false, returning the documented summary fields", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body }: { status: number; body: any } = await get(`?limit=20${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      expect(body.success).toBe(true);
      expect(Object.keys(body.data[0]).sort()).toEqual(["assigned_agent_id", "created_at", "phone_number", "phone_number_id", "provider", "status", "supports_inbound", "supports_outbound"]);
      expect(body.pagination.total_count).toBe(sim.numbers.length);
      seen.push(...body.data.map((n: { phone_number_id: string }) => n.phone_number_id));
      cursor = body.pagination.has_more ? body.pagination.next_cursor : null;
      if (!body.pagination.has_more) expect(body.pagination.next_cursor).toBeNull();
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(sim.numbers.length / 20));
    expect(seen).toEqual(sim.numbers.map((n) => n.phone_number_id));
    expect(sim.numbers.map((n) => n.phone_number)).toEqual(expect.arrayContaining(CROSS_HELD.filter((c) => c.holders.includes("BUTTER")).map((c) => c.e164)));
  });

  it("filters by status and answers its own error bodies", async () => {
    const assigned = await get("?status=assigned&limit=100");
    expect(assigned.body.data.every((n: { status: string; assigned_agent_id: string | null }) => n.status === "assigned" && n.assigned_agent_id)).toBe(true);
    expect((await get("?status=busy")).body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR", field: "status" } });
    expect((await get("?limit=1000")).status).toBe(400);
    expect((await get("?cursor=garbage")).status).toBe(400);
    const unauthorized = await get("", { "X-API-Key": "nope", "X-Organization-Id": headers["X-Organization-Id"] });
    expect(unauthorized).toEqual({ status: 401, body: { success: false, error: { code: "UNAUTHORIZED", message: "Invalid or missing API key." } } });
    expect((await get("", { "X-API-Key": headers["X-API-Key"], "X-Organization-Id": "org_other" })).status).toBe(403);
  });
});
