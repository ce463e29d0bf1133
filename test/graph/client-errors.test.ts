import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startStack, type Stack } from "../support/stack.js";

describe("bad client input is a BAD_USER_INPUT that says what to change, and costs no upstream call", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ numbers: 50 });
  });
  afterAll(() => stack?.stop());

  it.each([
    ["first too large", "{ phoneNumbers(first: 5000) { totalCount } }", /first must be from 1 to 1000; got 5000/],
    ["first zero", "{ numberPools(first: 0) { totalCount } }", /first must be from 1 to 1000; got 0/],
    ["a cursor from nowhere", '{ phoneNumbers(after: "not-a-cursor") { totalCount } }', /not a cursor from this API/],
    ["an id from nowhere", '{ phoneNumber(id: "1234") { e164 } }', /not a numbergraph id/],
    ["a pool id where a number id goes", `{ phoneNumber(id: "${Buffer.from(JSON.stringify(["NumberPool", "ZOOM", "a", "b"])).toString("base64url")}") { e164 } }`, /NumberPool, not a PhoneNumber/],
    ["a search without digits", '{ phoneNumbers(filter: { search: "abc" }) { totalCount } }', /filter.search must be digits/],
    ["a country that is no ISO code", '{ phoneNumbers(filter: { countryCodes: ["USA"] }) { totalCount } }', /alpha-2/],
    ["a dial string that is no number", '{ dialNumber(e164: "hello") { e164 } }', /not a phone number/],
  ])("%s", async (_, query, message) => {
    stack.sims.resetCounts();
    const result = await stack.request(query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.message).toMatch(message);
    expect(stack.sims.counts()).toEqual({});
  });

  it("pages on from a cursor even after the item it names is gone (cursors are sort keys, not offsets)", async () => {
    const first = await stack.request<{ phoneNumbers: { pageInfo: { endCursor: string }; nodes: { e164: string }[] } }, never>("{ phoneNumbers(first: 5) { pageInfo { endCursor } nodes { e164 } } }");
    const next = await stack.request<{ phoneNumbers: { nodes: { e164: string }[] } }, { after: string }>("query($after: String) { phoneNumbers(first: 5, after: $after) { nodes { e164 } } }", {
      after: first.data!.phoneNumbers.pageInfo.endCursor,
    });
    expect(next.data!.phoneNumbers.nodes[0]!.e164 >= first.data!.phoneNumbers.nodes[4]!.e164).toBe(true);
  });
});
