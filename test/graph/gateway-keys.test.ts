import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { startStack, type Stack } from "../support/stack.js";

const MAIN = SIM_CREDENTIALS.highlevel.locationIds[0];

describe("gateway keys (SPEC §5): 401 without a key; a key sees only its accounts on every path", () => {
  let stack: Stack;
  let ids: { telnyx: string; zoom: string; pool: string; zoomE164: string };
  const dash = { authorization: "Bearer dash-7f3a" };

  beforeAll(async () => {
    stack = await startStack({ numbers: 60, gatewayKeys: parseGatewayKeys(`dash-7f3a:HIGHLEVEL/${MAIN},TELNYX ops-91bc:*`, "test") });
    const all = await stack.request<{ phoneNumbers: { nodes: { id: string; provider: string; e164: string }[] }; numberPools: { nodes: { id: string; provider: string }[] } }, never>(
      "{ phoneNumbers(first: 1000) { nodes { id provider e164 } } numberPools(first: 100) { nodes { id provider } } }",
      undefined,
      { "x-api-key": "ops-91bc" },
    );
    const zoom = all.data!.phoneNumbers.nodes.find((n) => n.provider === "ZOOM")!;
    ids = { telnyx: all.data!.phoneNumbers.nodes.find((n) => n.provider === "TELNYX")!.id, zoom: zoom.id, zoomE164: zoom.e164, pool: all.data!.numberPools.nodes.find((p) => p.provider === "ZOOM")!.id };
  });
  afterAll(() => stack?.stop());

  it("answers HTTP 401 without a key or with a wrong one, saying what to send", async () => {
    const none = await stack.request("{ phoneNumbers { totalCount } }");
    expect(none.status).toBe(401);
    expect(none.errors![0]!.message).toContain("Authorization: Bearer");
    const wrong = await stack.request("{ phoneNumbers { totalCount } }", undefined, { authorization: "Bearer nope-123" });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong)).not.toContain("nope-123");
  });

  it("scopes lists, lookups, node, entities, E.164 joins and pool members to the key's accounts", async () => {
    stack.sims.resetCounts();
    const list = await stack.request<{ phoneNumbers: { nodes: { provider: string; accountId: string; alsoHeldAt: { provider: string }[] }[] }; numberPools: { nodes: { provider: string; accountId: string }[] } }, never>(
      "{ phoneNumbers(first: 1000) { nodes { provider accountId alsoHeldAt { provider } } } numberPools(first: 100) { nodes { provider accountId } } }",
      undefined,
      dash,
    );
    expect(list.errors).toBeUndefined();
    const seen = new Set(list.data!.phoneNumbers.nodes.map((n) => `${n.provider}/${n.accountId}`));
    expect(seen).toEqual(new Set([`HIGHLEVEL/${MAIN}`, "TELNYX/default"]));
    expect(list.data!.phoneNumbers.nodes.flatMap((n) => n.alsoHeldAt.map((a) => a.provider)).every((p) => p === "HIGHLEVEL" || p === "TELNYX")).toBe(true);
    expect(new Set(list.data!.numberPools.nodes.map((p) => `${p.provider}/${p.accountId}`))).toEqual(new Set([`HIGHLEVEL/${MAIN}`]));
    // Out-of-scope providers were never even asked.
    expect(Object.keys(stack.sims.counts()).filter((k) => k.startsWith("ZOOM") || k.startsWith("BUTTER"))).toEqual([]);

    const lookups = await stack.request<Record<string, unknown>, { zoom: string; telnyx: string; pool: string; reps: unknown[]; e164: string }>(
      `query($zoom: ID!, $telnyx: ID!, $pool: ID!, $reps: [_Any!]!, $e164: String!) {
        hidden: phoneNumber(id: $zoom) { id }
        visible: phoneNumber(id: $telnyx) { id }
        byIds: phoneNumbersByIds(ids: [$zoom, $telnyx]) { id }
        node(id: $zoom) { id }
        pool: numberPool(id: $pool) { id }
        _entities(representations: $reps) { ... on PhoneNumber { id } ... on NumberPool { id } }
        dialNumber(e164: $e164) { holdings { id } }
      }`,
      {
        zoom: ids.zoom,
        telnyx: ids.telnyx,
        pool: ids.pool,
        e164: ids.zoomE164,
        reps: [
          { __typename: "PhoneNumber", id: ids.zoom },
          { __typename: "NumberPool", id: ids.pool },
          { __typename: "PhoneNumber", id: ids.telnyx },
        ],
      },
      dash,
    );
    expect(lookups.errors).toBeUndefined();
    expect(lookups.data).toEqual({
      hidden: null,
      visible: { id: ids.telnyx },
      byIds: [null, { id: ids.telnyx }],
      node: null,
      pool: null,
      _entities: [null, null, { id: ids.telnyx }],
      dialNumber: { holdings: [] },
    });
  });
});
