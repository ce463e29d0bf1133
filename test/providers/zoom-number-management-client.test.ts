import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { NumberRecord, ProviderAccount } from "../../src/model/index.js";
import { createZoomAccount, type ZoomAccountConfig } from "../../src/providers/zoom/zoom-client.js";
import type { ZoomDetails } from "../../src/providers/zoom/zoom-mapping.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { ZOOM_LIST_SCOPES, ZoomSimulator } from "../../src/simulators/zoom/index.js";
import { testBounds } from "../support/stack.js";
import { TEST_DEPS, captureLogLines } from "../support/log-capture.js";
import { upstreamFailure } from "../support/upstream-error.js";

const NM = "GET /v2/number_management/numbers";
const PHONE = "GET /v2/phone/numbers";
const TOKEN = "POST /oauth/token";
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 2000 };
const bounds = () => testBounds({ maxPages: 100 });
const BOTH = [ZOOM_LIST_SCOPES.phone[0], ZOOM_LIST_SCOPES.numberManagement[0]];
const PHONE_ONLY = [ZOOM_LIST_SCOPES.phone[0]];
/** What must not change when an account switches API: identity, number, who answers it. */
const identity = (n: NumberRecord) => ({ key: n.key, e164: n.e164, accountId: n.accountId, assignee: n.assignee, assigned: n.assigned });

