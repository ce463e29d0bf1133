import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { crossHeldFor, seedScale } from "../../src/simulators/seed.js";

const [MAIN, BRANCH, EMPTY] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string, string];
const GOOD = { authorization: `Bearer ${SIM_CREDENTIALS.highlevel.token}`, version: "2021-07-28" };
const RATE_HEADERS = ["x-ratelimit-max", "x-ratelimit-remaining", "x-ratelimit-interval-milliseconds", "x-ratelimit-limit-daily", "x-ratelimit-daily-remaining"];

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function get(base: string, path: string, headers: Record<string, string> = GOOD): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a malformed body stays text
  }
  return { status: response.status, body, headers: response.headers };
}

const numbersOf = (location: string, query = "") => `/phone-system/numbers/location/${location}${query}`;

describe("HighLevel simulator follows HighLevel's published behaviour", () => {
  const sim = new HighLevelSimulator();
  let base: string;
  beforeAll(async () => {
    base = await sim.start();
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  it("seeds every type, origin and assignee kind, the cross-held numbers, pools and an empty location", () => {
    const main = sim.location(MAIN).numbers;
    const branch = sim.location(BRANCH).numbers;
    expect(main).toHaveLength(seedScale() + crossHeldFor("HIGHLEVEL").length);
    expect(branch).toHaveLength(Math.round(seedScale() / 3));
    expect(sim.location(EMPTY)).toMatchObject({ numbers: [], pools: [] });
    expect(main.map((n) => n.phoneNumber)).toEqual(expect.arrayContaining(crossHeldFor("HIGHLEVEL")));
    for (const numbers of [main, branch]) {
      expect(new Set(numbers.map((n) => n.type))).toEqual(new Set(["local", "toll-free", "mobile", "national"]));
      expect(new Set(numbers.map((n) => n.origin))).toEqual(new Set(["twilio", "hosted", "ported"]));
      expect(new Set(numbers.map((n) => n.inboundCallService?.type ?? null))).toEqual(new Set(["voice_ai", "ivr", "forward", null]));
      expect(numbers.some((n) => n.linkedUser) && numbers.some((n) => !n.linkedUser)).toBe(true);
      expect(numbers.some((n) => !n.linkedUser && !n.inboundCallService)).toBe(true);
    }
    const all = sim.locations.flatMap((l) => l.numbers);
    expect(new Set(all.map((n) => n.sid)).size).toBe(all.length);
    expect(new Set(all.map((n) => n.phoneNumber)).size).toBe(all.length);
    for (const location of [MAIN, BRANCH]) {
      const { pools, pooledSids, numbers } = sim.location(location);
      expect(pools.length).toBeGreaterThanOrEqual(2);
      const members = pools.flatMap((p) => p.numbers.map((m) => m.phoneNumber));
      expect(new Set(members)).toEqual(new Set(numbers.filter((n) => pooledSids.has(n.sid)).map((n) => n.phoneNumber)));
    }
    expect(
      sim
        .location(MAIN)
        .pools.flatMap((p) => p.numbers.map((m) => m.phoneNumber))
        .some((e164) => crossHeldFor("HIGHLEVEL").includes(e164)),
    ).toBe(true);
  });

  it("answers the documented 401 and 400 bodies for a bad token, a missing or wrong Version and bad paging", async () => {
    const unauthorized = { statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" };
    expect(await get(base, numbersOf(MAIN), { version: "2021-07-28" })).toMatchObject({ status: 401, body: unauthorized });
    expect(await get(base, numbersOf(MAIN), { ...GOOD, authorization: "Bearer nope" })).toMatchObject({ status: 401, body: unauthorized });
    expect(await get(base, `/phone-system/number-pools?locationId=${MAIN}`, { ...GOOD, authorization: "Bearer nope" })).toMatchObject({ status: 401, body: unauthorized });

    for (const headers of [{ authorization: GOOD.authorization }, { ...GOOD, version: "2023-02-21" }]) {
      const answer = await get(base, numbersOf(MAIN), headers);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message: expect.stringContaining("2021-07-28"), error: "Bad Request", statusCode: 400 });
    }
    for (const query of ["?pageSize=0", "?pageSize=1001", "?pageSize=ten", "?page=-1", "?page=1.5"]) {
      expect(await get(base, numbersOf(MAIN, query))).toMatchObject({ status: 400, body: { message: "Invalid locationId format or pagination parameters", error: "Bad Request", statusCode: 400 } });
    }
    expect(await get(base, numbersOf(MAIN, "?skipNumberPool=maybe"))).toMatchObject({ status: 400, body: { error: "Bad Request", statusCode: 400 } });
  });

  it("answers 404 {message, statusCode} for a location without a phone system, and 403 for its pools", async () => {
    const answer = await get(base, numbersOf("no-such-location"));
    expect(answer).toMatchObject({ status: 404 });
    expect(answer.body).toEqual({ message: "Phone system is not connected to this account", statusCode: 404 });
    expect(await get(base, "/phone-system/number-pools?locationId=no-such-location")).toMatchObject({ status: 403, body: { error: "Forbidden", statusCode: 403 } });
  });

  it("pages 0-based with the documented page shape, hides pool members unless skipNumberPool=false, and ends in the empty shape", async () => {
    const { numbers, pooledSids } = sim.location(MAIN);
    const first = await get(base, numbersOf(MAIN, "?pageSize=100&page=0&skipNumberPool=false"));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ numbers: numbers.slice(0, 100), isUnderGhl: true, pageSize: 100, page: 0, accountStatus: "active" });

    const collect = async (query: string) => {
      const sids: string[] = [];
      for (let page = 0; ; page++) {
        const { body } = await get(base, numbersOf(MAIN, `?pageSize=150&page=${page}${query}`));
        sids.push(...body.numbers.map((n: { sid: string }) => n.sid));
        if (body.numbers.length < 150) return sids;
      }
    };
    expect(await collect("&skipNumberPool=false")).toEqual(numbers.map((n) => n.sid));
    const unpooled = numbers.filter((n) => !pooledSids.has(n.sid)).map((n) => n.sid);
    expect(await collect("")).toEqual(unpooled); // skipNumberPool defaults to true
    expect(await collect("&skipNumberPool=true")).toEqual(unpooled);

    // The docs give the default pageSize as both 50 and 1000; the simulator takes 50, so a client must send it.
    expect((await get(base, numbersOf(MAIN, "?skipNumberPool=false"))).body.numbers).toHaveLength(50);
    expect((await get(base, numbersOf(MAIN, "?page=99&pageSize=1000"))).body).toEqual({ numbers: [], total: 0 });
    expect((await get(base, numbersOf(EMPTY))).body).toEqual({ numbers: [], total: 0 });
  });

  it("matches searchFilter partially against the number", async () => {
    const { body } = await get(base, numbersOf(MAIN, `?pageSize=1000&skipNumberPool=false&searchFilter=${encodeURIComponent("+44")}`));
    const uk = sim.location(MAIN).numbers.filter((n) => n.phoneNumber.startsWith("+44"));
    expect(body.numbers.map((n: { sid: string }) => n.sid)).toEqual(uk.map((n) => n.sid));
  });

  it("lists a location's pools as {success, data, total}", async () => {
    const { status, body } = await get(base, `/phone-system/number-pools?locationId=${BRANCH}`);
    expect(status).toBe(200);
    expect(body).toEqual({ success: true, data: sim.location(BRANCH).pools, total: sim.location(BRANCH).pools.length });
    expect((await get(base, `/phone-system/number-pools?locationId=${EMPTY}`)).body).toEqual({ success: true, data: [], total: 0 });
  });

  it("sends the X-RateLimit-* headers on every answer, and its own 500 and 429 bodies", async () => {
    for (const answer of [await get(base, numbersOf(MAIN)), await get(base, numbersOf(MAIN), {}), await get(base, "/phone-system/number-pools")]) {
      for (const header of RATE_HEADERS) expect(answer.headers.get(header)).toMatch(/^\d+$/);
    }
    sim.setFaults({ failNext: 1 });
    const failed = await get(base, numbersOf(MAIN));
    expect(failed).toMatchObject({ status: 500, body: { msg: "Internal server error", accountStatus: "active" } });
    expect(failed.headers.get("x-ratelimit-max")).toBe("100");
    sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 7 });
    const limited = await get(base, numbersOf(MAIN));
    expect(limited).toMatchObject({ status: 429, body: { message: "Too Many Requests", error: "Too Many Requests", statusCode: 429 } });
    expect([limited.headers.get("retry-after"), limited.headers.get("x-ratelimit-remaining")]).toEqual(["7", "0"]);
    sim.setFaults({ malformedNext: 1 });
    const malformed = await get(base, numbersOf(MAIN));
    expect(typeof malformed.body).toBe("string");
  });

  it("answers unknown routes with a 404 body", async () => {
    expect(await get(base, "/phone-system/nothing")).toMatchObject({ status: 404, body: { statusCode: 404, error: "Not Found" } });
  });
});

