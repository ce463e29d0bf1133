import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType } from "graphql";
import { buildGraphSchema } from "../../src/graph/schema.js";

/** Federation's own list field, priced by the query-cost plugin from its `representations`. */
const PRICED_BY_THE_PLUGIN = new Set(["Query._entities"]);

describe("query costs are declared on the fields", () => {
  it("every list field of objects in the executable schema declares its cost: none falls back to a default price", async () => {
    const schema = await buildGraphSchema();
    const lists: string[] = [];
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        const nullable = getNullableType(field.type);
        if (!isListType(nullable) || !isCompositeType(getNamedType(field.type))) continue;
        const name = `${type.name}.${field.name}`;
        lists.push(name);
        if (field.extensions.complexity === undefined && !PRICED_BY_THE_PLUGIN.has(name)) undeclared.push(name);
      }
    }
    expect(lists).toEqual(expect.arrayContaining(["Query.phoneNumbersByIds", "PhoneNumber.pools", "NumberPool.numbers", "PhoneNumberConnection.edges"]));
    expect(undeclared).toEqual([]);
  });

  it("connections declare the page as their cost multiplier", async () => {
    const schema = await buildGraphSchema();
    const phoneNumbers = schema.getQueryType()!.getFields().phoneNumbers!;
    expect(typeof phoneNumbers.extensions.complexity).toBe("function");
  });
});
