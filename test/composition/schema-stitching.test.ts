import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildHTTPExecutor } from "@graphql-tools/executor-http";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { stitchSchemas } from "@graphql-tools/stitch";
import type { Executor } from "@graphql-tools/utils";
import { buildSchema, graphql, print } from "graphql";
import { readFileSync } from "node:fs";
import { inventoryCounts, startStack, type Stack } from "../support/stack.js";

/**
 * A helpdesk service stitches numbergraph's remote schema (the SDL in schema/, over HTTP) with its
 * own, merging PhoneNumber by id through the batched `phoneNumbersByIds`.
 */
describe("schema stitching: @graphql-tools/stitch type merging over numbergraph's remote schema", () => {
  let stack: Stack;
  let numbergraphCalls: string[] = [];
  let gatewaySchema: ReturnType<typeof stitchSchemas>;
  const tickets: { id: string; subject: string; phoneNumberId: string }[] = [];
  const escalations: { id: string; poolId: string }[] = [];

  beforeAll(async () => {
    stack = await startStack();
    const page = await stack.request<{ phoneNumbers: { nodes: { id: string }[] } }, never>(`{ phoneNumbers(first: 30, filter: { assigned: true }) { nodes { id } } }`);
    page.data!.phoneNumbers.nodes.forEach((n, i) => tickets.push({ id: `t${i}`, subject: `Ticket ${i}`, phoneNumberId: n.id }));
    const pools = await stack.request<{ numberPools: { nodes: { id: string }[] } }, never>("{ numberPools(first: 100) { nodes { id } } }");
    pools.data!.numberPools.nodes.forEach((p, i) => escalations.push({ id: `e${i}`, poolId: p.id }));

    const http = buildHTTPExecutor({ endpoint: stack.gateway.url });
    const countingExecutor: Executor = (request) => {
      numbergraphCalls.push(print(request.document));
      return http(request);
    };
    const helpdesk = makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        type Ticket {
          id: ID!
          subject: String!
          phoneNumber: PhoneNumber!
        }
        type Escalation {
          id: ID!
          pool: NumberPool!
        }
        type PhoneNumber {
          id: ID!
        }
        type NumberPool {
          id: ID!
        }
        type Query {
          tickets: [Ticket!]!
          escalations: [Escalation!]!
        }
      `,
      resolvers: {
        Query: { tickets: () => tickets, escalations: () => escalations },
        Ticket: { phoneNumber: (t: (typeof tickets)[number]) => ({ id: t.phoneNumberId }) },
        Escalation: { pool: (e: (typeof escalations)[number]) => ({ id: e.poolId }) },
      },
    });
    gatewaySchema = stitchSchemas({
      subschemas: [
        {
          schema: buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8")),
          executor: countingExecutor,
          merge: {
            PhoneNumber: { selectionSet: "{ id }", fieldName: "phoneNumbersByIds", key: ({ id }: { id: string }) => id, argsFromKeys: (ids) => ({ ids }) },
            NumberPool: { selectionSet: "{ id }", fieldName: "numberPoolsByIds", key: ({ id }: { id: string }) => id, argsFromKeys: (ids) => ({ ids }) },
          },
        },
        { schema: helpdesk },
      ],
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("joins helpdesk tickets to full PhoneNumber records in one batched call to numbergraph", async () => {
    numbergraphCalls = [];
    stack.sims.resetCounts();
    const result = await graphql({
      schema: gatewaySchema,
      source: `{ tickets { subject phoneNumber { id e164 provider assigned assignee { type } details { __typename } } } }`,
    });
    expect(result.errors).toBeUndefined();
    const rows = (result.data as { tickets: { phoneNumber: { id: string; e164: string; assigned: boolean } }[] }).tickets;
    expect(rows).toHaveLength(tickets.length);
    rows.forEach((row, i) => {
      expect(row.phoneNumber.id).toBe(tickets[i]!.phoneNumberId);
      expect(row.phoneNumber.e164).toMatch(/^\+\d{8,15}$/);
      expect(row.phoneNumber.assigned).toBe(true);
    });
    expect(numbergraphCalls).toHaveLength(1);
    expect(numbergraphCalls[0]).toContain("phoneNumbersByIds");
    // However many tickets, numbergraph answered from its snapshots: no upstream call.
    expect(inventoryCounts(stack.sims)).toEqual({});
  });

  it("joins escalations to NumberPools with their member records in one numberPoolsByIds call", async () => {
    numbergraphCalls = [];
    const result = await graphql({ schema: gatewaySchema, source: "{ escalations { id pool { name provider numbers { e164 } } } }" });
    expect(result.errors).toBeUndefined();
    const rows = (result.data as { escalations: { pool: { name: string; provider: string; numbers: { e164: string }[] } }[] }).escalations;
    expect(rows).toHaveLength(escalations.length);
    expect(new Set(rows.map((r) => r.pool.provider))).toEqual(new Set(["HIGHLEVEL", "ZOOM"]));
    expect(rows.every((r) => r.pool.numbers.length > 0)).toBe(true);
    expect(numbergraphCalls).toHaveLength(1);
    expect(numbergraphCalls[0]).toContain("numberPoolsByIds");
  });

  it("serves unknown ids as null in place, keeping the order of ids", async () => {
    const unknown = Buffer.from(JSON.stringify(["PhoneNumber", "TELNYX", "default", "no-such-number"])).toString("base64url");
    const result = await stack.request<{ phoneNumbersByIds: ({ id: string } | null)[] }, { ids: string[] }>("query($ids: [ID!]!) { phoneNumbersByIds(ids: $ids) { id } }", {
      ids: [tickets[1]!.phoneNumberId, unknown, tickets[0]!.phoneNumberId],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.phoneNumbersByIds).toEqual([{ id: tickets[1]!.phoneNumberId }, null, { id: tickets[0]!.phoneNumberId }]);
  });
});