describe("HighLevel simulator's rate-limit budget (100 per 10 s window), on a fixed clock", () => {
  let clock = 1_000_000;
  const sim = new HighLevelSimulator({ numbers: 10, enforceRateLimit: true, now: () => clock });
  let base: string;
  beforeAll(async () => {
    base = await sim.start();
  });
  afterAll(() => sim.stop());

  it("counts the window down, answers 429 with Retry-After when it is spent, and opens a new window", async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 100; i++) remaining.push((await get(base, numbersOf(BRANCH))).headers.get("x-ratelimit-remaining")!);
    expect(remaining.slice(0, 3)).toEqual(["99", "98", "97"]);
    expect(remaining.at(-1)).toBe("0");
    clock += 4_000;
    const limited = await get(base, numbersOf(BRANCH));
    expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, error: "Too Many Requests" } });
    expect(limited.headers.get("retry-after")).toBe("6");
    expect(limited.headers.get("x-ratelimit-daily-remaining")).toBe(String(200_000 - 100));
    clock += 6_000;
    const next = await get(base, numbersOf(BRANCH));
    expect(next.status).toBe(200);
    expect(next.headers.get("x-ratelimit-remaining")).toBe("99");
  });

  it("keeps one budget per location, as HighLevel does per app per location, and counts the 429s it sent", async () => {
    clock += 10_000;
    sim.resetCounts();
    for (let i = 0; i < 100; i++) expect((await get(base, numbersOf(BRANCH))).status).toBe(200);
    expect((await get(base, numbersOf(BRANCH))).status).toBe(429);
    expect((await get(base, `/phone-system/number-pools?locationId=${BRANCH}`)).status).toBe(429);
    // Another location's window is its own: still whole.
    const main = await get(base, numbersOf(MAIN));
    expect(main.status).toBe(200);
    expect(main.headers.get("x-ratelimit-remaining")).toBe("99");
    expect((await get(base, `/phone-system/number-pools?locationId=${MAIN}`)).headers.get("x-ratelimit-remaining")).toBe("98");
    expect(sim.answered(429)).toBe(2);
  });
});
