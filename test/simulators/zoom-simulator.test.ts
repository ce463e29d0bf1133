import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { ZoomSimulator } from "../../src/simulators/zoom/index.js";

/** Behaviour zoom-list-phone-numbers.md and SPEC §1 describe that the SDK check does not reach. */
describe("Zoom simulator follows the documented API", () => {
  const sim = new ZoomSimulator({ numbers: 250, pageTokenTtlMs: 50 });
  let base = "";
  let token = "";
  beforeAll(async () => {
    base = await sim.start();
    const { clientId, clientSecret, accountId } = SIM_CREDENTIALS.zoom;
    const response = await fetch(`${base}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST", headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` } });
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    token = body.access_token;
  });
  afterAll(() => sim.stop());

  const list = async (query: string) => {
    const response = await fetch(`${base}/v2/phone/numbers${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("ends with an empty next_page_token, and rejects an expired one with a 300", async () => {
    const first = await list("?page_size=100");
    expect(first.body.next_page_token).toMatch(/.+/);
    const second = await list(`?page_size=100&next_page_token=${first.body.next_page_token}`);
    const last = await list(`?page_size=100&next_page_token=${second.body.next_page_token}`);
    expect(last.body.next_page_token).toBe("");
    expect(first.body.total_records).toBe(sim.numbers.length);
    await new Promise((r) => setTimeout(r, 80));
    const expired = await list(`?page_size=100&next_page_token=${first.body.next_page_token}`);
    expect(expired).toEqual({ status: 400, body: { code: 300, message: "The next page token is invalid or expired." } });
  });

  it("validates page_size and extension_type, and filters by type", async () => {
    expect((await list("?page_size=101")).body).toMatchObject({ code: 300, errors: [{ field: "page_size" }] });
    expect((await list("?extension_type=user")).body).toMatchObject({ code: 300, errors: [{ field: "extension_type" }] });
    const queues = await list("?type=assigned&extension_type=callQueue&page_size=100");
    expect(queues.body.phone_numbers.every((n: { assignee: { type: string } }) => n.assignee.type === "callQueue")).toBe(true);
    const byoc = await list("?type=byoc&page_size=100");
    expect(byoc.body.phone_numbers.every((n: { source: string; carrier?: unknown }) => n.source === "external" && n.carrier)).toBe(true);
    expect((await fetch(`${base}/v2/phone/numbers`, { headers: { authorization: "Bearer expired" } }).then((r) => r.json()))).toEqual({ code: 124, message: "Invalid access token." });
  });
});
