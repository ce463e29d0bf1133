import "reflect-metadata";
import type { ApolloServerPlugin } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { loadConfig } from "../../src/config/config.js";
import type { GraphContext } from "../../src/graph/context.js";
import type { FreshnessEntry } from "../../src/snapshots/snapshot-reader.js";
import { startStack, type Stack, type StackOptions } from "../support/stack.js";

/**
 * Counts requests Apollo saw, operations executed and fields resolved: a cached answer executes
 * nothing, and one from the cache's front door never reaches Apollo.
 */
function executionCounter(): { plugin: ApolloServerPlugin<GraphContext>; requests: number; executions: number; fields: number } {
  const counter = {
    requests: 0,
    executions: 0,
    fields: 0,
    plugin: {
      async requestDidStart() {
        counter.requests++;
        return {
          async executionDidStart() {
            counter.executions++;
            return {
              willResolveField() {
                counter.fields++;
              },
            };
          },
        };
      },
    } satisfies ApolloServerPlugin<GraphContext>,
  };
  return counter;
}

const KEYS = {
  everything: "all-7f3a",
  telnyxA: "tel-a-91bc",
  telnyxB: "tel-b-22de",
  zoom: "zoom-55aa",
};

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

type Page = { phoneNumbers: { totalCount: number; nodes: { id: string; e164: string; provider: string; displayName: string | null }[] } };
const PAGE = "query Page($first: Int, $filter: PhoneNumberFilter) { phoneNumbers(first: $first, filter: $filter) { totalCount nodes { id e164 provider displayName } } }";

async function startCountedStack(options: StackOptions = {}): Promise<{ stack: Stack; counter: ReturnType<typeof executionCounter> }> {
  const counter = executionCounter();
  const stack = await startStack({ numbers: 30, ...options, plugins: [counter.plugin] });
  return { stack, counter };
}

