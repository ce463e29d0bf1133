import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, IntrospectAndCompose } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { parse } from "graphql";
import { CROSS_HELD } from "../../src/simulators/seed.js";
import { inventoryCounts, startStack, type Stack } from "../support/stack.js";
import { CRM_TYPE_DEFS, startCrmSubgraph } from "./crm-subgraph.js";

describe("Apollo Federation 2: numbergraph composed with a CRM subgraph by @apollo/gateway", () => {
  let stack: Stack;
  let crm: Awaited<ReturnType<typeof startCrmSubgraph>>;
  let gateway: ApolloServer;
  let gatewayUrl: string;
  const [shared1, shared2] = CROSS_HELD;

  beforeAll(async () => {
    stack = await startStack();
    crm = await startCrmSubgraph([
      { id: "c1", name: "Ada Lovelace", e164: shared1!.e164 },
      { id: "c2", name: "Grace Hopper", e164: shared2!.e164 },
      { id: "c3", name: "Nobody's Number", e164: "+14155550100" },
    ]);
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: [
            { name: "numbergraph", url: stack.gateway.url },
            { name: "crm", url: crm.url },
          ],
        }),
      }),
    });
    gatewayUrl = (await startStandaloneServer(gateway, { listen: { port: 0, host: "127.0.0.1" } })).url;
  });

  afterAll(async () => {
    await gateway?.stop();
    await crm?.stop();
    await stack?.stop();
  });

  async function viaGateway(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  }

  it("composes cleanly with @apollo/composition", async () => {
    const sdl = await stack.request<{ _service: { sdl: string } }, never>("{ _service { sdl } }");
    const result = composeServices([
      { name: "numbergraph", typeDefs: parse(sdl.data!._service.sdl), url: stack.gateway.url },
      { name: "crm", typeDefs: CRM_TYPE_DEFS, url: crm.url },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain("type DialNumber");
  });

  it("joins CRM contacts to every provider's record of their number from the snapshots", async () => {
    stack.sims.resetCounts();
    const result = await viaGateway(`{
      contacts {
        name
        phone { e164 holdings { provider accountId status assignee { type } pools { name } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const [ada, grace, nobody] = result.data.contacts;
    expect(ada.phone.holdings.map((h: { provider: string }) => h.provider).sort()).toEqual([...shared1!.holders].sort());
    expect(grace.phone.holdings.map((h: { provider: string }) => h.provider).sort()).toEqual([...shared2!.holders].sort());
    expect(nobody.phone.holdings).toEqual([]);
    // No per-entity upstream calls, and no listing either: the snapshots hold every account.
    expect(inventoryCounts(stack.sims)).toEqual({});
  });

  it("adds the CRM's contact to numbergraph's PhoneNumbers in one batched entity call", async () => {
    const before = crm.entityCalls();
    const result = await viaGateway(`{
      phoneNumbers(first: 1000, filter: { search: "${shared1!.e164.slice(1, 8)}" }) { nodes { e164 provider contact { name } } }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.phoneNumbers.nodes as { e164: string; provider: string; contact: { name: string } | null }[];
    const held = nodes.filter((n) => n.e164 === shared1!.e164);
    expect(held.map((n) => n.provider).sort()).toEqual([...shared1!.holders].sort());
    expect(held.every((n) => n.contact?.name === "Ada Lovelace")).toBe(true);
    expect(nodes.filter((n) => n.e164 !== shared1!.e164 && n.e164 !== shared2!.e164).every((n) => n.contact === null)).toBe(true);
    expect(crm.entityCalls() - before).toBe(1);
  });

  it("resolves 200 PhoneNumber references through _entities from the snapshots, with no upstream call", async () => {
    const ids: string[] = [];
    const e164s: string[] = [];
    for (const provider of ["HIGHLEVEL", "TELNYX", "ZOOM", "BUTTER"]) {
      const page = await stack.request<{ phoneNumbers: { nodes: { id: string; e164: string }[] } }, never>(`{ phoneNumbers(first: 50, filter: { providers: [${provider}] }) { nodes { id e164 } } }`);
      ids.push(...page.data!.phoneNumbers.nodes.map((n) => n.id));
      e164s.push(...page.data!.phoneNumbers.nodes.map((n) => n.e164));
    }
    expect(ids).toHaveLength(200);
    stack.sims.resetCounts();
    const entities = await stack.request<{ _entities: ({ id: string; e164: string } | null)[] }, { reps: unknown[] }>("query($reps: [_Any!]!) { _entities(representations: $reps) { ... on PhoneNumber { id e164 } } }", {
      reps: ids.map((id) => ({ __typename: "PhoneNumber", id })),
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities.map((e) => e?.e164)).toEqual(e164s);
    expect(inventoryCounts(stack.sims)).toEqual({});
  });
});
