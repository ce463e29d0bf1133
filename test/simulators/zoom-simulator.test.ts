import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor, seedScale } from "../../src/simulators/seed.js";
import { ZOOM_ASSIGNEE_TYPES, ZOOM_EMERGENCY_POOLS, ZoomSimulator, type ZoomWirePhoneNumber } from "../../src/simulators/zoom/index.js";

const { clientId, clientSecret, accountId } = SIM_CREDENTIALS.zoom;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

interface ListBody {
  next_page_token?: string;
  page_size: number;
  total_records: number;
  phone_numbers: ZoomWirePhoneNumber[];
  code?: number;
  message?: string;
  errors?: { field: string; message: string }[];
}

/** The behaviour zoom-list-phone-numbers.md and SPEC §1 describe, checked over HTTP. */
describe("Zoom simulator follows the documented API", () => {
  let clock = Date.now();
  const sim = new ZoomSimulator({ numbers: 250, now: () => clock });
  let base = "";
  let token = "";

  const grant = async (query: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}/oauth/token${query}`, { method: "POST", ...init, headers: { authorization: basic(clientId, clientSecret), ...(init.headers as Record<string, string>) } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const list = async (query = "", bearer = token) => {
    const response = await fetch(`${base}/v2/phone/numbers${query}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as ListBody };
  };
  /** Every page of a listing, following next_page_token. */
  const listAll = async (query: string) => {
    const pages: ListBody[] = [];
    let next = "";
    do {
      const page = await list(`?${query}${next ? `&next_page_token=${encodeURIComponent(next)}` : ""}`);
      expect(page.status).toBe(200);
      pages.push(page.body);
      next = page.body.next_page_token ?? "";
    } while (next);
    return { pages, numbers: pages.flatMap((p) => p.phone_numbers) };
  };

  beforeAll(async () => {
    base = await sim.start();
    token = String((await grant(`?grant_type=account_credentials&account_id=${accountId}`)).body.access_token);
  });
  afterEach(() => {
    sim.resetFaults();
    clock = Date.now();
  });
  afterAll(() => sim.stop());

  describe("Server-to-Server OAuth", () => {
    it("grants {access_token, token_type: bearer, expires_in: 3600, scope} from the query or a form body, without a refresh token", async () => {
      const fromQuery = await grant(`?grant_type=account_credentials&account_id=${accountId}`);
      expect(fromQuery.status).toBe(200);
      expect(fromQuery.body).toEqual({ access_token: expect.any(String), token_type: "bearer", expires_in: 3600, scope: expect.stringContaining("phone:read") });
      const fromForm = await grant("", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "account_credentials", account_id: accountId }).toString() });
      expect(fromForm.status).toBe(200);
      expect(fromForm.body.access_token).not.toBe(fromQuery.body.access_token);
      expect((await list("", String(fromForm.body.access_token))).status).toBe(200);
    });

    it("refuses bad client credentials with 401 invalid_client and a bad account or grant with 400", async () => {
      const wrongSecret = await fetch(`${base}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST", headers: { authorization: basic(clientId, "nope") } });
      expect([wrongSecret.status, await wrongSecret.json()]).toEqual([401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }]);
      const noAuth = await fetch(`${base}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST" });
      expect(noAuth.status).toBe(401);
      expect(await grant("?grant_type=account_credentials&account_id=someone-else")).toEqual({ status: 400, body: { reason: "Invalid account_id", error: "invalid_request" } });
      expect(await grant(`?grant_type=client_credentials&account_id=${accountId}`)).toEqual({ status: 400, body: { reason: "Unsupported grant type", error: "unsupported_grant_type" } });
    });

    it("answers a missing, unknown or expired access token with 401 code 124", async () => {
      expect(await fetch(`${base}/v2/phone/numbers`).then(async (r) => [r.status, await r.json()])).toEqual([401, { code: 124, message: "Invalid access token." }]);
      expect(await list("", "not-a-token").then((r) => [r.status, r.body])).toEqual([401, { code: 124, message: "Invalid access token." }]);
      const fresh = String((await grant(`?grant_type=account_credentials&account_id=${accountId}`)).body.access_token);
      clock += 3600_000 + 1000;
      expect(await list("", fresh).then((r) => [r.status, r.body])).toEqual([401, { code: 124, message: "Access token is expired." }]);
    });

    it("leaves the token endpoint out of the fault switches", async () => {
      sim.setFaults({ failureRate: 1, rateLimitRate: 1, malformedRate: 1 });
      expect((await grant(`?grant_type=account_credentials&account_id=${accountId}`)).status).toBe(200);
      expect((await list()).status).toBe(429);
    });
  });

  describe("paging with next_page_token", () => {
    it("pages 30 by default and up to 100; the last page carries an empty token, a single page none", async () => {
      const first = await list();
      expect(first.body).toMatchObject({ page_size: 30, total_records: sim.numbers.length });
      expect(first.body.phone_numbers).toHaveLength(30);
      expect(first.body.next_page_token).toMatch(/.+/);

      const { pages, numbers } = await listAll("page_size=100");
      expect(pages.map((p) => p.phone_numbers.length)).toEqual([100, 100, 56]);
      expect(pages.map((p) => p.next_page_token === "")).toEqual([false, false, true]);
      expect(numbers.map((n) => n.id)).toEqual(sim.numbers.map((n) => n.id));

      const single = await list("?type=byoc&page_size=100");
      expect(single.body.phone_numbers.length).toBeLessThan(100);
      expect(single.body).not.toHaveProperty("next_page_token");
    });

    it("rejects a page token that is expired, forged or from another query with a 300", async () => {
      const invalid = { status: 400, body: { code: 300, message: "The next page token is invalid or expired." } };
      const first = await list("?page_size=100&type=all");
      const next = first.body.next_page_token!;
      expect((await list(`?page_size=100&type=all&next_page_token=${next}`)).status).toBe(200);
      // A different page size continues the same listing; a different filter does not.
      expect((await list(`?page_size=50&type=all&next_page_token=${next}`)).status).toBe(200);
      expect(await list(`?page_size=100&type=assigned&next_page_token=${next}`).then((r) => ({ status: r.status, body: r.body }))).toEqual(invalid);
      expect(await list(`?page_size=100&type=all&next_page_token=${next.slice(0, -2)}xx`).then((r) => ({ status: r.status, body: r.body }))).toEqual(invalid);
      expect(await list(`?page_size=100&type=all&next_page_token=garbage`).then((r) => ({ status: r.status, body: r.body }))).toEqual(invalid);
      clock += 15 * 60_000 + 1000;
      expect(await list(`?page_size=100&type=all&next_page_token=${next}`).then((r) => ({ status: r.status, body: r.body }))).toEqual(invalid);
    });
  });

  describe("query parameters", () => {
    it("validates page_size, type, extension_type, number_type and pending_numbers with Zoom's 300 body", async () => {
      const invalid = async (query: string, field: string) => {
        const response = await list(query);
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ code: 300, message: "Validation Failed.", errors: [{ field, message: expect.any(String) }] });
      };
      await invalid("?page_size=101", "page_size");
      await invalid("?page_size=0", "page_size");
      await invalid("?page_size=ten", "page_size");
      await invalid("?type=mine", "type");
      await invalid("?extension_type=user", "extension_type");
      await invalid("?type=all&extension_type=user", "extension_type");
      await invalid("?type=assigned&extension_type=sharedLineGroup", "extension_type");
      await invalid("?number_type=mobile", "number_type");
      await invalid("?pending_numbers=maybe", "pending_numbers");
    });

    it("filters by type, extension_type, number_type, pending_numbers and site_id", async () => {
      const ids = (numbers: ZoomWirePhoneNumber[]) => numbers.map((n) => n.id);
      const expectIds = async (query: string, keep: (n: ZoomWirePhoneNumber) => boolean) => {
        const expected = ids(sim.numbers.filter(keep));
        expect(expected.length).toBeGreaterThan(0);
        expect(ids((await listAll(`page_size=100&${query}`)).numbers)).toEqual(expected);
      };
      await expectIds("type=all", () => true);
      await expectIds("type=assigned", (n) => n.assignee !== undefined);
      await expectIds("type=unassigned", (n) => n.assignee === undefined);
      await expectIds("type=byoc", (n) => n.source === "external");
      for (const type of ZOOM_ASSIGNEE_TYPES) await expectIds(`type=assigned&extension_type=${type}`, (n) => n.assignee?.type === type);
      await expectIds("number_type=tollfree", (n) => n.number_type === "tollfree");
      await expectIds("type=unassigned&number_type=toll", (n) => !n.assignee && n.number_type === "toll");
      await expectIds("pending_numbers=false", (n) => n.status !== "pending");
      await expectIds("pending_numbers=true", () => true);
      await expectIds("site_id=site_7q4p0", (n) => n.site.id === "site_7q4p0");
    });
  });

  describe("faults and rate limits", () => {
    it("answers the failure and 429 switches with Zoom's bodies, Retry-After and its rate-limit class", async () => {
      const ok = await list();
      expect([ok.headers.get("x-ratelimit-category"), ok.headers.get("x-ratelimit-type")]).toEqual(["Medium", "QPS"]);
      sim.setFaults({ failNext: 1 });
      expect(await list().then((r) => [r.status, r.body])).toEqual([500, { code: 500, message: "Internal Server Error." }]);
      sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 2 });
      const limited = await list();
      expect([limited.status, limited.body, limited.headers.get("retry-after"), limited.headers.get("x-ratelimit-category")]).toEqual([
        429,
        { code: 429, message: "You have reached the maximum per-second rate limit for this API. Try again later." },
        "2",
        "Medium",
      ]);
      expect(await list().then((r) => r.status)).toBe(200);
      expect(await fetch(`${base}/v2/phone/nope`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)).toBe(404);
    });

    it("enforces a per-second budget when asked to, with Retry-After: 1", async () => {
      let now = Date.now();
      const limited = new ZoomSimulator({ numbers: 5, qpsLimit: 2, now: () => now });
      const url = await limited.start();
      try {
        const bearer = (
          (await fetch(`${url}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST", headers: { authorization: basic(clientId, clientSecret) } }).then((r) => r.json())) as { access_token: string }
        ).access_token;
        const call = () => fetch(`${url}/v2/phone/numbers`, { headers: { authorization: `Bearer ${bearer}` } }).then((r) => [r.status, r.headers.get("retry-after")]);
        expect([await call(), await call(), await call()]).toEqual([
          [200, null],
          [200, null],
          [429, "1"],
        ]);
        now += 1000;
        expect(await call()).toEqual([200, null]);
      } finally {
        await limited.stop();
      }
    });

    it("counts each rate-limit class on its own (MEDIUM /phone/numbers, LIGHT Number Management), and the 429s it sent", async () => {
      const now = Date.now();
      const limited = new ZoomSimulator({ numbers: 5, qpsLimit: { medium: 1, light: 2 }, now: () => now });
      const url = await limited.start();
      try {
        const bearer = (
          (await fetch(`${url}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST", headers: { authorization: basic(clientId, clientSecret) } }).then((r) => r.json())) as { access_token: string }
        ).access_token;
        const call = (path: string) => fetch(`${url}/v2/${path}`, { headers: { authorization: `Bearer ${bearer}` } }).then((r) => r.status);
        expect([await call("phone/numbers"), await call("phone/numbers")]).toEqual([200, 429]);
        expect([await call("number_management/numbers"), await call("number_management/numbers"), await call("number_management/numbers")]).toEqual([200, 200, 429]);
        expect(limited.answered(429)).toBe(2);
        expect(limited.statusCounts()).toMatchObject({ "GET /v2/phone/numbers 429": 1, "GET /v2/number_management/numbers 429": 1 });
      } finally {
        await limited.stop();
      }
    });
  });

  describe("seeded data", () => {
    const all = new ZoomSimulator().numbers;

    it("is deterministic, at the default scale plus the cross-held numbers, with unique ids and numbers", () => {
      expect(new ZoomSimulator().numbers).toEqual(all);
      expect(all).toHaveLength(seedScale() + crossHeldFor("ZOOM").length);
      expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
      expect(new Set(all.map((n) => n.number)).size).toBe(all.length);
      expect(all.map((n) => n.number)).toEqual(expect.arrayContaining(crossHeldFor("ZOOM")));
    });

    it("holds every assignee type, unassigned numbers, both statuses, number types and sources, and US and UK numbers", () => {
      expect(new Set(all.map((n) => n.assignee?.type ?? "none"))).toEqual(new Set([...ZOOM_ASSIGNEE_TYPES, "none"]));
      expect(new Set(all.map((n) => n.status))).toEqual(new Set(["available", "pending"]));
      expect(new Set(all.map((n) => n.number_type))).toEqual(new Set(["toll", "tollfree"]));
      expect(new Set(all.map((n) => n.source))).toEqual(new Set(["internal", "external"]));
      expect(new Set(all.map((n) => n.capability.join("+")))).toEqual(new Set(["incoming+outgoing", "incoming", "outgoing"]));
      expect(new Set(all.map((n) => n.site.id)).size).toBe(3);
      expect(all.some((n) => n.number.startsWith("+44"))).toBe(true);
      expect(all.some((n) => n.display_name === undefined)).toBe(true);
    });

    it("gives BYOC numbers carrier, emergency address and SIP group, and only them", () => {
      for (const n of all) {
        const byoc = n.source === "external";
        expect([n.carrier !== undefined, n.emergency_address !== undefined, n.sip_group !== undefined]).toEqual([byoc, byoc, byoc]);
      }
    });

    it("shares each emergency number pool's id and name across its member numbers", () => {
      const pooled = all.filter((n) => n.assignee?.type === "emergencyNumberPool");
      const byPool = new Map<string, Set<string>>();
      for (const n of pooled) byPool.set(n.assignee!.id, (byPool.get(n.assignee!.id) ?? new Set()).add(n.assignee!.name));
      expect([...byPool.keys()].sort()).toEqual(ZOOM_EMERGENCY_POOLS.map((p) => p.id).sort());
      for (const pool of ZOOM_EMERGENCY_POOLS) expect([...byPool.get(pool.id)!]).toEqual([pool.name]);
      expect(pooled.length).toBeGreaterThan(ZOOM_EMERGENCY_POOLS.length);
    });
  });
});