describe("response cache: whole answers keyed by operation, scope and snapshot versions", () => {
  let stack: Stack;
  let counter: ReturnType<typeof executionCounter>;
  beforeAll(async () => {
    ({ stack, counter } = await startCountedStack({
      // No refresh floor, so a `no-cache` request really relists (the default floor is 5 s).
      snapshotPolicy: { minRefreshMs: 0 },
      gatewayKeys: [
        { key: KEYS.everything, scopes: [{ kind: "all" }] },
        { key: KEYS.telnyxA, scopes: [{ kind: "provider", provider: "TELNYX" }] },
        { key: KEYS.telnyxB, scopes: [{ kind: "provider", provider: "TELNYX" }] },
        { key: KEYS.zoom, scopes: [{ kind: "provider", provider: "ZOOM" }] },
      ],
    }));
  });
  afterAll(() => stack?.stop());

  it("answers a second identical request without executing it, and sends no shared-cache header", async () => {
    const variables = { first: 3, filter: { providers: ["HIGHLEVEL"], assigned: true } };
    const first = await stack.request<Page, typeof variables>(PAGE, variables, bearer(KEYS.everything));
    expect(first.errors).toBeUndefined();
    expect(first.data!.phoneNumbers.nodes).toHaveLength(3);
    const executions = counter.executions;
    const fields = counter.fields;
    expect(fields).toBeGreaterThan(0);
    const hits = stack.gateway.responseCache!.hits;

    // The same variables in another key order are the same operation.
    const again = await stack.request<Page, typeof variables>(PAGE, { filter: { assigned: true, providers: ["HIGHLEVEL"] }, first: 3 }, bearer(KEYS.everything));
    expect(again.data).toEqual(first.data);
    expect(counter.executions).toBe(executions);
    expect(counter.fields).toBe(fields);
    expect(stack.gateway.responseCache!.hits).toBe(hits + 1);

    const raw = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(KEYS.everything) },
      body: JSON.stringify({ query: PAGE, variables }),
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get("cache-control") ?? "").not.toMatch(/public/i);
    expect(counter.executions).toBe(executions);
  });

  it("answers a repeat of the same request bytes before Apollo, with the bytes and headers Apollo sent", async () => {
    const body = JSON.stringify({ query: PAGE, variables: { first: 5, filter: { providers: ["BUTTER"] } } });
    const post = () => fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json", ...bearer(KEYS.everything) }, body });
    const fromApollo = await post();
    const apolloText = await fromApollo.text();
    const requests = counter.requests;
    const hits = stack.gateway.responseCache!.hits;

    const fromFront = await post();
    const frontText = await fromFront.text();
    expect(counter.requests).toBe(requests);
    expect(stack.gateway.responseCache!.hits).toBe(hits + 1);
    // Byte for byte, but for the snapshots' ages, which move on.
    const ageless = (text: string) => text.replace(/"ageSeconds":[\d.]+/g, '"ageSeconds":0');
    expect(ageless(frontText)).toBe(ageless(apolloText));
    expect(JSON.parse(frontText).extensions.freshness).toHaveLength(1);
    const headers = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !["date", "x-request-id", "content-length", "keep-alive"].includes(name)));
    expect(headers(fromFront)).toEqual(headers(fromApollo));
    expect(fromFront.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(fromFront.headers.get("x-request-id")).not.toBe(fromApollo.headers.get("x-request-id"));

    // Another scope sending the same bytes gets its own answer, from Apollo.
    const zoom = await fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json", ...bearer(KEYS.zoom) }, body });
    expect(((await zoom.json()) as { data: Page }).data.phoneNumbers.totalCount).toBe(0);
    expect(counter.requests).toBe(requests + 1);
  });

  it("serves the new answer as soon as a refresh changes a snapshot", async () => {
    const variables = { first: 1, filter: { providers: ["TELNYX"] } };
    const before = await stack.request<Page, typeof variables>(PAGE, variables, bearer(KEYS.telnyxA));
    const number = before.data!.phoneNumbers.nodes[0]!;
    await stack.request<Page, typeof variables>(PAGE, variables, bearer(KEYS.telnyxA));
    const executions = counter.executions;

    const wire = stack.sims.telnyx.numbers.find((n) => n.phone_number === number.e164)!;
    wire.customer_reference = "Renamed while cached";
    const revalidated = await stack.request<Page, typeof variables>(PAGE, variables, { ...bearer(KEYS.telnyxA), "cache-control": "no-cache" });
    expect(revalidated.data!.phoneNumbers.nodes[0]!.displayName).toBe("Renamed while cached");

    const after = await stack.request<Page, typeof variables>(PAGE, variables, bearer(KEYS.telnyxA));
    expect(after.data!.phoneNumbers.nodes[0]).toEqual({ ...number, displayName: "Renamed while cached" });
    expect(counter.executions).toBe(executions + 2);
    // …and that new answer is cached in turn.
    await stack.request<Page, typeof variables>(PAGE, variables, bearer(KEYS.telnyxA));
    expect(counter.executions).toBe(executions + 2);
  });

  it("never gives one scope's cached answer to another, and shares it between keys of the same scope", async () => {
    const query = "{ phoneNumbers(first: 4) { nodes { provider accountId } } }";
    type Providers = { phoneNumbers: { nodes: { provider: string }[] } };
    const telnyx = await stack.request<Providers, never>(query, undefined, bearer(KEYS.telnyxA));
    expect(new Set(telnyx.data!.phoneNumbers.nodes.map((n) => n.provider))).toEqual(new Set(["TELNYX"]));
    const executions = counter.executions;

    const zoom = await stack.request<Providers, never>(query, undefined, bearer(KEYS.zoom));
    expect(new Set(zoom.data!.phoneNumbers.nodes.map((n) => n.provider))).toEqual(new Set(["ZOOM"]));
    const everything = await stack.request<Providers, never>(query, undefined, bearer(KEYS.everything));
    expect(everything.data).not.toEqual(telnyx.data);
    expect(counter.executions).toBe(executions + 2);

    // Another key over the same accounts: the same answer, from the cache.
    const otherTelnyxKey = await stack.request<Providers, never>(query, undefined, bearer(KEYS.telnyxB));
    expect(otherTelnyxKey.data).toEqual(telnyx.data);
    expect(counter.executions).toBe(executions + 2);
  });

  it("does not keep an answer with an error", async () => {
    const query = '{ phoneNumber(id: "1234") { e164 } }';
    const first = await stack.request(query, undefined, bearer(KEYS.everything));
    expect(first.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const executions = counter.executions;
    const second = await stack.request(query, undefined, bearer(KEYS.everything));
    expect(second.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(counter.executions).toBe(executions + 1);
  });

  it("recomputes extensions.freshness on every hit, so its age moves on", async () => {
    const query = "{ a: phoneNumbers(first: 2, filter: { providers: [ZOOM] }) { totalCount } }";
    await stack.request(query, undefined, bearer(KEYS.zoom));
    const executions = counter.executions;
    const hit1 = await stack.request(query, undefined, bearer(KEYS.zoom));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const hit2 = await stack.request(query, undefined, bearer(KEYS.zoom));
    expect(counter.executions).toBe(executions);
    const [entry1] = hit1.extensions!.freshness as FreshnessEntry[];
    const [entry2] = hit2.extensions!.freshness as FreshnessEntry[];
    expect(entry1).toMatchObject({ provider: "ZOOM", stale: false });
    expect(entry2!.fetchedAt).toBe(entry1!.fetchedAt);
    expect(entry2!.ageSeconds).toBeGreaterThan(entry1!.ageSeconds);
  });

  it("answers max-age=N from the cache only while every snapshot is younger than N seconds", async () => {
    const query = "{ b: phoneNumbers(first: 2) { totalCount } }";
    await stack.request(query, undefined, bearer(KEYS.zoom));
    const executions = counter.executions;
    await stack.request(query, undefined, { ...bearer(KEYS.zoom), "cache-control": "max-age=3600" });
    expect(counter.executions).toBe(executions);
    const bypassed = stack.gateway.responseCache!.bypassed;
    await stack.request(query, undefined, { ...bearer(KEYS.zoom), "cache-control": "max-age=0" });
    expect(counter.executions).toBe(executions + 1);
    expect(stack.gateway.responseCache!.bypassed).toBe(bypassed + 1);
  });

  it("goes on answering from the cache while a snapshot is served stale, and says so in every hit's freshness", async () => {
    const query = "query Stale($first: Int, $filter: PhoneNumberFilter) { c: phoneNumbers(first: $first, filter: $filter) { totalCount nodes { e164 } } }";
    const variables = { first: 2, filter: { providers: ["TELNYX"] } };
    const fresh = await stack.request(query, variables, bearer(KEYS.telnyxA));
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    try {
      // The refresh fails: the last snapshot is served, marked stale, with the same data.
      const stale = await stack.request(query, variables, { ...bearer(KEYS.telnyxA), "cache-control": "no-cache" });
      expect(stale.data).toEqual(fresh.data);
      const [staleEntry] = stale.extensions!.freshness as FreshnessEntry[];
      expect(staleEntry).toMatchObject({ provider: "TELNYX", stale: true, error: { code: expect.stringMatching(/^UPSTREAM_/) } });
      const executions = counter.executions;
      const requests = counter.requests;
      const hits = stack.gateway.responseCache!.hits;
      // Once through Apollo (the variables in another order: other bytes, the same operation), once from the front door.
      const viaApollo = await stack.request(query, { filter: variables.filter, first: 2 }, bearer(KEYS.telnyxA));
      const viaFront = await stack.request(query, variables, bearer(KEYS.telnyxA));
      expect(counter.executions).toBe(executions);
      expect(stack.gateway.responseCache!.hits).toBe(hits + 2);
      expect(counter.requests).toBe(requests + 1);
      for (const hit of [viaApollo, viaFront]) {
        expect(hit.data).toEqual(fresh.data);
        expect((hit.extensions!.freshness as FreshnessEntry[])[0]).toEqual({ ...staleEntry, ageSeconds: expect.any(Number) });
      }
    } finally {
      stack.sims.resetFaults();
    }
  });
});

