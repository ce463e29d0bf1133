import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { postGraphQL, startMain } from "../support/main-process.js";
import { eventually } from "../support/stack.js";

const introspect = "{ __schema { queryType { name } } }";
const typo = "{ phoneNumbr(id: 1) { id } }";

/** SPEC §8: HOST chooses the address; NUMBERGRAPH_INTROSPECTION=false turns off introspection and field suggestions. */
describe("HOST and NUMBERGRAPH_INTROSPECTION", () => {
  it("by default introspects and suggests fields, listening on 0.0.0.0", async () => {
    const main = await startMain({ NODE_ENV: "development" });
    try {
      // The log line and the console line come down different streams, in either order.
      await eventually(() => /numbergraph serving/.test(main.output()));
      expect(main.output()).toMatch(/numbergraph serving http:\/\/0\.0\.0\.0:\d+\/graphql/);
      expect((await postGraphQL(main.url, introspect)).body.data.__schema.queryType.name).toBe("Query");
      const suggestion = await postGraphQL(main.url, typo);
      expect(suggestion.body.errors[0].message).toMatch(/Did you mean "phoneNumber"/);
    } finally {
      main.child.kill("SIGTERM");
      await main.exited;
    }
  });

  it("listens on HOST, and with NUMBERGRAPH_INTROSPECTION=false refuses introspection and names no field it was not asked about", async () => {
    const main = await startMain({ NODE_ENV: "development", HOST: "127.0.0.1", NUMBERGRAPH_INTROSPECTION: "false" });
    try {
      expect(main.output()).toMatch(/GraphQL at http:\/\/127\.0\.0\.1:\d+\/graphql/);
      const refused = await postGraphQL(main.url, introspect);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(refused.body.errors[0].message).toMatch(/introspection is not allowed/i);
      const suggestion = await postGraphQL(main.url, typo);
      expect(suggestion.status).toBe(400);
      expect(suggestion.body.errors[0].message).toMatch(/^Cannot query field "phoneNumbr" on type "Query"\.?$/);
      expect(JSON.stringify(suggestion.body)).not.toMatch(/phoneNumbers|Did you mean/);
      // Queries still work.
      expect((await postGraphQL(main.url, "{ phoneNumbers(first: 1) { totalCount } }")).body.data.phoneNumbers.totalCount).toBeGreaterThan(0);
    } finally {
      main.child.kill("SIGTERM");
      await main.exited;
    }
  });

  it("stops with one line on a bad NUMBERGRAPH_INTROSPECTION value", async () => {
    const main = startMain({ NUMBERGRAPH_INTROSPECTION: "nope" });
    await expect(main).rejects.toThrow(/NUMBERGRAPH_INTROSPECTION must be true or false; got "nope"/);
  });
});
