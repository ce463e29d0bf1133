import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startStack, type Stack } from "../support/stack.js";

/** NUMBERGRAPH_OPS_PORT: /readyz and /metrics move to a port of their own (account ids stay inside the cluster); /healthz is on both. */
describe("NUMBERGRAPH_OPS_PORT", () => {
  let stack: Stack;
  let onMain: Stack;
  beforeAll(async () => {
    [stack, onMain] = await Promise.all([startStack({ numbers: 10, opsPort: 0 }), startStack({ numbers: 10 })]);
  });
  afterAll(() => Promise.all([stack?.stop(), onMain?.stop()]));

  it("serves /readyz and /metrics on the ops port only, and /healthz on both", async () => {
    const main = new URL("/", stack.gateway.url);
    const ops = new URL("/", stack.gateway.opsUrl);
    expect(ops.port).not.toBe(main.port);
    stack.sims.resetCounts();
    const status = async (base: URL, path: string) => (await fetch(new URL(path, base))).status;
    expect(await status(ops, "readyz")).toBe(200);
    expect(await status(ops, "metrics")).toBe(200);
    expect(await status(ops, "healthz")).toBe(200);
    expect(await status(main, "healthz")).toBe(200);
    expect(await status(main, "readyz")).toBe(404);
    expect(await status(main, "metrics")).toBe(404);
    expect((await fetch(new URL("graphql", ops), { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' })).status).toBe(404);
    expect(stack.sims.counts()).toEqual({});
  });

  it("without it serves them on the main port", async () => {
    const main = new URL("/", onMain.gateway.url);
    expect(onMain.gateway.opsUrl).toBe(main.origin);
    expect((await fetch(new URL("readyz", main))).status).toBe(200);
    expect((await fetch(new URL("metrics", main))).status).toBe(200);
  });
});
