import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { startStack, type Stack } from "../support/stack.js";

describe("the HTTP endpoint: /graphql for browsers and services, /healthz for load balancers", () => {
  let stack: Stack;
  let base: string;
  beforeAll(async () => {
    stack = await startStack({ numbers: 20, gatewayKeys: parseGatewayKeys("ops-91bc:*", "test") });
    base = new URL("/", stack.gateway.url).toString();
  });
  afterAll(() => stack?.stop());

  it("answers GET /healthz with 200 without a key and without asking any provider", async () => {
    stack.sims.resetCounts();
    const response = await fetch(new URL("healthz", base));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(stack.sims.counts()).toEqual({});
  });

  it("lets a dashboard on another origin call /graphql (CORS preflight and response headers)", async () => {
    const preflight = await fetch(stack.gateway.url, {
      method: "OPTIONS",
      headers: { origin: "https://dash.example.com", "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-api-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/x-api-key/);
    const answer = await stack.request("{ phoneNumbers(first: 1) { totalCount } }", undefined, { origin: "https://dash.example.com", "x-api-key": "ops-91bc" });
    expect(answer.errors).toBeUndefined();
  });

  it("says what is wrong with a body that is not JSON, in GraphQL's error shape, at no upstream cost", async () => {
    stack.sims.resetCounts();
    const response = await fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json", "x-api-key": "ops-91bc" }, body: '{"query": "{ phoneNumbers { totalCount } }"' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect(body.errors[0]!.message).toMatch(/not valid JSON .*send \{"query"/);
    expect(stack.sims.counts()).toEqual({});
  });

  it("refuses a body over 10 MB with 413 and what to do instead", async () => {
    const ids = Array.from({ length: 500_000 }, (_, i) => `id-${i.toString().padStart(20, "0")}`);
    const response = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "ops-91bc" },
      body: JSON.stringify({ query: "query($ids: [ID!]!) { phoneNumbersByIds(ids: $ids) { id } }", variables: { ids } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/larger than 10mb; send fewer ids or split the operation/);
  });

  it("serves GraphQL only at /graphql: another path is a 404", async () => {
    const response = await fetch(new URL("other", base), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(404);
  });
});
