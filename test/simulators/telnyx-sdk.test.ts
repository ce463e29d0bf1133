import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import Telnyx from "telnyx";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { TelnyxSimulator } from "../../src/simulators/telnyx/index.js";

const PATH = "GET /v2/phone_numbers";

/**
 * Telnyx's official Node SDK (telnyx v7), pointed at the simulator. Its page params are the flat
 * keys `'page[size]'`/`'page[number]'` (DefaultFlatPaginationParams), its filters a nested object
 * it serialises with qs as deepObject keys (arrays as comma lists), and its auto-paging follows
 * `meta.page_number` until `meta.total_pages`.
 */
describe("the official telnyx SDK against the Telnyx simulator", () => {
  const sim = new TelnyxSimulator({ numbers: 900 });
  let client: Telnyx;
  const ids = (rows: { id?: string }[]) => rows.map((r) => r.id!).sort();
  const collect = async <T>(pages: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const item of pages) out.push(item);
    return out;
  };

  beforeAll(async () => {
    client = new Telnyx({ apiKey: SIM_CREDENTIALS.telnyx.apiKey, baseURL: `${await sim.start()}/v2`, maxRetries: 0 });
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("auto-pages at page[size]=250 to every number the simulator holds, whole records, one call a page", async () => {
    const numbers = await collect(client.phoneNumbers.list({ "page[size]": 250, sort: "phone_number" }));
    expect(numbers).toEqual([...sim.numbers].sort((a, b) => (a.phone_number < b.phone_number ? -1 : 1)));
    expect(sim.counts()).toEqual({ [PATH]: Math.ceil(sim.numbers.length / 250) });
  });

  it("auto-pages at the default page size of 20 too", async () => {
    expect(ids(await collect(client.phoneNumbers.list()))).toEqual(ids(sim.numbers));
    expect(sim.total()).toBe(Math.ceil(sim.numbers.length / 20));
  });

  it("sends deepObject filters the simulator applies: status, number_type[eq], a country array, connection name", async () => {
    const found = await collect(client.phoneNumbers.list({ "page[size]": 250, filter: { status: "active", number_type: { eq: "mobile" } } }));
    expect(ids(found)).toEqual(ids(sim.numbers.filter((n) => n.status === "active" && n.phone_number_type === "mobile")));

    const countries = await collect(client.phoneNumbers.list({ "page[size]": 250, filter: { country_iso_alpha2: ["GB", "US"] } }));
    expect(ids(countries)).toEqual(ids(sim.numbers));
    const gb = await collect(client.phoneNumbers.list({ "page[size]": 250, filter: { country_iso_alpha2: ["GB"] } }));
    expect(ids(gb)).toEqual(ids(sim.numbers.filter((n) => n.country_iso_alpha2 === "GB")));

    const trunk = await collect(client.phoneNumbers.list({ "page[size]": 250, filter: { "voice.connection_name": { starts_with: "main" }, tag: "vip" } }));
    expect(ids(trunk)).toEqual(ids(sim.numbers.filter((n) => n.connection_name?.startsWith("main") && n.tags.includes("vip"))));
  });

  it("surfaces the simulator's 401, 400, 429 and 500 as the SDK's own error classes with Telnyx's bodies", async () => {
    const wrong = new Telnyx({ apiKey: "KEYnotvalid", baseURL: client.baseURL, maxRetries: 0 });
    const rejection = (promise: PromiseLike<unknown>) =>
      Promise.resolve(promise).then(
        () => undefined,
        (e: unknown) => e as InstanceType<typeof Telnyx.APIError>,
      );

    const denied = await rejection(wrong.phoneNumbers.list());
    expect(denied).toBeInstanceOf(Telnyx.AuthenticationError);
    expect(denied!.error).toMatchObject({ errors: [{ code: "10009", title: "Authentication failed" }] });

    const tooBig = await rejection(client.phoneNumbers.list({ "page[size]": 251 }));
    expect(tooBig).toBeInstanceOf(Telnyx.BadRequestError);
    expect(tooBig!.error).toMatchObject({ errors: [{ code: "10015", source: { parameter: "page[size]" } }] });

    const short = await rejection(client.phoneNumbers.list({ filter: { "voice.connection_name": { contains: "ma" } } }));
    expect(short).toBeInstanceOf(Telnyx.BadRequestError);

    sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 3 });
    const limited = await rejection(client.phoneNumbers.list());
    expect(limited).toBeInstanceOf(Telnyx.RateLimitError);
    expect([limited!.headers?.get("retry-after"), limited!.headers?.get("x-ratelimit-remaining"), limited!.headers?.get("x-ratelimit-reset")]).toEqual([null, "0", "3"]);
    expect(limited!.error).toMatchObject({ errors: [{ code: "10011" }] });

    sim.setFaults({ failNext: 1 });
    const failed = await rejection(client.phoneNumbers.list());
    expect(failed).toBeInstanceOf(Telnyx.InternalServerError);
    expect(failed!.error).toMatchObject({ errors: [{ code: "10007" }] });
  });
});
