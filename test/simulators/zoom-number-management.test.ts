import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { numberManagementId, ZOOM_LIST_SCOPES, ZOOM_NM_ASSIGNEE_TYPES, ZOOM_NM_NUMBER_TYPES, ZOOM_NM_PRODUCTS, ZOOM_NM_SOURCES, ZoomSimulator, type ZoomNmWireNumber } from "../../src/simulators/zoom/index.js";

const { clientId, clientSecret, accountId } = SIM_CREDENTIALS.zoom;
const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
interface NmBody {
  next_page_token?: string;
  page_size: number;
  numbers: ZoomNmWireNumber[];
  code?: number;
  message?: string;
}

/** `GET /number_management/numbers` as zoom-number-management-list-numbers.md describes it, over HTTP. */
describe("Zoom simulator: Number Management over the same data set as /phone/numbers", () => {
  let clock = Date.now();
  const sim = new ZoomSimulator({ numbers: 250, now: () => clock });
  let base = "";
  let token = "";
  const mint = async () => {
    const response = await fetch(`${base}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST", headers: { authorization: basic } });
    return (await response.json()) as { access_token: string; scope: string };
  };
  const call = async (path: string, query = "", bearer = token) => {
    const response = await fetch(`${base}/v2/${path}${query}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as NmBody };
  };
  const nm = (query = "", bearer = token) => call("number_management/numbers", query, bearer);
  const listAll = async (query: string) => {
    const pages: NmBody[] = [];
    let next: string | undefined = "";
    do {
      const page = await nm(`?${query}${next ? `&next_page_token=${encodeURIComponent(next)}` : ""}`);
      expect(page.status).toBe(200);
      pages.push(page.body);
      next = page.body.next_page_token;
    } while (next);
    return { pages, numbers: pages.flatMap((p) => p.numbers) };
  };

  beforeAll(async () => {
    base = await sim.start();
    token = (await mint()).access_token;
  });
  afterAll(() => sim.stop());

  it("pages up to 200, ends on an empty token, has no total_records, and lists in a stable order by number", async () => {
    const first = await nm();
    expect([first.status, first.body.page_size, first.body.numbers.length, first.headers.get("x-ratelimit-category")]).toEqual([200, 30, 30, "Light"]);
    expect(first.body).not.toHaveProperty("total_records");
    const { pages, numbers } = await listAll("page_size=200");
    const all = sim.numberManagementNumbers();
    expect(pages.map((p) => p.numbers.length)).toEqual([200, all.length - 200]);
    expect(pages.map((p) => p.next_page_token === "")).toEqual([false, true]);
    expect(numbers).toEqual(all);
    expect(numbers.map((n) => n.number)).toEqual([...numbers.map((n) => n.number)].sort());
    expect((await nm("?page_size=201")).body).toMatchObject({ code: 300 });
    sim.omitLastPageToken = true;
    try {
      const last = await listAll("page_size=200");
      expect(last.pages[1]).not.toHaveProperty("next_page_token");
    } finally {
      sim.omitLastPageToken = false;
    }
  });

  it("answers an expired, forged or foreign page token with 400 code 1003100", async () => {
    const expired = { status: 400, body: { code: 1003100, message: "The next page token is either invalid or has expired" } };
    const next = (await nm("?page_size=50")).body.next_page_token!;
    expect((await nm(`?page_size=50&next_page_token=${next}`)).status).toBe(200);
    expect(await nm(`?page_size=50&next_page_token=garbage`).then((r) => ({ status: r.status, body: r.body }))).toEqual(expired);
    expect(await nm(`?page_size=50&number_type=Toll&next_page_token=${next}`).then((r) => ({ status: r.status, body: r.body }))).toEqual(expired);
    // A /phone/numbers token is not a Number Management one.
    const phoneToken = (await call("phone/numbers", "?page_size=50")).body.next_page_token!;
    expect((await nm(`?page_size=50&next_page_token=${phoneToken}`)).body.code).toBe(1003100);
    clock += 15 * 60_000 + 1000;
    token = (await mint()).access_token;
    expect(await nm(`?page_size=50&next_page_token=${next}`).then((r) => ({ status: r.status, body: r.body }))).toEqual(expired);
  });

  it("serves each /phone/numbers number with the same E.164, first assignee and site, under another id", async () => {
    const phone = sim.numbers;
    const byNumber = new Map(sim.numberManagementNumbers().map((n) => [n.number, n]));
    for (const old of phone) {
      const n = byNumber.get(old.number)!;
      expect(n.id).toBe(numberManagementId(old.id));
      expect(n.id).not.toBe(old.id);
      expect(n.allocated_product).toBe("ZOOM_PHONE");
      expect(n.site).toEqual({ site_id: old.site.id, name: old.site.name });
      expect(n.assigned_list[0] ? [n.assigned_list[0].assigned_to_id, n.assigned_list[0].assigned_to_name] : null).toEqual(old.assignee ? [old.assignee.id, old.assignee.name] : null);
      if (old.assignee?.extension_number !== undefined) expect(n.assigned_list[0]!.extension_number).toBe(String(old.assignee.extension_number));
      expect(n.status).toBe(old.status === "pending" ? "Pending" : "Normal");
      expect(n.number_type).toBe(old.number_type === "tollfree" ? "TollFree" : "Toll");
    }
    // Emergency number pools carry their site's id, in both APIs.
    for (const old of phone.filter((p) => p.assignee?.type === "emergencyNumberPool")) expect(old.assignee!.id).toBe(old.site.id);
  });

  it("also lists Contact Center and unallocated numbers, with every product, type, source, status, capability and assignee kind of the doc", () => {
    const all = sim.numberManagementNumbers();
    expect(new Set(all.map((n) => n.allocated_product))).toEqual(new Set(ZOOM_NM_PRODUCTS));
    expect(new Set(all.map((n) => n.number_type))).toEqual(new Set(ZOOM_NM_NUMBER_TYPES));
    expect(new Set(all.map((n) => n.source))).toEqual(new Set(ZOOM_NM_SOURCES));
    expect(new Set(all.map((n) => n.status))).toEqual(new Set(["Normal", "Pending"]));
    expect(new Set(all.flatMap((n) => n.capability))).toEqual(new Set(["Incoming", "Outgoing", "Messaging", "PCIPal", "EmergencyCalls"]));
    expect(new Set(all.flatMap((n) => n.assigned_list.map((a) => a.assigned_to_type)).filter(Boolean))).toEqual(new Set(ZOOM_NM_ASSIGNEE_TYPES));
    expect(all.some((n) => n.assigned_list.length > 1)).toBe(true);
    expect(all.some((n) => n.assigned_list.some((a) => a.source_channel === "SMS") && n.caller_id_name)).toBe(true);
    expect(all.filter((n) => n.allocated_product === "UNALLOCATED").every((n) => n.assigned_list.length === 0)).toBe(true);
    expect(new Set(all.map((n) => n.number)).size).toBe(all.length);
    expect(all.some((n) => n.address_update_required === true) && all.some((n) => n.location?.state && n.location.city)).toBe(true);
  });

  it("filters by the doc's parameters, rejecting an unknown enum value with 999 and an unknown site with 1002010", async () => {
    const all = sim.numberManagementNumbers();
    const only = async (query: string, keep: (n: ZoomNmWireNumber) => boolean) => expect((await listAll(`page_size=200&${query}`)).numbers).toEqual(all.filter(keep));
    await only("allocated_product=ZOOM_CONTACT_CENTER", (n) => n.allocated_product === "ZOOM_CONTACT_CENTER");
    await only("number_type=Mobile&number_status=Normal", (n) => n.number_type === "Mobile" && n.status === "Normal");
    await only("assigned_to_type=SharedLineGroup", (n) => n.assigned_list.some((a) => a.assigned_to_type === "SharedLineGroup"));
    await only("keyword=1212", (n) => n.number.startsWith("+1212"));
    expect((await nm("?number_type=toll")).body).toEqual({ code: 999, message: "Invalid value: number_type" });
    expect((await nm("?site_id=nope")).body).toEqual({ code: 1002010, message: "The site does not exist" });
  });

  it("gives tokens the scopes the app has when they are minted, and refuses a list API whose scope a token lacks, naming it", async () => {
    expect((await mint()).scope.split(" ")).toEqual(expect.arrayContaining([ZOOM_LIST_SCOPES.phone[0], ZOOM_LIST_SCOPES.numberManagement[0]]));
    sim.grantScopes([ZOOM_LIST_SCOPES.phone[0]]);
    const phoneOnly = (await mint()).access_token;
    const refused = await nm("", phoneOnly);
    expect([refused.status, refused.body]).toEqual([400, { code: 4711, message: "Invalid access token, does not contain scopes:[number_management_numbers:read:admin, number_management:read:list_numbers:admin]." }]);
    expect((await call("phone/numbers", "", phoneOnly)).status).toBe(200);
    // A token keeps the scopes it was minted with; a granular scope is as good as the classic one.
    sim.grantScopes([ZOOM_LIST_SCOPES.numberManagement[1]]);
    expect((await nm("", phoneOnly)).status).toBe(400);
    const granular = (await mint()).access_token;
    expect((await nm("", granular)).status).toBe(200);
    expect((await call("phone/numbers", "", granular)).body.code).toBe(4711);
    sim.grantScopes([ZOOM_LIST_SCOPES.phone[0], ZOOM_LIST_SCOPES.numberManagement[0]]);

    const strict = new ZoomSimulator({ numbers: 5, scopes: [ZOOM_LIST_SCOPES.phone[1]], missingScopeStatus: 401 });
    const url = await strict.start();
    try {
      const minted = (await (await fetch(`${url}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, { method: "POST", headers: { authorization: basic } })).json()) as { access_token: string };
      const answer = await fetch(`${url}/v2/number_management/numbers`, { headers: { authorization: `Bearer ${minted.access_token}` } });
      expect([answer.status, ((await answer.json()) as NmBody).code]).toEqual([401, 4700]);
    } finally {
      await strict.stop();
    }
  });
});
