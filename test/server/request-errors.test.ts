import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { startGateway, type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { memoryLogger } from "../support/memory-logger.js";
import { testAccounts } from "../support/stack.js";

type Answer = { status: number; requestId: string | null; text: string; body: { data?: any; errors?: { message: string; path?: unknown[]; extensions: Record<string, unknown> }[] } };

/**
 * SPEC §8: request errors (the operation cannot run) are 4xx BAD_REQUEST / BAD_USER_INPUT; errors
 * during execution stay in a 200 beside the partial data; anything unexpected is logged with its
 * cause and masked; what the client sent is quoted only in short excerpts.
 */
describe("request errors and execution errors", () => {
  let sims: RunningSimulators;
  let gateway: RunningGateway;
  const log = memoryLogger();
  beforeAll(async () => {
    sims = await startSimulators({ numbers: 20 });
    // A mapping bug stand-in: Zoom pools without a name, which the schema says they always have.
    const accounts = testAccounts(sims).map((account) =>
      account.provider !== "ZOOM"
        ? account
        : new Proxy(account, {
            get(target, property, receiver) {
              if (property !== "listInventory") return Reflect.get(target, property, receiver);
              return async (...args: Parameters<typeof target.listInventory>) => {
                const inventory = await target.listInventory(...args);
                return { ...inventory, pools: inventory.pools.map((pool) => ({ ...pool, name: null as unknown as string })) };
              };
            },
          }),
    );
    gateway = await startGateway({ accounts, gatewayKeys: [], port: 0, host: "127.0.0.1", logger: log.logger });
    await gateway.snapshots.warmAll();
  });
  afterAll(async () => {
    await gateway?.stop();
    await sims?.stop();
  });

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, requestId: response.headers.get("x-request-id"), text, body: JSON.parse(text) };
  }
  const codes = (a: Answer) => a.body.errors?.map((e) => e.extensions.code);

  it("answers a parse error, a validation error, a mutation and a subscription with 400 BAD_REQUEST, calling no provider", async () => {
    sims.resetCounts();
    const answers = await Promise.all([
      post({ query: "{ phoneNumbers(first: 1) { totalCount }" }),
      post({ query: "{ phoneNumbers(first: 1) { totalCunt } }" }),
      post({ query: "mutation { phoneNumbers { totalCount } }" }),
      post({ query: "subscription { phoneNumbers { totalCount } }" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(answers.map(codes)).toEqual([["BAD_REQUEST"], ["BAD_REQUEST"], ["BAD_REQUEST"], ["BAD_REQUEST"]]);
    expect(answers.map((a) => a.body.errors![0]!.extensions.graphqlCode)).toEqual(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED"]);
    expect(answers[2].body.errors![0]!.message).toBe("This gateway serves queries only; it has no mutation type. Send a `query` operation.");
    expect(answers[3].body.errors![0]!.message).toContain("no subscription type");
    expect(sims.counts()).toEqual({});
  });

  it("answers a persisted query whose hash does not match with 400 BAD_REQUEST, and keeps Apollo's PERSISTED_QUERY_NOT_FOUND", async () => {
    const query = "{ phoneNumbers(first: 1) { totalCount } }";
    const mismatch = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(mismatch.status).toBe(400);
    expect(codes(mismatch)).toEqual(["BAD_REQUEST"]);
    expect(mismatch.body.errors![0]!.message).toMatch(/sha256Hash is not the SHA-256 of the query sent/);
    const hash = createHash("sha256").update(query).digest("hex");
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(codes(unknown)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    const registered = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(registered.body.errors).toBeUndefined();
    expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).body.data.phoneNumbers.totalCount).toBeGreaterThan(0);
  });

  it("keeps a bad id inside a larger query, and an unknown _entities typename, in a 200 beside the data", async () => {
    const badId = await post({ query: '{ phoneNumbers(first: 1) { totalCount } phoneNumber(id: "not-an-id") { id } }' });
    expect(badId.status).toBe(200);
    expect(badId.body.data.phoneNumbers.totalCount).toBeGreaterThan(0);
    expect(badId.body.data.phoneNumber).toBeNull();
    expect(badId.body.errors).toEqual([expect.objectContaining({ path: ["phoneNumber"], extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);

    const entities = await post({ query: '{ _entities(representations: [{ __typename: "Contact", id: "1" }]) { __typename } }' });
    expect(entities.status).toBe(200);
    expect(entities.body.errors).toEqual([
      expect.objectContaining({
        path: ["_entities"],
        message: '_entities cannot resolve __typename "Contact": this subgraph\'s entities are PhoneNumber, NumberPool and DialNumber.',
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
  });

  it("quotes at most a short excerpt of a 1 MB bad argument or variable", async () => {
    const huge = "9".repeat(1 << 20);
    const inline = await post({ query: `{ phoneNumber(id: "${huge}") { id } }` });
    const variable = await post({ query: "query($n: Int) { phoneNumbers(first: $n) { totalCount } }", variables: { n: huge } });
    expect(inline.status).toBe(200);
    expect(codes(inline)).toEqual(["BAD_USER_INPUT"]);
    expect(variable.status).toBe(400);
    expect(codes(variable)).toEqual(["BAD_USER_INPUT"]);
    for (const answer of [inline, variable]) {
      expect(answer.text.length).toBeLessThan(2000);
      expect(answer.body.errors![0]!.message).toMatch(/"9{40}…" \(1048576 characters\)/);
    }
  });

  it("logs an unexpected error with its cause and masks it: a generic message and the request id to quote", async () => {
    const answer = await post({ query: "{ numberPools(first: 5, filter: { providers: [ZOOM] }) { nodes { name } } }" }, { "x-request-id": "req-quote-me-42" });
    expect(answer.status).toBe(200);
    expect(answer.requestId).toBe("req-quote-me-42");
    const error = answer.body.errors![0]!;
    expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-quote-me-42" });
    expect(error.message).toBe("The gateway failed unexpectedly; nothing in the request caused it. Retry, and if it persists, quote request id req-quote-me-42 to whoever runs the gateway.");
    expect(answer.text).not.toContain("NumberPool.name");
    const logged = log.records().find((r) => r.requestId === "req-quote-me-42" && r.level === 50);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain("Cannot return null for non-nullable field NumberPool.name");
  });
});