describe("Zoom client: Number Management, and auto's fallback to /phone/numbers", () => {
  const clock = { now: Date.now() };
  const sim = new ZoomSimulator({ numbers: 450, now: () => clock.now });
  let base = "";
  const logLines = captureLogLines();
  const accountWith = (overrides: Partial<ZoomAccountConfig> = {}): ProviderAccount =>
    createZoomAccount({ ...SIM_CREDENTIALS.zoom, baseUrl: `${base}/v2`, oauthUrl: `${base}/oauth/token`, ...tuning, now: () => clock.now, ...overrides }, TEST_DEPS);
  const fallbackLines = () => logLines.filter((l) => l.includes("lacks the number_management_numbers:read:admin scope"));

  beforeAll(async () => {
    base = await sim.start();
  });
  afterEach(() => {
    sim.resetCounts();
    sim.grantScopes(BOTH);
    sim.onPageServed = undefined;
    sim.omitLastPageToken = false;
  });
  afterAll(() => sim.stop());

  it("lists through /number_management/numbers in ⌈N/200⌉ pages when the app has the scope, and says so to operators", async () => {
    const account = accountWith();
    const { numbers, pools } = await account.listInventory(bounds());
    const all = sim.numberManagementNumbers();
    expect(numbers.map((n) => n.e164)).toEqual(all.map((n) => n.number));
    expect(sim.counts()).toEqual({ [TOKEN]: 1, [NM]: Math.ceil(all.length / 200) });
    expect(numbers.every((n) => n.key === n.e164 && n.providerId !== n.e164)).toBe(true);
    expect(pools.length).toBeGreaterThan(0);
    expect(account.operatorInfo?.()).toMatchObject({ numbersApi: "number_management" });
    // An absent token on the last page ends the listing as "" does.
    sim.omitLastPageToken = true;
    sim.resetCounts();
    expect((await account.listInventory(bounds())).numbers).toHaveLength(all.length);
    expect(sim.counts()).toEqual({ [NM]: Math.ceil(all.length / 200) });
  });

  it("maps every Number Management field it knows: Messaging as sms, every assignee, the product, site, source and carrier", async () => {
    const { numbers } = await accountWith().listInventory(bounds());
    const byE164 = new Map(numbers.map((n) => [n.e164, n]));
    for (const wire of sim.numberManagementNumbers()) {
      const n = byE164.get(wire.number)!;
      expect(n.providerId).toBe(wire.id);
      expect(n.capabilities.sms).toBe(wire.capability.includes("Messaging"));
      expect([n.capabilities.inbound, n.capabilities.outbound]).toEqual([wire.capability.includes("Incoming"), wire.capability.includes("Outgoing")]);
      expect(n.assigned).toBe(wire.assigned_list.length > 0);
      expect(n.assignee?.id ?? null).toBe(wire.assigned_list[0]?.assigned_to_id ?? null);
      expect(n.details).toMatchObject({
        api: "number_management",
        allocatedProduct: wire.allocated_product,
        source: wire.source,
        numberType: wire.number_type,
        status: wire.status,
        site: wire.site ? { id: wire.site.site_id, name: wire.site.name } : null,
        carrier: wire.carrier ? { code: wire.carrier.code, name: wire.carrier.name } : null,
      });
      expect((n.details as ZoomDetails).assignedList.map((a) => a.id)).toEqual(wire.assigned_list.map((a) => a.assigned_to_id));
    }
    const types = new Set(numbers.map((n) => n.numberType));
    expect(types).toEqual(new Set(["LOCAL", "TOLL_FREE", "MOBILE", "NATIONAL", "SHARED_COST"]));
    expect(new Set(numbers.map((n) => n.status))).toEqual(new Set(["ACTIVE", "PENDING"]));
    expect(numbers.some((n) => n.assignee?.type === "UNKNOWN")).toBe(false);
  });

  it("falls back to /phone/numbers when the app lacks the scope, logs it once, and gives every number the same identity and pools", async () => {
    const viaNm = await accountWith().listInventory(bounds());
    sim.grantScopes(PHONE_ONLY);
    sim.resetCounts();
    const account = accountWith();
    const before = fallbackLines().length;
    const viaPhone = await account.listInventory(bounds());
    expect(sim.counts()).toEqual({ [TOKEN]: 1, [NM]: 1, [PHONE]: Math.ceil(sim.numbers.length / 100) });
    await account.listInventory(bounds());
    expect(sim.counts()[NM]).toBe(1); // not asked again within 15 minutes
    expect(fallbackLines().length - before).toBe(1);
    expect(account.operatorInfo?.()).toMatchObject({ numbersApi: "phone" });

    const nmByE164 = new Map(viaNm.numbers.map((n) => [n.e164, n]));
    expect(viaPhone.numbers).toHaveLength(sim.numbers.length);
    for (const n of viaPhone.numbers) expect(identity(n)).toEqual(identity(nmByE164.get(n.e164)!));
    // Pools of numbers both APIs list are the same pools with the same members.
    const phoneE164s = new Set(viaPhone.numbers.map((n) => n.e164));
    const comparable = (pools: typeof viaNm.pools) =>
      pools
        .map((p) => ({ providerId: p.providerId, name: p.name, members: p.memberE164s.filter((e) => phoneE164s.has(e)).sort() }))
        .filter((p) => p.members.length > 0)
        .sort((a, b) => (a.providerId < b.providerId ? -1 : 1));
    expect(comparable(viaPhone.pools)).toEqual(comparable(viaNm.pools));
    expect(viaPhone.pools.length).toBeGreaterThan(0);
  });

  it("switches back on the first listing 15 minutes after the scope is granted, with a freshly minted token", async () => {
    sim.grantScopes(PHONE_ONLY);
    const account = accountWith();
    await account.listInventory(bounds());
    sim.grantScopes(BOTH);
    sim.resetCounts();
    await account.listInventory(bounds());
    expect(sim.counts()[NM]).toBeUndefined();
    clock.now += 15 * 60_000;
    const { numbers } = await account.listInventory(bounds());
    expect(numbers).toHaveLength(sim.numberManagementNumbers().length);
    expect(sim.counts()[TOKEN]).toBe(1); // the cached token was minted without the scope
    expect(account.operatorInfo?.()).toMatchObject({ numbersApi: "number_management" });
  });

  it("recognises 401 code 4700 as a missing scope too, without renewing the token for it", async () => {
    const strict = new ZoomSimulator({ numbers: 20, scopes: PHONE_ONLY, missingScopeStatus: 401 });
    try {
      const url = await strict.start();
      const account = createZoomAccount({ ...SIM_CREDENTIALS.zoom, baseUrl: `${url}/v2`, oauthUrl: `${url}/oauth/token`, ...tuning }, TEST_DEPS);
      expect((await account.listInventory(bounds())).numbers).toHaveLength(strict.numbers.length);
      expect(strict.counts()).toEqual({ [TOKEN]: 1, [NM]: 1, [PHONE]: 1 });
    } finally {
      await strict.stop();
    }
  });

  it("with number_management chosen, a missing scope fails the account saying which scope to add; phone never asks Number Management", async () => {
    sim.grantScopes(PHONE_ONLY);
    const error = await upstreamFailure(accountWith({ numbersApi: "number_management" }).listInventory(bounds()));
    expect(error.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(error.message).toContain("lacks the number_management_numbers:read:admin scope (granular: number_management:read:list_numbers:admin)");
    sim.resetCounts();
    sim.grantScopes(BOTH);
    await accountWith({ numbersApi: "phone" }).listInventory(bounds());
    expect(sim.counts()[NM]).toBeUndefined();
  });

  it("restarts once from page 1 when a page token has expired, and fails rather than loop when it expires again", async () => {
    let expireAfterFirst = 1;
    sim.onPageServed = (endpoint, offset) => {
      if (endpoint === "number_management" && offset === 0 && expireAfterFirst-- > 0) clock.now += 15 * 60_000 + 1000;
    };
    const pages = Math.ceil(sim.numberManagementNumbers().length / 200);
    const { numbers } = await accountWith().listInventory(bounds());
    expect(numbers).toHaveLength(sim.numberManagementNumbers().length);
    expect(sim.statusCounts()).toEqual({ [`${TOKEN} 200`]: 1, [`${NM} 200`]: 1 + pages, [`${NM} 400`]: 1 });

    sim.resetCounts();
    sim.onPageServed = (endpoint) => {
      if (endpoint === "number_management") clock.now += 15 * 60_000 + 1000;
    };
    const error = await upstreamFailure(accountWith().listInventory(bounds()));
    expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
    expect(error.message).toContain("expired");
    expect(sim.statusCounts()[`${NM} 400`]).toBe(2);
  });

  it("wrote no secret or token to any log line in these tests", () => {
    expect(fallbackLines().length).toBeGreaterThan(0); // the log was captured
    const { clientId, clientSecret } = SIM_CREDENTIALS.zoom;
    for (const secret of [clientSecret, Buffer.from(`${clientId}:${clientSecret}`).toString("base64")]) for (const line of logLines) expect(line).not.toContain(secret);
    // The access tokens the simulator minted all start with its marker.
    for (const line of logLines) expect(line).not.toMatch(/eyJzaW0iOiJ6b29tIn0\.[A-Za-z0-9_-]{8}/);
  });
});

describe("/readyz shows the Zoom API in force per account", () => {
  it("says number_management, or phone with the scope to add once an account has fallen back", async () => {
    const { startStack } = await import("../support/stack.js");
    const stack = await startStack({ numbers: 30, snapshotPolicy: { minRefreshMs: 0 } });
    try {
      const readyz = async () => ((await (await fetch(new URL("/readyz", stack.gateway.url))).json()) as { accounts: Record<string, string>[] }).accounts.find((a) => a.provider === "ZOOM");
      expect(await readyz()).toMatchObject({ accountId: SIM_CREDENTIALS.zoom.accountId, numbersApi: "number_management", numbersApiSetting: "auto" });
      stack.sims.zoom.grantScopes(PHONE_ONLY);
      stack.sims.zoom.revokeTokens();
      await stack.request("{ phoneNumbers(first: 1, filter: { providers: [ZOOM] }) { totalCount } }", undefined, { "cache-control": "no-cache" });
      expect(await readyz()).toMatchObject({ numbersApi: "phone", numbersApiReason: expect.stringContaining("number_management_numbers:read:admin") });
    } finally {
      await stack.stop();
    }
  });
});
