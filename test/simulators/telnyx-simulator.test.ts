import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { TELNYX_NUMBER_TYPES, TELNYX_STATUSES, TelnyxSimulator, type TelnyxWirePhoneNumber } from "../../src/simulators/telnyx/index.js";

const KEY = SIM_CREDENTIALS.telnyx.apiKey;
/** Code-unit order, as a database compares ASCII text (localeCompare would skip hyphens). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const PATH = "GET /v2/phone_numbers";

interface ListBody {
  data: TelnyxWirePhoneNumber[];
  meta: { total_pages: number; total_results: number; page_number: number; page_size: number };
}
interface ErrorBody {
  errors: { code: string; title: string; detail: string; source?: { parameter?: string }; meta?: { url: string } }[];
}

/** Telnyx's published behaviour of `GET /v2/phone_numbers` (telnyx-list-phone-numbers.md), checked over HTTP. */
describe("Telnyx simulator: GET /v2/phone_numbers as the doc defines it", () => {
  const sim = new TelnyxSimulator();
  let base = "";
  const get = async (query: string | [string, string][] = "", headers: Record<string, string> = { authorization: `Bearer ${KEY}` }, path = "/v2/phone_numbers") => {
    const search = typeof query === "string" ? query : new URLSearchParams(query).toString();
    const response = await fetch(`${base}${path}${search ? `?${search}` : ""}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const list = async (query: string | [string, string][]) => {
    const answer = await get(query);
    expect(answer.status).toBe(200);
    return answer.body as ListBody;
  };
  /** Every page of a query at page[size]=250, in order. */
  const all = async (query: [string, string][]) => {
    const first = await list([...query, ["page[size]", "250"]]);
    const rows = [...first.data];
    for (let page = 2; page <= first.meta.total_pages; page++) rows.push(...(await list([...query, ["page[size]", "250"], ["page[number]", String(page)]])).data);
    return rows;
  };
  const ids = (rows: TelnyxWirePhoneNumber[]) => rows.map((r) => r.id).sort();
  const badRequest = async (query: string | [string, string][], parameter: string) => {
    const answer = await get(query);
    expect(answer.status).toBe(400);
    const error = (answer.body as ErrorBody).errors[0]!;
    expect(error).toMatchObject({ code: "10015", title: "Bad Request", source: { parameter } });
    return error.detail;
  };

  beforeAll(async () => {
    base = await sim.start();
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  describe("seeded data", () => {
    it("holds the default scale plus the cross-held numbers: unique, valid E.164, every status and type", () => {
      expect(sim.numbers).toHaveLength(400 + crossHeldFor("TELNYX").length);
      expect(new Set(sim.numbers.map((n) => n.id)).size).toBe(sim.numbers.length);
      expect(new Set(sim.numbers.map((n) => n.phone_number)).size).toBe(sim.numbers.length);
      expect(sim.numbers.every((n) => isValidPhoneNumber(n.phone_number) && /^\d{19}$/.test(n.id) && BigInt(n.id) < 2n ** 63n)).toBe(true);
      for (const e164 of crossHeldFor("TELNYX")) expect(sim.numbers.map((n) => n.phone_number)).toContain(e164);
      expect(new Set(sim.numbers.map((n) => n.status))).toEqual(new Set(TELNYX_STATUSES));
      expect(new Set(sim.numbers.map((n) => n.phone_number_type))).toEqual(new Set(TELNYX_NUMBER_TYPES));
      expect(sim.numbers.filter((n) => n.status === "active").length / sim.numbers.length).toBeGreaterThan(0.7);
      expect(new Set(sim.numbers.map((n) => n.country_iso_alpha2))).toEqual(new Set(["US", "GB"]));
    });

    it("has connected and unconnected numbers, tags, messaging profiles, emergency settings and PINs on some", () => {
      const some = (test: (n: TelnyxWirePhoneNumber) => boolean) => sim.numbers.some(test) && !sim.numbers.every(test);
      expect(some((n) => n.connection_id !== null && n.connection_name !== null)).toBe(true);
      expect(some((n) => n.tags.length > 0)).toBe(true);
      expect(some((n) => n.messaging_profile_id !== null)).toBe(true);
      expect(some((n) => n.emergency_enabled && n.emergency_address_id !== null)).toBe(true);
      expect(some((n) => n.external_pin !== null)).toBe(true);
      expect(new Set(sim.numbers.map((n) => n.source_type))).toEqual(new Set(["number_order", "port_request", null]));
      expect(new Set(sim.numbers.map((n) => sim.usagePaymentMethods.get(n.id)))).toEqual(new Set(["pay-per-minute", "channel"]));
    });

    it("is deterministic: two simulators seed the same records", () => {
      expect(new TelnyxSimulator({ numbers: 50 }).numbers).toEqual(new TelnyxSimulator({ numbers: 50 }).numbers);
      expect(new TelnyxSimulator({ numbers: 50 }).numbers).toHaveLength(50 + crossHeldFor("TELNYX").length);
    });
  });

  describe("authentication", () => {
    it("answers a missing, wrong or non-bearer key with the doc's 401 body", async () => {
      for (const headers of [{}, { authorization: "Bearer KEYwrong" }, { authorization: `Basic ${KEY}` }, { authorization: KEY }] as Record<string, string>[]) {
        const answer = await get("", headers);
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({
          errors: [{ code: "10009", title: "Authentication failed", detail: "Could not understand the provided credentials.", meta: { url: "https://developers.telnyx.com/docs/overview/errors/10009" } }],
        });
      }
    });

    it("answers an unknown path or method with its 404 body", async () => {
      const answer = await get("", undefined, "/v2/phone_numbers_nope");
      expect([answer.status, (answer.body as ErrorBody).errors[0]!.code]).toEqual([404, "10005"]);
      const post = await fetch(`${base}/v2/phone_numbers`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
      expect(post.status).toBe(404);
    });
  });

  describe("paging", () => {
    it("defaults to page 1 of 20, newest created_at first, with meta", async () => {
      const body = await list("");
      const newest = [...sim.numbers].sort((a, b) => byText(b.created_at, a.created_at) || byText(a.id, b.id)).slice(0, 20);
      expect(body.data.map((n) => n.id)).toEqual(newest.map((n) => n.id));
      expect(body.meta).toEqual({ total_pages: Math.ceil(sim.numbers.length / 20), total_results: sim.numbers.length, page_number: 1, page_size: 20 });
    });

    it("serves whole records, external_pin included (the PIN is Telnyx's field; dropping it is the client's job)", async () => {
      const body = await list("page[size]=5");
      expect(body.data).toEqual(body.data.map((row) => sim.numbers.find((n) => n.id === row.id)));
      expect(Object.keys(body.data[0]!)).toContain("external_pin");
    });

    it("pages deepObject page[number]/page[size] to meta.total_pages: every number once, past the end empty", async () => {
      const rows = await all([["sort", "phone_number"]]);
      expect(ids(rows)).toEqual(ids(sim.numbers));
      expect(sim.counts()).toEqual({ [PATH]: Math.ceil(sim.numbers.length / 250) });
      const past = await list("page[size]=250&page[number]=99");
      expect([past.data, past.meta.page_number, past.meta.total_pages]).toEqual([[], 99, Math.ceil(sim.numbers.length / 250)]);
    });

    it("rejects a page size outside 1..250, a page number below 1 and unknown page keys with 400 and source.parameter", async () => {
      for (const size of ["0", "251", "abc", "-5", "2.5", ""]) expect(await badRequest(`page[size]=${size}`, "page[size]")).toContain("1 to 250");
      for (const number of ["0", "x"]) await badRequest(`page[number]=${number}`, "page[number]");
      await badRequest("page[offset]=3", "page[offset]");
    });

    it("sorts by each documented field deterministically, and rejects any other", async () => {
      const expected: Record<string, (n: TelnyxWirePhoneNumber) => string> = {
        purchased_at: (n) => n.purchased_at,
        phone_number: (n) => n.phone_number,
        connection_name: (n) => n.connection_name ?? "\uffff", // no connection sorts last
        usage_payment_method: (n) => sim.usagePaymentMethods.get(n.id)!,
      };
      for (const [sort, key] of Object.entries(expected)) {
        const rows = await all([["sort", sort]]);
        expect(rows.map((n) => n.id)).toEqual([...sim.numbers].sort((a, b) => byText(key(a), key(b)) || byText(a.id, b.id)).map((n) => n.id));
        expect((await all([["sort", sort]])).map((n) => n.id)).toEqual(rows.map((n) => n.id));
      }
      for (const sort of ["created_at", "-phone_number", "id"]) await badRequest(`sort=${sort}`, "sort");
      await badRequest("handle_messaging_profile_error=maybe", "handle_messaging_profile_error");
    });
  });

  describe("deepObject filters", () => {
    const expectFilter = async (query: [string, string][], test: (n: TelnyxWirePhoneNumber) => boolean) => {
      const expected = sim.numbers.filter(test);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(sim.numbers.length);
      expect(ids(await all(query))).toEqual(ids(expected));
    };

    it("filter[status] takes the filter enum's values; other statuses are a 400", async () => {
      await expectFilter([["filter[status]", "active"]], (n) => n.status === "active");
      await expectFilter([["filter[status]", "port-out-pending"]], (n) => n.status === "port-out-pending");
      // requirement-info-* and provision-pending are statuses a record has, not values the filter takes.
      expect(await badRequest("filter[status]=requirement-info-pending", "filter[status]")).toContain("active");
      await badRequest("filter[status][eq]=active", "filter[status][eq]");
    });

    it("filter[country_iso_alpha2] takes one code, repeated keys, [] keys or a comma list", async () => {
      const gb = (n: TelnyxWirePhoneNumber) => n.country_iso_alpha2 === "GB";
      await expectFilter([["filter[country_iso_alpha2]", "GB"]], gb);
      const both = sim.numbers.length;
      for (const query of [
        [
          ["filter[country_iso_alpha2]", "US"],
          ["filter[country_iso_alpha2]", "GB"],
        ],
        [
          ["filter[country_iso_alpha2][]", "US"],
          ["filter[country_iso_alpha2][]", "GB"],
        ],
        [
          ["filter[country_iso_alpha2][0]", "US"],
          ["filter[country_iso_alpha2][1]", "GB"],
        ],
        [["filter[country_iso_alpha2]", "US,GB"]],
      ] as [string, string][][]) {
        expect(await all(query)).toHaveLength(both);
      }
      expect(await all([["filter[country_iso_alpha2]", "FR"]])).toEqual([]);
    });

    it("filter[phone_number] needs three digits; non-numerical characters return nothing", async () => {
      const digits = sim.numbers[0]!.phone_number.slice(2, 9);
      await expectFilter([["filter[phone_number]", digits]], (n) => n.phone_number.includes(digits));
      expect(await badRequest("filter[phone_number]=41", "filter[phone_number]")).toContain("three digits");
      expect(await all([["filter[phone_number]", `+${digits}`]])).toEqual([]);
    });

    it("filter[number_type][eq] takes the five current types, not legacy ones, and only with [eq]", async () => {
      await expectFilter([["filter[number_type][eq]", "mobile"]], (n) => n.phone_number_type === "mobile");
      await expectFilter([["filter[number_type][eq]", "toll_free"]], (n) => n.phone_number_type === "toll_free");
      await badRequest("filter[number_type][eq]=tollfree", "filter[number_type][eq]");
      await badRequest("filter[number_type]=mobile", "filter[number_type]");
    });

    it("filter[voice.connection_name] matches with contains/starts_with/ends_with (three characters or more) and eq", async () => {
      const named = (test: (name: string) => boolean) => (n: TelnyxWirePhoneNumber) => n.connection_name !== null && test(n.connection_name);
      await expectFilter(
        [["filter[voice.connection_name][contains]", "call"]],
        named((s) => s.includes("call")),
      );
      await expectFilter(
        [["filter[voice.connection_name][starts_with]", "main"]],
        named((s) => s.startsWith("main")),
      );
      await expectFilter(
        [["filter[voice.connection_name][ends_with]", "conn"]],
        named((s) => s.endsWith("conn")),
      );
      await expectFilter(
        [["filter[voice.connection_name][eq]", "test-lab-connection"]],
        named((s) => s === "test-lab-connection"),
      );
      expect(await badRequest("filter[voice.connection_name][contains]=ma", "filter[voice.connection_name][contains]")).toContain("three characters");
      await badRequest("filter[voice.connection_name]=main", "filter[voice.connection_name]");
      await badRequest("filter[voice.connection_name][like]=main", "filter[voice.connection_name][like]");
    });

    it("filters by tag, without_tags, source, connection_id, billing group ('null' for none), usage payment method, and combines them", async () => {
      await expectFilter([["filter[tag]", "vip"]], (n) => n.tags.includes("vip"));
      await expectFilter([["filter[without_tags]", "true"]], (n) => n.tags.length === 0);
      expect(await all([["filter[without_tags]", "false"]])).toHaveLength(sim.numbers.length);
      await expectFilter([["filter[source]", "ported"]], (n) => n.source_type === "port_request");
      await expectFilter([["filter[connection_id]", "1293384261075731401"]], (n) => n.connection_id === "1293384261075731401");
      await expectFilter([["filter[billing_group_id]", "null"]], (n) => n.billing_group_id === null);
      await expectFilter([["filter[emergency_address_id]", "null"]], (n) => n.emergency_address_id === null);
      await expectFilter([["filter[voice.usage_payment_method]", "channel"]], (n) => sim.usagePaymentMethods.get(n.id) === "channel");
      await expectFilter(
        [
          ["filter[status]", "active"],
          ["filter[country_iso_alpha2]", "US"],
          ["filter[tag]", "sales"],
        ],
        (n) => n.status === "active" && n.country_iso_alpha2 === "US" && n.tags.includes("sales"),
      );
      await badRequest("filter[source]=stolen", "filter[source]");
      await badRequest("filter[voice.usage_payment_method]=free", "filter[voice.usage_payment_method]");
      await badRequest("filter[color]=red", "filter[color]");
      await badRequest("filter=active", "filter");
    });
  });

  describe("rate limits and faults", () => {
    it("counts x-ratelimit-limit/-remaining/-reset down on every answer, 401s included", async () => {
      const clock = { now: 0 };
      const limited = new TelnyxSimulator({ numbers: 10, rateLimit: { limit: 3, windowMs: 10_000 }, now: () => clock.now });
      const url = await limited.start();
      try {
        const headersOf = async (headers: Record<string, string>) => {
          const response = await fetch(`${url}/v2/phone_numbers`, { headers });
          return [response.status, response.headers.get("x-ratelimit-limit"), response.headers.get("x-ratelimit-remaining"), response.headers.get("x-ratelimit-reset")];
        };
        const auth = { authorization: `Bearer ${KEY}` };
        expect(await headersOf(auth)).toEqual([200, "3", "2", "10"]);
        clock.now = 4_000;
        expect(await headersOf({})).toEqual([401, "3", "1", "6"]);
        expect(await headersOf(auth)).toEqual([200, "3", "0", "6"]);
        // Not enforced by default: the budget is spent but the answer still comes.
        expect(await headersOf(auth)).toEqual([200, "3", "0", "6"]);
        clock.now = 10_000;
        expect(await headersOf(auth)).toEqual([200, "3", "2", "10"]);
      } finally {
        await limited.stop();
      }
    });

    it("enforced, answers 429 code 10011 without Retry-After, x-ratelimit-reset saying when, until the window resets", async () => {
      const clock = { now: 0 };
      const limited = new TelnyxSimulator({ numbers: 10, rateLimit: { limit: 1, windowMs: 5_000 }, enforceRateLimit: true, now: () => clock.now });
      const url = await limited.start();
      try {
        const call = () => fetch(`${url}/v2/phone_numbers`, { headers: { authorization: `Bearer ${KEY}` } });
        expect((await call()).status).toBe(200);
        clock.now = 2_000;
        const refused = await call();
        expect([refused.status, refused.headers.get("retry-after"), refused.headers.get("x-ratelimit-remaining"), refused.headers.get("x-ratelimit-reset")]).toEqual([429, null, "0", "3"]);
        expect(await refused.json()).toEqual({
          errors: [{ code: "10011", title: "Too many requests", detail: "You have exceeded the maximum number of allowed requests.", meta: { url: "https://developers.telnyx.com/docs/overview/errors/10011" } }],
        });
        clock.now = 5_000;
        expect((await call()).status).toBe(200);
      } finally {
        await limited.stop();
      }
    });

    it("the 429 and 500 switches answer Telnyx's bodies and headers (a 429 with its reset in x-ratelimit-reset, no Retry-After)", async () => {
      sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 7 });
      const limited = await get("");
      expect([limited.status, limited.headers.get("retry-after"), limited.headers.get("x-ratelimit-remaining"), limited.headers.get("x-ratelimit-limit"), limited.headers.get("x-ratelimit-reset")]).toEqual([429, null, "0", "200", "7"]);
      expect((limited.body as ErrorBody).errors[0]).toMatchObject({ code: "10011", title: "Too many requests" });
      sim.setFaults({ failNext: 1 });
      const failed = await get("");
      expect([failed.status, failed.headers.get("x-ratelimit-limit")]).toEqual([500, "200"]);
      expect((failed.body as ErrorBody).errors[0]).toMatchObject({ code: "10007", title: "Unexpected error" });
      expect((await get("")).status).toBe(200);
      expect(sim.total()).toBe(3);
    });
  });
});