describe("response cache bounds and switch", () => {
  it("evicts the least recently used answer beyond NUMBERGRAPH_RESPONSE_CACHE_MB", async () => {
    const maxMb = 0.001;
    const { stack, counter } = await startCountedStack({ responseCache: { maxMb } });
    try {
      const telnyx = { first: 6, filter: { providers: ["TELNYX"] } };
      const zoom = { first: 6, filter: { providers: ["ZOOM"] } };
      const first = await stack.request<Page, typeof telnyx>(PAGE, telnyx);
      // The premise: one answer fits the bound, two do not.
      const bytes = JSON.stringify(first.data).length;
      expect(bytes).toBeLessThanOrEqual(maxMb * 1024 * 1024);
      expect(bytes * 2).toBeGreaterThan(maxMb * 1024 * 1024);

      await stack.request(PAGE, telnyx);
      expect(counter.executions).toBe(1);
      await stack.request(PAGE, zoom);
      await stack.request(PAGE, zoom);
      expect(counter.executions).toBe(2);
      // The Telnyx answer made room for Zoom's.
      await stack.request(PAGE, telnyx);
      expect(counter.executions).toBe(3);
    } finally {
      await stack.stop();
    }
  });

  it("NUMBERGRAPH_RESPONSE_CACHE=false executes every request", async () => {
    const config = loadConfig({ NUMBERGRAPH_RESPONSE_CACHE: "false", NUMBERGRAPH_RESPONSE_CACHE_MB: "0.5" });
    expect(config.responseCache).toEqual({ enabled: false, maxMb: 0.5 });
    expect(() => loadConfig({ NUMBERGRAPH_RESPONSE_CACHE_MB: "lots" })).toThrow(/NUMBERGRAPH_RESPONSE_CACHE_MB must be a number of megabytes above 0/);

    const { stack, counter } = await startCountedStack({ responseCache: config.responseCache });
    try {
      await stack.request(PAGE, { first: 2 });
      await stack.request(PAGE, { first: 2 });
      expect(counter.executions).toBe(2);
      expect(stack.gateway.responseCache).toBeUndefined();
    } finally {
      await stack.stop();
    }
  });
});
