import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { BUTTER_DEFAULT_LIMIT, BUTTER_MAX_LIMIT, ButterSimulator } from "../../src/simulators/butter/index.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";

/** The fields of one summary in the example of butter-list-phone-numbers.md. */
const DOC_FIELDS = ["assigned_agent_id", "created_at", "phone_number", "phone_number_id", "provider", "status", "supports_inbound", "supports_outbound"];

/** The simulator checked against butter-list-phone-numbers.md (Butter names no official Node SDK to run). */
describe("Butter simulator follows the documented API", () => {
  const sim = new ButterSimulator({ numbers: 45 });
  let base = "";
  const headers = { "X-API-Key": SIM_CREDENTIALS.butter.apiKey, "X-Organization-Id": SIM_CREDENTIALS.butter.organizationId };
  beforeAll(async () => {
    base = await sim.start();
  });
  afterEach(() => {
    sim.resetFaults();
    sim.repeatCursor = false;
    sim.dropCursor = false;
  });
  afterAll(() => sim.stop());

  const get = async (query: string, h: Record<string, string> = headers, path = "/api/phone-numbers") => {
    const response = await fetch(`${base}${path}${query}`, { headers: h });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  /** Follow next_cursor while has_more, as the docs' pagination object implies. */
  const walk = async (query: string) => {
    const pages: any[] = [];
    let cursor: string | null = null;
    do {
      const { status, body }: { status: number; body: any } = await get(`?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(status).toBe(200);
      pages.push(body);
      cursor = body.pagination.has_more ? body.pagination.next_cursor : null;
    } while (cursor);
    return pages;
  };

  it("pages with cursor/limit to has_more: false, in the documented envelope and fields", async () => {
    const pages = await walk("limit=20");
    expect(pages).toHaveLength(Math.ceil(sim.numbers.length / 20));
    for (const [i, page] of pages.entries()) {
      const last = i === pages.length - 1;
      expect(Object.keys(page).sort()).toEqual(["data", "pagination", "success"]);
      expect(page.success).toBe(true);
      expect(page.pagination).toEqual({ next_cursor: last ? null : expect.any(String), has_more: !last, page_size: page.data.length, total_count: sim.numbers.length });
      for (const n of page.data) expect(Object.keys(n).sort()).toEqual(DOC_FIELDS);
    }
    expect(pages.flatMap((p) => p.data)).toEqual(sim.numbers);
    expect(sim.numbers.map((n) => n.phone_number)).toEqual(expect.arrayContaining(crossHeldFor("BUTTER")));
  });

  it("sends 20 by default and at most 100 a page", async () => {
    const big = new ButterSimulator({ numbers: 150 });
    const url = await big.start();
    try {
      const page = async (query: string) => (await (await fetch(`${url}/api/phone-numbers${query}`, { headers })).json()) as any;
      expect((await page("")).data).toHaveLength(BUTTER_DEFAULT_LIMIT);
      expect((await page(`?limit=${BUTTER_MAX_LIMIT}`)).data).toHaveLength(BUTTER_MAX_LIMIT);
      expect(big.numbers.length).toBeGreaterThan(BUTTER_MAX_LIMIT);
    } finally {
      await big.stop();
    }
    for (const limit of ["0", String(BUTTER_MAX_LIMIT + 1), "ten", "2.5", ""]) {
      expect(await get(`?limit=${limit}`)).toMatchObject({ status: 400, body: { success: false, error: { code: "VALIDATION_ERROR", field: "limit", message: expect.any(String) } } });
    }
  });

  it("filters by status, cursors included, and the two statuses make up the whole", async () => {
    const assigned = (await walk("status=assigned&limit=7")).flatMap((p) => p.data);
    const free = (await walk("status=free&limit=7")).flatMap((p) => p.data);
    expect(assigned.every((n: any) => n.status === "assigned" && n.assigned_agent_id)).toBe(true);
    expect(free.every((n: any) => n.status === "free" && n.assigned_agent_id === null)).toBe(true);
    expect(assigned.length).toBeGreaterThan(0);
    expect(free.length).toBeGreaterThan(0);
    expect(assigned.length + free.length).toBe(sim.numbers.length);
    expect((await get("?status=busy")).body).toEqual({ success: false, error: { code: "VALIDATION_ERROR", message: "status must be free or assigned.", field: "status" } });
  });

  it("rejects a garbled cursor or one issued for another filter", async () => {
    const first = await get("?status=free&limit=5");
    const cursor = first.body.pagination.next_cursor as string;
    expect((await get(`?status=free&limit=5&cursor=${cursor}`)).status).toBe(200);
    for (const query of [`?status=assigned&limit=5&cursor=${cursor}`, `?limit=5&cursor=${cursor}`, "?cursor=garbage"]) {
      expect(await get(query)).toMatchObject({ status: 400, body: { success: false, error: { code: "VALIDATION_ERROR", field: "cursor" } } });
    }
  });

  it("answers its own 401, 400, 403 and 404 bodies", async () => {
    const unauthorized = { status: 401, body: { success: false, error: { code: "UNAUTHORIZED", message: "Invalid or missing API key." } } };
    expect(await get("", { "X-API-Key": "nope", "X-Organization-Id": headers["X-Organization-Id"] })).toMatchObject(unauthorized);
    expect(await get("", { "X-Organization-Id": headers["X-Organization-Id"] })).toMatchObject(unauthorized);
    expect(await get("", { "X-API-Key": headers["X-API-Key"] })).toMatchObject({ status: 400, body: { success: false, error: { code: "VALIDATION_ERROR", field: "X-Organization-Id" } } });
    expect(await get("", { ...headers, "X-Organization-Id": "org_other" })).toMatchObject({ status: 403, body: { success: false, error: { code: "FORBIDDEN" } } });
    expect(await get("", headers, "/api/phone-number")).toMatchObject({ status: 404, body: { success: false, error: { code: "NOT_FOUND" } } });
  });

  it("answers fault switches in Butter's envelope, 429 with Retry-After", async () => {
    sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 7 });
    const limited = await get("");
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "7"]);
    expect(limited.body).toEqual({ success: false, error: { code: "RATE_LIMITED", message: expect.any(String) } });
    sim.setFaults({ failNext: 1 });
    expect(await get("")).toMatchObject({ status: 500, body: { success: false, error: { code: "INTERNAL_ERROR" } } });
    expect((await get("")).status).toBe(200);
  });

  it("plays a buggy upstream on request: a repeating cursor, or has_more without a cursor", async () => {
    sim.repeatCursor = true;
    const one = await get("?limit=10");
    const two = await get(`?limit=10&cursor=${one.body.pagination.next_cursor}`);
    expect(two.body.pagination).toMatchObject({ has_more: true, next_cursor: one.body.pagination.next_cursor });
    sim.repeatCursor = false;
    sim.dropCursor = true;
    expect((await get("?limit=10")).body.pagination).toMatchObject({ has_more: true, next_cursor: null });
  });
});
