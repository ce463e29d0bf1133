import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildHTTPExecutor } from "@graphql-tools/executor-http";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { stitchSchemas } from "@graphql-tools/stitch";
import type { ExecutionResult, Executor } from "@graphql-tools/utils";
import { buildSchema, graphql, GraphQLError } from "graphql";
import { readFileSync } from "node:fs";
import { startStack, type Stack } from "../support/stack.js";

/**
 * SPEC §8: each upstream error carries the path of the root field whose data it left out — one per
 * provider and root field — so a gateway that stitches numbergraph keeps it. Before, the README's
 * stitching setup answered `totalCount: 3` with Telnyx down and no error at all.
 */
describe("upstream errors carry their root field's path", () => {
  let stack: Stack;
  beforeAll(async () => {
    // A failed listing leaves nothing to serve: Telnyx down means Telnyx's numbers are missing.
    stack = await startStack({ numbers: 20, snapshotPolicy: { ttlMs: 0, minRefreshMs: 0, staleIfErrorMs: 0 } });
    stack.sims.telnyx.setFaults({ failureRate: 1 });
  });
  afterAll(() => stack?.stop());

  it("gives one error per provider and root field it left incomplete, and none to a root field it did not touch", async () => {
    const answer = await stack.request(`{
      all: phoneNumbers(first: 1) { totalCount }
      zoomOnly: phoneNumbers(first: 1, filter: { providers: [ZOOM] }) { totalCount }
      pools: numberPools(first: 1) { totalCount }
      telnyx: phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { totalCount }
    }`);
    expect(answer.status).toBe(200);
    expect(answer.errors?.map((e) => [e.extensions?.provider, e.extensions?.code, e.path]).sort()).toEqual([
      ["TELNYX", "UPSTREAM_UNAVAILABLE", ["all"]],
      ["TELNYX", "UPSTREAM_UNAVAILABLE", ["pools"]],
      ["TELNYX", "UPSTREAM_UNAVAILABLE", ["telnyx"]],
    ]);
    expect((answer.data as { zoomOnly: { totalCount: number } }).zoomOnly.totalCount).toBeGreaterThan(0);
  });

  it("reaches the client through the README's schema-stitching setup when Telnyx is down", async () => {
    const yourSchema = makeExecutableSchema({ typeDefs: "type Query { helpdeskVersion: String! }", resolvers: { Query: { helpdeskVersion: () => "1" } } });
    // As the README shows it: graphql-tools reports a subschema's error only where it meets a null,
    // so the executor keeps numbergraph's partial-failure errors and the gateway adds them to the answer.
    const http = buildHTTPExecutor({ endpoint: stack.gateway.url });
    const executor: Executor = async (request) => {
      const result = (await http(request)) as ExecutionResult;
      const upstream = (result.errors ?? []).filter((e) => String(e.extensions?.code).startsWith("UPSTREAM_"));
      (request.context as { upstreamErrors?: GraphQLError[] } | undefined)?.upstreamErrors?.push(...upstream.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })));
      return result;
    };
    const gateway = stitchSchemas({
      subschemas: [
        {
          schema: buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8")),
          executor,
          merge: {
            PhoneNumber: { selectionSet: "{ id }", fieldName: "phoneNumbersByIds", key: ({ id }: { id: string }) => id, argsFromKeys: (ids) => ({ ids }) },
            NumberPool: { selectionSet: "{ id }", fieldName: "numberPoolsByIds", key: ({ id }: { id: string }) => id, argsFromKeys: (ids) => ({ ids }) },
          },
        },
        { schema: yourSchema },
      ],
    });
    const context = { upstreamErrors: [] as GraphQLError[] };
    const executed = await graphql({ schema: gateway, contextValue: context, source: '{ helpdeskVersion phoneNumbers(first: 1, filter: { search: "1212901" }) { totalCount nodes { e164 provider } } }' });
    // What the gateway's server sends: its own errors, plus numbergraph's that graphql-tools did not report.
    const result = { ...executed, errors: [...(executed.errors ?? []), ...context.upstreamErrors.filter((u) => !executed.errors?.some((e) => e.message === u.message))] };
    expect((result.data as { phoneNumbers: { totalCount: number } }).phoneNumbers.totalCount).toBeGreaterThan(0);
    expect(result.errors?.map((e) => [e.extensions?.provider, e.extensions?.code, e.path])).toEqual([["TELNYX", "UPSTREAM_UNAVAILABLE", ["phoneNumbers"]]]);
    expect(result.errors[0]!.message).toMatch(/^Telnyx failed with HTTP 500/);
  });
});
