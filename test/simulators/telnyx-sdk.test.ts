import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Telnyx from "telnyx";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { TelnyxSimulator } from "../../src/simulators/telnyx/index.js";

/** Telnyx's official Node SDK (v7), pointed at our simulator, must page through everything. */
describe("the official telnyx SDK lists every number from the Telnyx simulator", () => {
  const sim = new TelnyxSimulator();
  let client: Telnyx;
  beforeAll(async () => {
    client = new Telnyx({ apiKey: SIM_CREDENTIALS.telnyx.apiKey, baseURL: `${await sim.start()}/v2`, maxRetries: 0 });
  });
  afterAll(() => sim.stop());

  it("auto-pages on meta.page_number / meta.total_pages", async () => {
    const ids: string[] = [];
    for await (const number of client.phoneNumbers.list({ "page[size]": 100 })) ids.push(number.id!);
    expect(ids.sort()).toEqual(sim.numbers.map((n) => n.id).sort());
    expect(sim.counts()).toEqual({ "GET /v2/phone_numbers": Math.ceil(sim.numbers.length / 100) });
  });

  it("sends deepObject filters the simulator understands", async () => {
    const found: string[] = [];
    for await (const number of client.phoneNumbers.list({ filter: { status: "active", number_type: { eq: "mobile" } }, "page[size]": 250 })) found.push(number.id!);
    expect(found.sort()).toEqual(sim.numbers.filter((n) => n.status === "active" && n.phone_number_type === "mobile").map((n) => n.id).sort());
  });

  it("surfaces the simulator's 401 as the SDK's AuthenticationError", async () => {
    const wrong = new Telnyx({ apiKey: "KEYnotvalid", baseURL: client.baseURL, maxRetries: 0 });
    await expect(wrong.phoneNumbers.list()).rejects.toMatchObject({ status: 401 });
  });
});
